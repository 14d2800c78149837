import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { JsonAnswer, preferredEncoding } from './json-answer';

describe('preferredEncoding', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0', null],
    ['identity', null],
    ['*', 'gzip'],
    [undefined, null],
    ['GZIP ; q=0.5', 'gzip'],
  ])('%s → %s', (header, expected) => {
    expect(preferredEncoding(header)).toBe(expected);
  });
});

describe('JsonAnswer', () => {
  const big = JSON.stringify({ days: Array.from({ length: 100 }, (_, i) => ({ date: `2027-03-${i}`, slots: [] })) });

  it('sends small answers as they are', () => {
    expect(new JsonAnswer('{"days":[]}').bodyFor('br')).toEqual({ body: '{"days":[]}', encoding: null });
  });

  it('compresses a large answer once per encoding and the bytes decode to the same JSON', () => {
    const answer = new JsonAnswer(big);
    const br = answer.bodyFor('gzip, br');
    expect(br.encoding).toBe('br');
    expect(brotliDecompressSync(br.body as Buffer).toString()).toBe(big);
    expect(answer.bodyFor('br').body).toBe(br.body);
    const gzip = answer.bodyFor('gzip');
    expect(gunzipSync(gzip.body as Buffer).toString()).toBe(big);
    expect(answer.bodyFor('identity')).toEqual({ body: big, encoding: null });
  });
});
