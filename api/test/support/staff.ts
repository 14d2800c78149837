import type { StaffRole } from '@sportello/contracts';
import type { Client } from 'pg';
import { hashPassword } from '../../src/app/auth/password';

export const STAFF_PASSWORD = 'una-password-lunga';

/** Inserts a staff account (username in lower case) bound to the given offices; returns its id. */
export async function insertStaff(sql: Client, username: string, role: StaffRole, officeIds: string[], password = STAFF_PASSWORD): Promise<string> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO staff_user (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
    [username, `Utente ${username}`, role, await hashPassword(password)],
  );
  for (const officeId of officeIds) await sql.query('INSERT INTO staff_user_office (staff_user_id, office_id) VALUES ($1, $2)', [rows[0].id, officeId]);
  return rows[0].id;
}

export interface Reply {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** A browser-like client: keeps the cookies it is given and sends them back. */
export class StaffClient {
  readonly cookies = new Map<string, string>();
  /** The raw Set-Cookie headers of the last answer. */
  lastSetCookies: string[] = [];

  constructor(readonly baseUrl: string) {}

  static async login(baseUrl: string, username: string, password = STAFF_PASSWORD): Promise<StaffClient> {
    const client = new StaffClient(baseUrl);
    const answer = await client.request('POST', '/api/auth/login', { username, password });
    if (answer.status !== 200) throw new Error(`login of ${username} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return client;
  }

  get xsrf(): string | undefined {
    return this.cookies.get('XSRF-TOKEN');
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
    return this.request('GET', path, undefined, headers);
  }

  /** An unsafe request; `csrf: false` leaves out the X-XSRF-TOKEN header. */
  send(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body: unknown,
    { csrf = true, headers = {} }: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    const extra: Record<string, string> = { ...headers };
    if (csrf && this.xsrf) extra['x-xsrf-token'] = this.xsrf;
    return this.request(method, path, body, extra);
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { accept: 'application/json', ...(body !== undefined && { 'content-type': 'application/json' }), ...(cookie && { cookie }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    this.lastSetCookies = response.headers.getSetCookie();
    for (const line of this.lastSetCookies) {
      const [pair, ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  }
}
