import { DateTime } from 'luxon';
import { fiscalCode } from '../../../libs/domain/testing/fiscal-codes.cjs';

export const ZONE = 'Europe/Rome';

/** The first local date with this ISO weekday at least `after` days after today. */
export function nextWeekday(weekday: number, after = 3): DateTime {
  let day = DateTime.now().setZone(ZONE).startOf('day').plus({ days: after });
  while (day.weekday !== weekday) day = day.plus({ days: 1 });
  return day;
}

/** "2027-03-29T08:30:00+02:00" for a local date and "HH:mm". */
export function at(date: DateTime, time: string): string {
  const [hour, minute] = time.split(':').map(Number);
  return date.set({ hour, minute }).toISO({ suppressMilliseconds: true }) as string;
}

export function bookingBody(officeId: string, serviceId: string, start: string, n: number, extra: Record<string, unknown> = {}) {
  return {
    officeId,
    serviceId,
    start,
    citizen: { firstName: 'Maria', lastName: "D'Amico", fiscalCode: fiscalCode(n), email: `cittadino${n}@example.it` },
    language: 'it',
    privacyAccepted: true,
    ...extra,
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

export function countBy<T>(items: T[], key: (item: T) => string | number): Record<string, number> {
  return items.reduce<Record<string, number>>((acc, item) => {
    const k = String(key(item));
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});
}
