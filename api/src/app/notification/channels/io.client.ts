import { Inject, Injectable, Logger } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_CONFIG } from '../../config/config';
import type { AppConfig } from '../../config/config';
import { httpFailureIsPermanent, parseRetryAfter } from '../notification.policy';
import { ChannelError } from './channel';
import type { IoMessage } from './io.message';

/** POST /profiles: null when the citizen has no IO profile (404). */
export interface IoProfile {
  sender_allowed: boolean;
  preferred_languages?: string[];
}

/** The two calls of the IO API that sending needs (io-functions-services, openapi/index.yaml). */
export abstract class IoClient {
  abstract describe(): string;
  abstract profile(fiscalCode: string, apiKey: string): Promise<IoProfile | null>;
  /** Returns the id of the created message. */
  abstract submit(fiscalCode: string, content: IoMessage, apiKey: string, label: { id: string; kind: string; code: string }): Promise<string>;
}

const TIMEOUT_MS = 10_000;

/** Over HTTPS to IO_API_URL, the key in `Ocp-Apim-Subscription-Key`. */
export class HttpIoClient extends IoClient {
  constructor(private readonly apiUrl: string) {
    super();
  }

  describe(): string {
    return `App IO at ${this.apiUrl}`;
  }

  async profile(fiscalCode: string, apiKey: string): Promise<IoProfile | null> {
    const answer = await this.post('/profiles', { fiscal_code: fiscalCode }, apiKey);
    if (answer.status === 404) return null;
    await this.check(answer, 'profiles');
    const body = (await answer.json()) as Partial<IoProfile>;
    if (typeof body.sender_allowed !== 'boolean') throw new ChannelError('IO profiles: answer without sender_allowed');
    return {
      sender_allowed: body.sender_allowed,
      preferred_languages: Array.isArray(body.preferred_languages) ? body.preferred_languages.filter((l) => typeof l === 'string') : undefined,
    };
  }

  async submit(fiscalCode: string, content: IoMessage, apiKey: string): Promise<string> {
    const answer = await this.post('/messages', { fiscal_code: fiscalCode, content }, apiKey);
    await this.check(answer, 'messages');
    const body = (await answer.json().catch(() => ({}))) as { id?: unknown };
    return typeof body.id === 'string' ? body.id : '';
  }

  private async post(route: string, body: unknown, apiKey: string): Promise<Response> {
    try {
      return await fetch(`${this.apiUrl}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'Ocp-Apim-Subscription-Key': apiKey },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      // Unreachable, reset, timed out: worth another try later. The cause names no citizen.
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new ChannelError(`IO ${route.slice(1)}: ${cause}`);
    }
  }

  /** 2xx passes; 429 and 5xx are retried (Retry-After honoured); another 4xx fails at once. */
  private async check(answer: Response, what: string): Promise<void> {
    if (answer.ok) return;
    // The problem's title/detail only: an IO answer never echoes the fiscal code, but cut it short anyway.
    const problem = (await answer.json().catch(() => null)) as { title?: unknown; detail?: unknown } | null;
    const detail = [problem?.title, problem?.detail]
      .filter((x) => typeof x === 'string')
      .join(': ')
      .slice(0, 200);
    throw new ChannelError(
      `IO ${what}: HTTP ${answer.status}${detail ? ` ${detail}` : ''}`,
      httpFailureIsPermanent(answer.status),
      parseRetryAfter(answer.headers.get('retry-after'), new Date()),
    );
  }
}

/**
 * The demo without IO credentials: every citizen "has the app", and each message is written
 * as a JSON file under IO_DIR (like e-mails as .eml files under MAIL_DIR).
 */
export class FileIoClient extends IoClient {
  private readonly logger = new Logger('AppIO');

  constructor(private readonly dir: string) {
    super();
  }

  describe(): string {
    return `App IO messages written as JSON files to ${this.dir}`;
  }

  profile(): Promise<IoProfile> {
    return Promise.resolve({ sender_allowed: true });
  }

  async submit(fiscalCode: string, content: IoMessage, _apiKey: string, label: { id: string; kind: string; code: string }): Promise<string> {
    const dir = path.resolve(this.dir);
    await mkdir(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = path.join(dir, `${stamp}-${label.kind}-${label.code}-${label.id.slice(0, 8)}.json`);
    await writeFile(file, `${JSON.stringify({ fiscal_code: fiscalCode, content }, null, 2)}\n`);
    this.logger.log(`wrote ${label.kind} ${label.code} to ${path.join(this.dir, path.basename(file))}`);
    return label.id;
  }
}

/** HTTP when a key exists (the installation's or an office's), else the demo's files, else nothing. */
export const ioClientProvider = {
  provide: IoClient,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): IoClient => (config.io.apiKey || !config.demoMode ? new HttpIoClient(config.io.apiUrl) : new FileIoClient(config.io.dir)),
};

/** The key an office sends with: its own, else IO_API_KEY; in the demo without keys, a placeholder (files). Null: no IO. */
export function ioKeyFor(config: AppConfig, officeKey: string | null): string | null {
  return officeKey || config.io.apiKey || (config.demoMode ? 'demo' : null);
}

/** Whether IO is offered: a key (the installation's, or the office's), or the demo. */
@Injectable()
export class IoAvailability {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  keyFor(officeKey: string | null): string | null {
    return ioKeyFor(this.config, officeKey);
  }
}
