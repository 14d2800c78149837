import pino from 'pino';
import { Writable } from 'node:stream';
import { pinoOptions, prettyLine, REDACTED, redactPaths, requestId } from './pino-options';
import { scrub } from './scrub';
import { logSettings } from './settings';
import type { IncomingMessage } from 'node:http';

/** A pino logger with the api's options, writing its JSON lines into an array. */
function memoryLogger(env: Record<string, string> = {}) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino(pinoOptions(logSettings({ LOG_FORMAT: 'json', ...env })), sink), lines };
}

describe('log redaction', () => {
  it('redacts personal data, credentials and cookies by field name, at any depth', () => {
    const { logger, lines } = memoryLogger();
    logger.info(
      {
        fiscalCode: 'RSSMRA80A01H501U',
        citizen: { firstName: 'Mario', lastName: 'Rossi', email: 'mario@example.it', phone: '3471234567' },
        req: { headers: { authorization: 'Bearer abc', cookie: 'sportello_session=s3cr3t', 'x-xsrf-token': 'x' } },
        body: { password: 'una-password', manageToken: 'tok' },
        officeId: 'kept',
      },
      'booked',
    );
    const line = lines[0];
    expect(line).toMatchObject({
      level: 'info',
      msg: 'booked',
      fiscalCode: REDACTED,
      citizen: { firstName: REDACTED, lastName: REDACTED, email: REDACTED, phone: REDACTED },
      req: { headers: { authorization: REDACTED, cookie: REDACTED, 'x-xsrf-token': REDACTED } },
      body: { password: REDACTED, manageToken: REDACTED },
      officeId: 'kept',
    });
    expect(typeof line['time']).toBe('string');
  });

  it('LOG_REDACT adds field names', () => {
    const { logger, lines } = memoryLogger({ LOG_REDACT: 'badge, note' });
    logger.info({ badge: '42', nested: { note: 'private' }, other: 'kept' }, 'x');
    expect(lines[0]).toMatchObject({ badge: REDACTED, nested: { note: REDACTED }, other: 'kept' });
  });

  it('scrubs free text: messages and error texts (e.g. a PostgreSQL detail quoting a row)', () => {
    const { logger, lines } = memoryLogger();
    logger.warn('refused RSSMRA80A01H501U for mario.rossi+cie@example.it, call +39 051 646 1111 or 347 1234567');
    const error = new Error('duplicate key value (fiscal_code)=(RSSMRA80A01H501U) at /api/appointments/manage/Zx9_abc-DEF');
    logger.error({ err: error }, 'failed');
    expect(lines[0]?.['msg']).toBe('refused [codice fiscale] for [e-mail], call [phone] or [phone]');
    const err = lines[1]?.['err'] as { message: string; stack: string };
    expect(err.message).toBe('duplicate key value (fiscal_code)=([codice fiscale]) at /api/appointments/manage/[redacted]');
    expect(err.stack).not.toContain('RSSMRA80A01H501U');
  });

  it('scrubs omocodia spellings, Bearer and session cookies', () => {
    expect(scrub('FMMHPGVPHMUARRSK Authorization: Bearer eyJ.abc sportello_session=abc; XSRF-TOKEN=def')).toBe(
      '[codice fiscale] Authorization: Bearer [redacted] sportello_session=[redacted]; XSRF-TOKEN=[redacted]',
    );
  });

  it('builds redaction paths for names that are not identifiers', () => {
    expect(redactPaths(['set-cookie'])).toEqual(['["set-cookie"]', '*["set-cookie"]', '*.*["set-cookie"]', '*.*.*["set-cookie"]']);
  });
});

describe('log settings and lines', () => {
  it('JSON in production, pretty elsewhere, LOG_FORMAT overrides', () => {
    expect(logSettings({ NODE_ENV: 'production' }).format).toBe('json');
    expect(logSettings({}).format).toBe('pretty');
    expect(logSettings({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).format).toBe('pretty');
    expect(logSettings({ LOG_FORMAT: 'JSON' }).format).toBe('json');
  });

  it("takes the proxy's X-Request-Id when it looks like an id, else makes a UUID", () => {
    const req = (id?: string) => ({ headers: id === undefined ? {} : { 'x-request-id': id } }) as IncomingMessage;
    expect(requestId(req('edge-01:7f3a/2'), true)).toBe('edge-01:7f3a/2');
    expect(requestId(req('two words'), true)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestId(req('x'.repeat(129)), true)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestId(req(), true)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('ignores X-Request-Id without a configured proxy: the client does not choose the id', () => {
    const req = { headers: { 'x-request-id': 'edge-01:7f3a/2' } } as unknown as IncomingMessage;
    expect(requestId(req, false)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a pretty answer line reads as method, route, status and duration', () => {
    expect(prettyLine({ msg: 'request completed', method: 'GET', route: '/api/offices', status: 200, durationMs: 4, requestId: 'r1' }, 'msg')).toBe(
      'request completed GET /api/offices 200 4 ms (r1)',
    );
    expect(prettyLine({ msg: 'listening', context: 'Sportello' }, 'msg')).toBe('[Sportello] listening');
  });
});
