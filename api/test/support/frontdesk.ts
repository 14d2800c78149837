import { isHoliday, localToday } from '@sportello/domain';
import type { Client } from 'pg';
import { fiscalCodeKey } from '@sportello/domain';
import { fiscalCode } from '../../../libs/domain/testing/fiscal-codes.cjs';

/** Sets ticket prefixes and outcomes on the fixture's services and adds desks serving the given services. */
export async function insertDesks(sql: Client, officeId: string, desks: Array<{ number: number; serviceIds: string[] }>): Promise<string[]> {
  const ids: string[] = [];
  for (const desk of desks) {
    const { rows } = await sql.query<{ id: string }>(`INSERT INTO desk (office_id, number, name) VALUES ($1, $2, $3) RETURNING id`, [
      officeId,
      desk.number,
      `Sportello ${desk.number}`,
    ]);
    for (const serviceId of desk.serviceIds) await sql.query('INSERT INTO desk_service (desk_id, service_id) VALUES ($1, $2)', [rows[0].id, serviceId]);
    ids.push(rows[0].id);
  }
  return ids;
}

export async function setQueueService(
  sql: Client,
  serviceId: string,
  prefix: string,
  outcomes: Array<{ code: string; it: string; en: string }> = [],
): Promise<void> {
  await sql.query('UPDATE service SET ticket_prefix = $2, outcomes = $3 WHERE id = $1', [serviceId, prefix, JSON.stringify(outcomes)]);
}

let n = 5000;

/** A booked appointment starting at `startAt` (inserted directly: check-in concerns today, booking closes earlier). */
export async function insertAppointment(
  sql: Client,
  officeId: string,
  serviceId: string,
  startAt: Date,
  code: string,
  who: { firstName?: string; lastName?: string } = {},
): Promise<{ id: string; code: string; fiscalCode: string }> {
  const cf = fiscalCode(n++);
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO appointment (id, code, office_id, service_id, start_at, end_at, first_name, last_name, fiscal_code, fiscal_code_key, email, email_key, language, privacy_accepted_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, 'cittadino@example.it', 'cittadino@example.it', 'it', now()) RETURNING id`,
    [code, officeId, serviceId, startAt, new Date(startAt.getTime() + 20 * 60_000), who.firstName ?? 'Maria', who.lastName ?? 'Rossi', cf, fiscalCodeKey(cf)],
  );
  return { id: rows[0].id, code, fiscalCode: cf };
}

/** Reads a Server-Sent Events stream and hands over each event as it arrives. */
export class SseClient {
  readonly events: Array<{ type: string; data: Record<string, unknown>; at: number }> = [];
  private readonly controller = new AbortController();
  private waiters: Array<() => void> = [];

  private constructor(readonly url: string) {}

  static async connect(url: string): Promise<SseClient> {
    const client = new SseClient(url);
    const response = await fetch(url, { headers: { accept: 'text/event-stream' }, signal: client.controller.signal });
    if (response.status !== 200 || !response.body) throw new Error(`SSE answered ${response.status}`);
    void client.read(response.body.getReader());
    return client;
  }

  /** Resolves with the first event (already received or to come) that matches. */
  async next(
    match: (event: { type: string; data: Record<string, unknown> }) => boolean,
    timeoutMs = 5000,
  ): Promise<{ type: string; data: Record<string, unknown>; at: number }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching event within ${timeoutMs} ms on ${this.url}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.controller.abort();
  }

  private async read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.replace(/^data: ?/, ''))
            .join('\n');
          if (data) this.events.push({ type, data: JSON.parse(data), at: performance.now() });
          const waiters = this.waiters;
          this.waiters = [];
          waiters.forEach((w) => w());
        }
      }
    } catch {
      // aborted by close()
    }
  }
}

/**
 * Opening hours around the clock, every day (00:00–23:59), so that walk-in tickets are
 * taken whenever the suite runs. The office is still closed on a public holiday: then (and
 * in the last minute of the day) it moves to a time zone where its local "now" is an
 * ordinary open minute. None exists only in the two-day holidays' middle hours (25–26
 * December, Easter Sunday–Monday, about 22 hours each), where this throws and says so.
 */
export async function openAroundTheClock(sql: Client, officeId: string): Promise<string> {
  await sql.query('DELETE FROM opening_hours WHERE office_id = $1', [officeId]);
  for (let weekday = 1; weekday <= 7; weekday++) {
    await sql.query(`INSERT INTO opening_hours (office_id, weekday, start_time, end_time) VALUES ($1, $2, '00:00', '23:59')`, [officeId, weekday]);
  }
  const now = new Date();
  const zone = ['Europe/Rome', 'Etc/GMT-14', 'Etc/GMT+12', 'Asia/Tokyo', 'America/New_York', 'Etc/GMT-7', 'Etc/GMT+6'].find((candidate) => {
    const minute = new Intl.DateTimeFormat('en-GB', { timeZone: candidate, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
    return !isHoliday(localToday(now, candidate)) && minute !== '23:59';
  });
  if (!zone) throw new Error(`today is a public holiday in every time zone: the walk-in tests need an open office (${now.toISOString()})`);
  await sql.query('UPDATE office SET time_zone = $2 WHERE id = $1', [officeId, zone]);
  return zone;
}

/** No opening hours at all: the office is closed whenever the test runs. */
export async function closeAllWeek(sql: Client, officeId: string): Promise<void> {
  await sql.query('DELETE FROM opening_hours WHERE office_id = $1', [officeId]);
}
