/** Italian public holidays (national ones plus the comune's patron saint's day). */
import { addDays, daysInMonth, formatLocalDate, parseLocalDate } from './local-date';
import type { MonthDay } from './types';

export interface Holiday {
  /** Local date YYYY-MM-DD. */
  date: string;
  name: { it: string; en: string };
}

/** First year of the Gregorian calendar; the computus below is only valid from here on. */
const FIRST_GREGORIAN_YEAR = 1583;
/** Law 151/2025 restored 4 October (St Francis of Assisi) as a national holiday from 2026. */
const SAINT_FRANCIS_FROM_YEAR = 2026;

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_GREGORIAN_YEAR || year > 9999) {
    throw new Error(`year must be an integer between ${FIRST_GREGORIAN_YEAR} and 9999, got ${year}`);
  }
}

/** Easter Sunday (Gregorian) as YYYY-MM-DD, by the anonymous (Meeus/Jones/Butcher) algorithm. */
export function easterSunday(year: number): string {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatLocalDate(year, month, day);
}

/** Throws unless `monthDay` is a day that exists in some year (29 February is allowed). */
export function assertValidMonthDay(monthDay: MonthDay, what = 'patronSaintDay'): void {
  const { month, day } = monthDay ?? ({} as Partial<MonthDay>);
  const valid = Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month);
  if (!valid) throw new Error(`${what} must be a real { month, day }, got ${JSON.stringify(monthDay)}`);
}

/**
 * The public holidays of `year`, sorted by date. The patron saint's day is added unless it
 * falls on a national holiday (no duplicate dates), and is skipped in years where it does not
 * exist (29 February in a non-leap year).
 */
export function italianHolidays(year: number, patronSaintDay?: MonthDay | null): Holiday[] {
  assertYear(year);
  const on = (month: number, day: number, it: string, en: string): Holiday => ({
    date: formatLocalDate(year, month, day),
    name: { it, en },
  });
  const easter = easterSunday(year);

  const holidays: Holiday[] = [
    on(1, 1, 'Capodanno', "New Year's Day"),
    on(1, 6, 'Epifania', 'Epiphany'),
    { date: easter, name: { it: 'Pasqua', en: 'Easter Sunday' } },
    { date: addDays(easter, 1), name: { it: "Lunedì dell'Angelo", en: 'Easter Monday' } },
    on(4, 25, 'Festa della Liberazione', 'Liberation Day'),
    on(5, 1, 'Festa del Lavoro', 'Labour Day'),
    on(6, 2, 'Festa della Repubblica', 'Republic Day'),
    on(8, 15, 'Ferragosto', 'Assumption Day'),
    on(11, 1, 'Ognissanti', "All Saints' Day"),
    on(12, 8, 'Immacolata', 'Immaculate Conception'),
    on(12, 25, 'Natale', 'Christmas Day'),
    on(12, 26, 'Santo Stefano', "St Stephen's Day"),
  ];
  if (year >= SAINT_FRANCIS_FROM_YEAR) {
    holidays.push(on(10, 4, "San Francesco d'Assisi", 'St Francis of Assisi'));
  }
  if (patronSaintDay != null) {
    assertValidMonthDay(patronSaintDay);
    const { month, day } = patronSaintDay;
    const exists = day <= daysInMonth(year, month);
    const patron = exists ? on(month, day, 'Santo patrono', "Patron saint's day") : null;
    if (patron && !holidays.some((h) => h.date === patron.date)) holidays.push(patron);
  }
  // YYYY-MM-DD strings sort chronologically.
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** Whether the local date `date` is a public holiday (the patron saint's day included, if given). */
export function isHoliday(date: string, patronSaintDay?: MonthDay | null): boolean {
  const { year } = parseLocalDate(date);
  return italianHolidays(year, patronSaintDay).some((h) => h.date === date);
}
