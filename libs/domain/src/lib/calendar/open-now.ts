/**
 * Whether an office (or one service) is open at an instant: inside an opening interval of
 * the local weekday, not on a public holiday, not inside a closure. The front desk warns
 * when it is closed and the kiosk gives no walk-in ticket; both say when it opens again.
 */
import { italianHolidays } from './holidays';
import { addDays, isoWeekday, parseLocalDate } from './local-date';
import type { MonthDay, WeeklyInterval } from './types';
import { assertValidTimeZone, formatInstant, localToday, parseInstant, parseWallTime, wallTimeToInstant } from './zone';

export interface OpenNowRules {
  timeZone: string;
  openingHours: readonly WeeklyInterval[];
  /** Half-open [start, end) instants (ISO-8601 with an offset), with the reason staff gave. */
  closures: ReadonlyArray<{ start: string; end: string; reason?: string | null }>;
  patronSaintDay?: MonthDay | null;
}

export type ClosedReason = 'HOURS' | 'HOLIDAY' | 'CLOSURE';

export type OpenNow =
  | { open: true; /** When this opening interval ends (ISO, local offset). */ closesAt: string }
  | {
      open: false;
      reason: ClosedReason;
      /** The closure's reason, when a closure is why. */
      closureReason: string | null;
      /** The next moment it opens, within `lookAheadDays`; null when it does not. */
      opensAt: string | null;
    };

/** How far ahead the next opening is looked for. */
export const OPEN_LOOK_AHEAD_DAYS = 31;

interface Period {
  start: number;
  end: number;
}

/** The open periods of one local date: its intervals minus the closures (none on a holiday). */
function openPeriods(rules: OpenNowRules, date: string, closures: Array<Period & { reason: string | null }>, holidays: (date: string) => boolean): Period[] {
  if (holidays(date)) return [];
  const weekday = isoWeekday(date);
  const periods: Period[] = [];
  for (const interval of rules.openingHours) {
    if (interval.weekday !== weekday) continue;
    let pieces: Period[] = [
      {
        start: wallTimeToInstant(date, parseWallTime(interval.start, 'openingHours start'), rules.timeZone),
        end: wallTimeToInstant(date, parseWallTime(interval.end, 'openingHours end'), rules.timeZone),
      },
    ];
    for (const closure of closures) {
      pieces = pieces.flatMap((p) => {
        if (closure.end <= p.start || closure.start >= p.end) return [p];
        return [
          ...(closure.start > p.start ? [{ start: p.start, end: closure.start }] : []),
          ...(closure.end < p.end ? [{ start: closure.end, end: p.end }] : []),
        ];
      });
    }
    periods.push(...pieces.filter((p) => p.end > p.start));
  }
  return periods.sort((a, b) => a.start - b.start);
}

/** Open or closed at `now`, why, and until or from when. */
export function openNow(rules: OpenNowRules, now: Date, lookAheadDays = OPEN_LOOK_AHEAD_DAYS): OpenNow {
  assertValidTimeZone(rules.timeZone);
  const at = now.getTime();
  const closures = rules.closures.map((c) => ({
    start: parseInstant(c.start, 'closure start'),
    end: parseInstant(c.end, 'closure end'),
    reason: c.reason ?? null,
  }));
  const holidayDates = new Map<number, Set<string>>();
  const isHolidayOn = (date: string): boolean => {
    const year = parseLocalDate(date).year;
    let dates = holidayDates.get(year);
    if (!dates) holidayDates.set(year, (dates = new Set(italianHolidays(year, rules.patronSaintDay).map((h) => h.date))));
    return dates.has(date);
  };

  const today = localToday(now, rules.timeZone);
  const current = openPeriods(rules, today, closures, isHolidayOn).find((p) => p.start <= at && at < p.end);
  if (current) return { open: true, closesAt: formatInstant(current.end, rules.timeZone) };

  let opensAt: number | null = null;
  for (let i = 0; i <= lookAheadDays && opensAt === null; i++) {
    const next = openPeriods(rules, addDays(today, i), closures, isHolidayOn).find((p) => p.start > at);
    if (next) opensAt = next.start;
  }
  const closure = closures.find((c) => c.start <= at && at < c.end);
  const inHours = openPeriods(rules, today, [], () => false).some((p) => p.start <= at && at < p.end);
  const reason: ClosedReason = isHolidayOn(today) ? 'HOLIDAY' : closure && inHours ? 'CLOSURE' : 'HOURS';
  return {
    open: false,
    reason,
    closureReason: reason === 'CLOSURE' ? (closure?.reason ?? null) : null,
    opensAt: opensAt === null ? null : formatInstant(opensAt, rules.timeZone),
  };
}
