import { HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { expressEtag, hasBodyOfType, parseJson, parseText, tagAndCheckFreshness } from './express-compat';

const request = (headers: Record<string, string> = {}, method = 'POST') => ({ method, headers }) as unknown as FastifyRequest;

/** Runs a parser; the body, or the status of the error it reports. */
function parse(parser: typeof parseJson, body: Buffer, contentType: string): { body?: unknown; status?: number } {
  let result: { body?: unknown; status?: number } = {};
  parser(request({ 'content-type': contentType }), body, (error, parsed) => {
    result = error ? { status: error instanceof HttpException ? error.getStatus() : -1 } : { body: parsed };
  });
  return result;
}

describe('JSON bodies, as Express reads them', () => {
  it.each([
    ['{"a":1}', 'application/json', { body: { a: 1 } }],
    [' \n[1, 2]', 'application/json; charset=utf-8', { body: [1, 2] }],
    ['', 'application/json', { body: {} }],
    ['42', 'application/json', { status: 400 }],
    ['"text"', 'application/json', { status: 400 }],
    ['{"a":', 'application/json', { status: 400 }],
    ['   ', 'application/json', { status: 400 }],
    ['{"a":1}', 'application/json; charset=iso-8859-1', { status: 415 }],
    ['{"a":1}', 'application/json; charset=utf-klingon', { status: 415 }],
  ])('%j as %s', (body, contentType, expected) => {
    expect(parse(parseJson, Buffer.from(body), contentType)).toEqual(expected);
  });

  it('reads UTF-16 when the charset says so', () => {
    expect(parse(parseJson, Buffer.from('{"città":"Calderara"}', 'utf16le'), 'application/json; charset=utf-16le')).toEqual({ body: { città: 'Calderara' } });
  });
});

describe('text bodies (the CSV upload), as Express reads them', () => {
  it('decodes UTF-8 by default, drops a byte-order mark, honours the charset, refuses unknown ones', () => {
    expect(parse(parseText, Buffer.from('\ufeffmonth,metric\nè', 'utf8'), 'text/csv')).toEqual({ body: 'month,metric\nè' });
    expect(parse(parseText, Buffer.from('città', 'latin1'), 'text/csv; charset=ISO-8859-1')).toEqual({ body: 'città' });
    expect(parse(parseText, Buffer.from('x'), 'text/csv; charset=klingon')).toEqual({ status: 415 });
  });
});

describe('hasBodyOfType, as Express request.is()', () => {
  it('matches the media type without parameters, and never a request without a body', () => {
    expect(hasBodyOfType(request({ 'content-type': 'Application/JSON; charset=utf-8', 'content-length': '2' }), 'application/json')).toBe(true);
    expect(hasBodyOfType(request({ 'content-type': 'text/csv', 'transfer-encoding': 'chunked' }), 'text/csv')).toBe(true);
    expect(hasBodyOfType(request({ 'content-type': 'application/json', 'content-length': '0' }), 'application/json')).toBe(true);
    expect(hasBodyOfType(request({ 'content-type': 'application/json' }), 'application/json')).toBe(false);
    expect(hasBodyOfType(request({ 'content-type': 'application/x-www-form-urlencoded', 'content-length': '9' }), 'application/json')).toBe(false);
  });
});

describe('ETags and 304, as Express sends them', () => {
  it('computes the ETag of the etag package', () => {
    // Values from Express's own `etag(body, { weak: true })`.
    expect(expressEtag('{"status":"ok"}')).toBe('W/"f-VaSQ4oDUiZblZNAEkkN+sX+q3Sg"');
    expect(expressEtag(Buffer.from('héllo'))).toBe('W/"6-NbXqRcXkH3i0apN8x01B3+qSCJA"');
    expect(expressEtag('')).toBe('W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"');
  });

  const BODY = '{"status":"ok"}';
  const ETAG = 'W/"f-VaSQ4oDUiZblZNAEkkN+sX+q3Sg"';

  /** Sends BODY through the hook; the status, headers and payload that leave it. */
  function send(headers: Record<string, string>, method = 'GET', status = 200, sent: Record<string, string> = {}) {
    const replyHeaders: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...sent };
    const reply = {
      statusCode: status,
      hasHeader: (name: string) => name.toLowerCase() in replyHeaders,
      getHeader: (name: string) => replyHeaders[name.toLowerCase()],
      header(name: string, value: string) {
        replyHeaders[name.toLowerCase()] = value;
        return this;
      },
      removeHeader(name: string) {
        delete replyHeaders[name.toLowerCase()];
        return this;
      },
      code(code: number) {
        this.statusCode = code;
        return this;
      },
    };
    let payload: unknown;
    tagAndCheckFreshness(request(headers, method), reply as unknown as FastifyReply, BODY, (_, p) => (payload = p));
    return { status: reply.statusCode, headers: replyHeaders, payload };
  }

  it('tags every body and answers 304 without a body or its type when the client holds it', () => {
    expect(send({})).toEqual({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8', etag: ETAG }, payload: BODY });
    expect(send({ 'if-none-match': ETAG })).toEqual({ status: 304, headers: { etag: ETAG }, payload: null });
    // HEAD keeps the payload for Fastify's HEAD handler to count; Node sends no body with a 304.
    expect(send({ 'if-none-match': ETAG }, 'HEAD')).toMatchObject({ status: 304, payload: BODY });
  });

  it.each([
    [{ 'if-none-match': '*' }, 304],
    [{ 'if-none-match': `"other", ${ETAG}` }, 304],
    [{ 'if-none-match': ETAG.slice(2) }, 304],
    [{ 'if-none-match': ETAG, 'if-modified-since': 'Thu, 01 Jan 2026 00:00:00 GMT' }, 304],
    [{ 'if-none-match': '"other"' }, 200],
    [{ 'if-none-match': ETAG, 'cache-control': 'no-cache' }, 200],
    [{ 'if-modified-since': 'Thu, 01 Jan 2026 00:00:00 GMT' }, 200],
  ])('GET with %j → %i', (headers, status) => {
    expect(send(headers).status).toBe(status);
  });

  it('compares If-Modified-Since with Last-Modified when there is one', () => {
    const sent = { 'last-modified': 'Thu, 01 Jan 2026 00:00:00 GMT' };
    expect(send({ 'if-modified-since': 'Fri, 02 Jan 2026 00:00:00 GMT' }, 'GET', 200, sent).status).toBe(304);
    expect(send({ 'if-modified-since': 'Wed, 31 Dec 2025 00:00:00 GMT' }, 'GET', 200, sent).status).toBe(200);
  });

  it('never answers 304 to other methods or to errors, and keeps an ETag set by the handler', () => {
    expect(send({ 'if-none-match': '*' }, 'POST').status).toBe(200);
    expect(send({ 'if-none-match': '*' }, 'GET', 404).status).toBe(404);
    expect(send({}, 'GET', 200, { etag: '"mine"' }).headers['etag']).toBe('"mine"');
  });
});
