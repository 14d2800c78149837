import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Below this size compressing costs more than it saves (as the compression middleware's default). */
const COMPRESS_FROM_BYTES = 1024;

export type AnswerEncoding = 'br' | 'gzip';

/**
 * A JSON answer serialised once and compressed at most once per encoding, for answers
 * sent many times unchanged (a month of free slots). Compressing on every response
 * would cost more CPU than building the answer.
 */
export class JsonAnswer {
  private readonly encoded = new Map<AnswerEncoding, Buffer>();

  constructor(readonly json: string) {}

  /** The body for a request's Accept-Encoding and the Content-Encoding to send with it (null: none). */
  bodyFor(acceptEncoding: string | undefined): { body: string | Buffer; encoding: AnswerEncoding | null } {
    const encoding = this.json.length >= COMPRESS_FROM_BYTES ? preferredEncoding(acceptEncoding) : null;
    if (!encoding) return { body: this.json, encoding: null };
    let body = this.encoded.get(encoding);
    if (!body) {
      body = encoding === 'br' ? brotliCompressSync(this.json, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) : gzipSync(this.json);
      this.encoded.set(encoding, body);
    }
    return { body, encoding };
  }
}

/** Brotli when accepted, else gzip when accepted, else none; "q=0" refuses an encoding. */
export function preferredEncoding(acceptEncoding: string | undefined): AnswerEncoding | null {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}
