// The backup file: gzip of plain text, in this order (a line each unless said otherwise):
//   SPORTELLO-BACKUP 1
//   {manifest}                      JSON: createdAt, server, migration, migrations, tables [{ name, columns }]
//   COPY <table>                    per table, in the manifest's (foreign-key) order, followed by
//   <rows>                          the table's rows as COPY … TO STDOUT writes them (text format)
//   \.                              end of the table's rows
//   END {trailer}                   JSON: rows { table: count }, sequences [{ name, value, isCalled }]
// A row can never be the line `\.` (COPY writes a backslash as `\\`), and a file without
// its END line is a truncated one, which restore refuses.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

export const MAGIC = 'SPORTELLO-BACKUP 1';
export const END_OF_ROWS = '\\.';

/**
 * @typedef {{ createdAt: string, server: string, migration: string, migrations: string[], tables: import('./schema.mjs').TableInfo[] }} Manifest
 * @typedef {{ rows: Record<string, number>, sequences: import('./schema.mjs').SequenceValue[] }} Trailer
 */

export class BackupFormatError extends Error {}

/** Reads a backup file (gzipped or not) line by line, and a table's rows as whole-line chunks. */
export class BackupReader {
  /** @param {string} file */
  constructor(file) {
    this.file = file;
    /** @type {Buffer} */
    this.buffer = Buffer.alloc(0);
    /** @type {AsyncIterator<Buffer> | null} */
    this.chunks = null;
  }

  async open() {
    const head = await new Promise((resolve, reject) => {
      const stream = createReadStream(this.file, { start: 0, end: 1 });
      /** @type {Buffer[]} */
      const parts = [];
      stream.on('data', (c) => parts.push(/** @type {Buffer} */ (c)));
      stream.on('end', () => resolve(Buffer.concat(parts)));
      stream.on('error', reject);
    });
    /** @type {import('node:stream').Readable} */
    let stream = createReadStream(this.file);
    if (head[0] === 0x1f && head[1] === 0x8b) stream = stream.pipe(createGunzip());
    this.chunks = stream[Symbol.asyncIterator]();
    if ((await this.line()) !== MAGIC) throw new BackupFormatError(`${this.file} is not a Sportello backup (its first line is not "${MAGIC}").`);
    /** @type {Manifest} */
    const manifest = JSON.parse((await this.line()) ?? 'null');
    if (!manifest || typeof manifest.migration !== 'string' || !Array.isArray(manifest.migrations) || !Array.isArray(manifest.tables)) {
      throw new BackupFormatError(`${this.file}: the manifest is incomplete.`);
    }
    return manifest;
  }

  /** @returns {Promise<boolean>} false at the end of the file */
  async fill() {
    const next = await /** @type {AsyncIterator<Buffer>} */ (this.chunks).next();
    if (next.done) return false;
    this.buffer = this.buffer.length > 0 ? Buffer.concat([this.buffer, next.value]) : next.value;
    return true;
  }

  /** The next line without its newline, or null at the end of the file. */
  async line() {
    for (;;) {
      const end = this.buffer.indexOf(10);
      if (end >= 0) {
        const line = this.buffer.subarray(0, end).toString('utf8');
        this.buffer = this.buffer.subarray(end + 1);
        return line;
      }
      if (!(await this.fill())) {
        if (this.buffer.length === 0) return null;
        const line = this.buffer.toString('utf8');
        this.buffer = Buffer.alloc(0);
        return line;
      }
    }
  }

  /** The rows of the current table, in chunks of whole lines, up to and without the `\.` line. */
  async *rows() {
    const terminator = Buffer.from(`\n${END_OF_ROWS}\n`);
    for (;;) {
      // The buffer always starts at the beginning of a line.
      if (this.buffer.subarray(0, 3).equals(terminator.subarray(1))) {
        this.buffer = this.buffer.subarray(3);
        return;
      }
      const at = this.buffer.indexOf(terminator);
      if (at >= 0) {
        yield this.buffer.subarray(0, at + 1);
        this.buffer = this.buffer.subarray(at + terminator.length);
        return;
      }
      const lastNewline = this.buffer.lastIndexOf(10);
      if (lastNewline >= 0) {
        // Keep the last line back: it may be the start of the terminator.
        const keep = this.buffer.subarray(lastNewline + 1);
        const whole = this.buffer.subarray(0, lastNewline + 1);
        this.buffer = keep;
        if (whole.length > 0) yield whole;
      }
      if (!(await this.fill())) throw new BackupFormatError(`${this.file} ends inside a table's rows: the file is truncated.`);
    }
  }

  /** The trailer, after the last table. */
  async trailer() {
    const line = await this.line();
    if (line === null || !line.startsWith('END ')) throw new BackupFormatError(`${this.file} has no END line: the file is truncated.`);
    return /** @type {Trailer} */ (JSON.parse(line.slice(4)));
  }
}
