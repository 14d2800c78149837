/**
 * The zone-dependent parts of the calendar: turning a local wall-clock time into a real
 * instant, and formatting instants with their local offset. Everything uses epoch
 * milliseconds internally so that arithmetic is absolute (DST-proof).
 */
import { DateTime, IANAZone } from 'luxon';
import { DAY_MS, MINUTE_MS, formatLocalDate, utcMidnightMs } from './local-date';

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** ISO-8601 date-time that states its offset (or Z), so it names exactly one instant. */
const ISO_INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const validZones = new Set<string>();

export function assertValidTimeZone(timeZone: string): void {
  if (validZones.has(timeZone)) return;
  if (typeof timeZone !== 'string' || !IANAZone.isValidZone(timeZone)) {
    throw new Error(`timeZone must be a valid IANA time zone such as "Europe/Rome", got ${JSON.stringify(timeZone)}`);
  }
  validZones.add(timeZone);
}

/** "HH:mm" (00:00–23:59) → minutes after midnight; throws on anything else. */
export function parseWallTime(time: string, what = 'time'): number {
  const match = typeof time === 'string' ? HH_MM.exec(time) : null;
  if (!match) throw new Error(`${what} must be a local time "HH:mm" between 00:00 and 23:59, got ${JSON.stringify(time)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The real instant (epoch ms) at which the local clock in `timeZone` first reaches
 * `minutesOfDay` on `date`.
 *
 * - Normal wall time: the one instant showing it.
 * - Repeated wall time (fall back, e.g. 02:30 on 2027-10-31 in Rome happens at +02:00 and
 *   again at +01:00): the first occurrence, as a person watching the clock would act on it.
 * - Skipped wall time (spring forward, e.g. 02:30 on 2026-03-29 in Rome never happens):
 *   the transition instant, the first moment the clock shows a later time (03:00+02:00).
 *   So an opening interval lying wholly inside the gap becomes empty instead of being
 *   shifted an hour later.
 */
export function wallTimeToInstant(date: string, minutesOfDay: number, timeZone: string): number {
  const zone = { offset: (ms: number) => zoneOffsetMinutes(timeZone, ms) };
  // The wall reading written as if it were UTC; a real instant is wallMs - offset.
  const wallMs = utcMidnightMs(date) + minutesOfDay * MINUTE_MS;
  // The zone's offsets a day either side cover any transition near this wall time.
  const offsets = [...new Set([zone.offset(wallMs - DAY_MS), zone.offset(wallMs), zone.offset(wallMs + DAY_MS)])];
  const instants = offsets
    .map((offset) => wallMs - offset * MINUTE_MS)
    .filter((instant) => zone.offset(instant) * MINUTE_MS === wallMs - instant)
    .sort((a, b) => a - b);
  const earliest = instants[0];
  if (earliest !== undefined) return earliest;
  // Nothing shows this wall time: it lies in a spring-forward gap. The transition lies
  // between the two candidate instants; find it by bisection on the zone's offset.
  let before = wallMs - Math.max(...offsets) * MINUTE_MS;
  let after = wallMs - Math.min(...offsets) * MINUTE_MS;
  const offsetBefore = zone.offset(before);
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (zone.offset(middle) === offsetBefore) before = middle;
    else after = middle;
  }
  return after;
}

/**
 * Offsets only change at transitions, and every transition since 1900 falls on a quarter
 * hour of UTC, so one lookup per zone and quarter hour is exact. Luxon asks Intl for each
 * offset, which dominated the cost of computing a month of slots.
 */
const OFFSET_BUCKET_MS = 15 * MINUTE_MS;
const MAX_CACHED_OFFSETS = 100_000;
const offsetCache = new Map<string, Map<number, number>>();

/** The zone's offset from UTC in minutes at the instant `epochMs`. */
export function zoneOffsetMinutes(timeZone: string, epochMs: number): number {
  let byBucket = offsetCache.get(timeZone);
  if (!byBucket) {
    byBucket = new Map();
    offsetCache.set(timeZone, byBucket);
  }
  const bucket = Math.floor(epochMs / OFFSET_BUCKET_MS);
  let offset = byBucket.get(bucket);
  if (offset === undefined) {
    offset = IANAZone.create(timeZone).offset(bucket * OFFSET_BUCKET_MS);
    if (byBucket.size >= MAX_CACHED_OFFSETS) byBucket.clear();
    byBucket.set(bucket, offset);
  }
  return offset;
}

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/Universal', 'Universal', 'Zulu', 'Etc/Zulu']);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Epoch ms → ISO-8601 with the local offset and no milliseconds, e.g. "2027-03-29T08:30:00+02:00". */
export function formatInstant(epochMs: number, timeZone: string): string {
  if (!Number.isFinite(epochMs)) throw new Error(`cannot format instant ${epochMs} in ${timeZone}`);
  const offset = zoneOffsetMinutes(timeZone, epochMs);
  // The local wall clock, read with UTC getters from the instant shifted by the offset.
  const wall = new Date(epochMs + offset * MINUTE_MS);
  const millis = wall.getUTCMilliseconds();
  const time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${millis > 0 ? `.${pad(millis, 3)}` : ''}`;
  const sign = offset < 0 ? '-' : '+';
  const zone = UTC_NAMES.has(timeZone) ? 'Z' : `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${formatLocalDate(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate())}T${time}${zone}`;
}

/** Strict ISO-8601 instant with an explicit offset or Z → epoch ms; throws otherwise. */
export function parseInstant(iso: string, what = 'instant'): number {
  const parsed = typeof iso === 'string' && ISO_INSTANT_WITH_OFFSET.test(iso) ? DateTime.fromISO(iso, { setZone: true }) : null;
  if (!parsed || !parsed.isValid) {
    throw new Error(`${what} must be an ISO-8601 date-time with an offset, e.g. "2027-03-29T08:30:00+02:00", got ${JSON.stringify(iso)}`);
  }
  return parsed.toMillis();
}

/** The local date in `timeZone` at the instant `now`. */
export function localToday(now: Date, timeZone: string): string {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new Error('now must be a valid Date');
  assertValidTimeZone(timeZone);
  const wall = new Date(now.getTime() + zoneOffsetMinutes(timeZone, now.getTime()) * MINUTE_MS);
  return formatLocalDate(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate());
}
