import { EventEmitter } from 'node:events';
import net from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  parsed: ParsedMail;
}

/** A free TCP port on 127.0.0.1 (nothing listens on it afterwards). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A real SMTP server (the `smtp-server` package) for the tests: it parses every message
 * it accepts with `mailparser`, can refuse mail (temporary 451) to play an SMTP outage,
 * and lets a test wait for messages by event with a timeout, never by sleeping.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** When true, every message is refused with a temporary error. */
  rejecting = false;
  private readonly events = new EventEmitter();
  private server: SMTPServer | null = null;

  private constructor(readonly port: number) {}

  static async start(port?: number): Promise<TestSmtpServer> {
    const smtp = new TestSmtpServer(port ?? (await freePort()));
    await smtp.listen();
    return smtp;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (this.rejecting) {
            callback(Object.assign(new Error('Mailbox of <someone@example.it> busy, try again later'), { responseCode: 451 }));
            this.events.emit('rejected');
            return;
          }
          callback();
          void simpleParser(Buffer.concat(chunks), { skipImageLinks: true }).then((parsed) => {
            this.received.push({ to, parsed });
            this.events.emit('message');
          });
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Waits until `predicate` holds for the messages received so far (checked on every arrival). */
  waitFor(predicate: (mails: ReceivedMail[]) => boolean, timeoutMs = 20_000, what = 'messages'): Promise<ReceivedMail[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate(this.received)) return false;
        cleanup();
        resolve(this.received);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; received ${this.received.length}: ${this.received.map((m) => m.parsed.subject).join(' | ')}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('message', check);
      };
      if (!check()) this.events.on('message', check);
    });
  }

  /** Resolves on the next refused message. */
  nextRejection(timeoutMs = 20_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a refused message')), timeoutMs);
      this.events.once('rejected', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  bySubject(fragment: string): ReceivedMail[] {
    return this.received.filter((m) => m.parsed.subject?.includes(fragment));
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Polls a condition (for database state the api writes) until it holds, with a timeout. */
export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Everything the api process writes from now on (startApi stops collecting stdout once it listens). */
export function captureLogs(api: { process: { stdout: NodeJS.ReadableStream | null; stderr: NodeJS.ReadableStream | null } }): () => string {
  let text = '';
  api.process.stdout?.on('data', (c: Buffer) => (text += c.toString()));
  api.process.stderr?.on('data', (c: Buffer) => (text += c.toString()));
  return () => text;
}
