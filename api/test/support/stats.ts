import type { StaffClient } from './staff';

export interface TextReply {
  status: number;
  headers: Headers;
  text: string;
}

/** A request with a raw (non-JSON) body or answer, with the client's cookies and CSRF header. */
export async function rawRequest(
  client: StaffClient,
  method: string,
  path: string,
  options: { body?: string; contentType?: string; csrf?: boolean; language?: string } = {},
): Promise<TextReply> {
  const headers: Record<string, string> = { cookie: [...client.cookies].map(([n, v]) => `${n}=${v}`).join('; ') };
  if (options.contentType) headers['content-type'] = options.contentType;
  if (options.language) headers['accept-language'] = options.language;
  if ((options.csrf ?? true) && client.xsrf) headers['x-xsrf-token'] = client.xsrf;
  const response = await fetch(`${client.baseUrl}${path}`, { method, headers, body: options.body });
  // ignoreBOM: keep a byte-order mark, which response.text() would silently drop.
  return { status: response.status, headers: response.headers, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()) };
}

/** Posts a CSV file of monthly figures. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read the JSON answer as they assert it
export async function importCsv(client: StaffClient, officeId: string, csv: string, language = 'it'): Promise<{ status: number; body: any }> {
  const reply = await rawRequest(client, 'POST', `/api/stats/history?officeId=${officeId}`, { body: csv, contentType: 'text/csv; charset=utf-8', language });
  return { status: reply.status, body: reply.text ? JSON.parse(reply.text) : null };
}

/** The rows of a CSV export, without the byte-order mark, split naively (the tests' values hold no separators). */
export function csvRows(text: string, separator = ','): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(separator));
}
