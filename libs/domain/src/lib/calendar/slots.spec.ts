import { closureForLocalDates, closureForLocalTimes, generateSlots } from './slots';
import type { CalendarRules, IsoWeekday, Slot, WeeklyInterval } from './types';

const ROME = 'Europe/Rome';

function rules(overrides: Partial<CalendarRules> = {}): CalendarRules {
  return {
    timeZone: ROME,
    openingHours: [],
    durationMinutes: 30,
    capacity: 2,
    minNoticeMinutes: 0,
    horizonDays: 365,
    closures: [],
    patronSaintDay: null,
    ...overrides,
  };
}

/** The same interval on several weekdays. */
function every(weekdays: IsoWeekday[], start: string, end: string): WeeklyInterval[] {
  return weekdays.map((weekday) => ({ weekday, start, end }));
}

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5];
const ALL_DAYS: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
const starts = (slots: Slot[]) => slots.map((s) => s.start);
const minutes = (slot: Slot) => (Date.parse(slot.end) - Date.parse(slot.start)) / 60_000;

describe('generateSlots: opening hours', () => {
  const now = new Date('2027-04-01T06:00:00Z');

  it('cuts several unsorted intervals a day into slots, dropping the last partial slot', () => {
    const slots = generateSlots(
      rules({
        durationMinutes: 60,
        openingHours: [
          { weekday: 1, start: '14:30', end: '17:00' },
          { weekday: 1, start: '08:30', end: '12:30' },
        ],
      }),
      { from: '2027-04-05', to: '2027-04-05' },
      now,
    );
    // 08:30–12:30 divides into 4 hours; 14:30–17:00 leaves 16:30–17:00 unused.
    expect(starts(slots)).toEqual([
      '2027-04-05T08:30:00+02:00',
      '2027-04-05T09:30:00+02:00',
      '2027-04-05T10:30:00+02:00',
      '2027-04-05T11:30:00+02:00',
      '2027-04-05T14:30:00+02:00',
      '2027-04-05T15:30:00+02:00',
    ]);
    expect(slots[0]).toEqual({ date: '2027-04-05', start: '2027-04-05T08:30:00+02:00', end: '2027-04-05T09:30:00+02:00', capacity: 2 });
    expect(slots[5]).toEqual({ date: '2027-04-05', start: '2027-04-05T15:30:00+02:00', end: '2027-04-05T16:30:00+02:00', capacity: 2 });
  });

  it('uses durations that do not divide the interval (25 minutes in 08:30–10:00)', () => {
    const slots = generateSlots(
      rules({ durationMinutes: 25, openingHours: [{ weekday: 1, start: '08:30', end: '10:00' }] }),
      { from: '2027-04-05', to: '2027-04-05' },
      now,
    );
    expect(slots.map((s) => [s.start, s.end])).toEqual([
      ['2027-04-05T08:30:00+02:00', '2027-04-05T08:55:00+02:00'],
      ['2027-04-05T08:55:00+02:00', '2027-04-05T09:20:00+02:00'],
      ['2027-04-05T09:20:00+02:00', '2027-04-05T09:45:00+02:00'],
    ]);
  });

  it('gives nothing when the interval is shorter than one slot', () => {
    const slots = generateSlots(
      rules({ durationMinutes: 45, openingHours: [{ weekday: 1, start: '08:30', end: '09:00' }] }),
      { from: '2027-04-05', to: '2027-04-05' },
      now,
    );
    expect(slots).toEqual([]);
  });

  it('follows the weekday of each date and sorts across days and intervals', () => {
    const slots = generateSlots(
      rules({
        durationMinutes: 60,
        openingHours: [
          { weekday: 3, start: '15:00', end: '16:00' },
          { weekday: 1, start: '09:00', end: '10:00' },
          { weekday: 3, start: '08:00', end: '09:00' },
          { weekday: 6, start: '10:00', end: '11:00' },
        ],
      }),
      { from: '2027-04-05', to: '2027-04-11' },
      now,
    );
    expect(slots.map((s) => [s.date, s.start])).toEqual([
      ['2027-04-05', '2027-04-05T09:00:00+02:00'], // Monday
      ['2027-04-07', '2027-04-07T08:00:00+02:00'], // Wednesday
      ['2027-04-07', '2027-04-07T15:00:00+02:00'],
      ['2027-04-10', '2027-04-10T10:00:00+02:00'], // Saturday
    ]);
  });

  it('uses the winter offset +01:00 outside summer time', () => {
    const slots = generateSlots(
      rules({ durationMinutes: 60, openingHours: [{ weekday: 1, start: '08:30', end: '10:30' }] }),
      { from: '2027-01-11', to: '2027-01-11' },
      new Date('2027-01-04T06:00:00Z'),
    );
    expect(slots).toEqual([
      { date: '2027-01-11', start: '2027-01-11T08:30:00+01:00', end: '2027-01-11T09:30:00+01:00', capacity: 2 },
      { date: '2027-01-11', start: '2027-01-11T09:30:00+01:00', end: '2027-01-11T10:30:00+01:00', capacity: 2 },
    ]);
  });

  it('copies the capacity onto every slot, zero included', () => {
    const base = { durationMinutes: 60, openingHours: [{ weekday: 1 as const, start: '09:00', end: '11:00' }] };
    const range = { from: '2027-04-05', to: '2027-04-05' };
    expect(generateSlots(rules({ ...base, capacity: 5 }), range, now).map((s) => s.capacity)).toEqual([5, 5]);
    expect(generateSlots(rules({ ...base, capacity: 0 }), range, now).map((s) => s.capacity)).toEqual([0, 0]);
  });
});

describe('generateSlots: DST change days (Europe/Rome)', () => {
  // Spring forward: on Sunday 2026-03-29 the clock jumps from 02:00+01:00 to 03:00+02:00.
  // (2027-03-28 is the spring-forward Sunday too, but it is Easter Sunday: see the holiday test.)
  const springNow = new Date('2026-03-20T08:00:00Z');
  const springRange = { from: '2026-03-28', to: '2026-03-30' };

  it('spring forward: offsets +01:00 before and +02:00 after; an interval across 02:00–03:00 keeps real half hours', () => {
    const slots = generateSlots(
      rules({
        openingHours: [
          { weekday: 6, start: '09:00', end: '10:00' },
          { weekday: 7, start: '01:00', end: '04:00' },
          { weekday: 7, start: '09:00', end: '10:00' },
          { weekday: 1, start: '09:00', end: '10:00' },
        ],
      }),
      springRange,
      springNow,
    );
    expect(slots.map((s) => [s.start, s.end])).toEqual([
      ['2026-03-28T09:00:00+01:00', '2026-03-28T09:30:00+01:00'],
      ['2026-03-28T09:30:00+01:00', '2026-03-28T10:00:00+01:00'],
      // 01:00–04:00 on the change day lasts two real hours: four 30-minute slots, none in the missing hour.
      ['2026-03-29T01:00:00+01:00', '2026-03-29T01:30:00+01:00'],
      ['2026-03-29T01:30:00+01:00', '2026-03-29T03:00:00+02:00'],
      ['2026-03-29T03:00:00+02:00', '2026-03-29T03:30:00+02:00'],
      ['2026-03-29T03:30:00+02:00', '2026-03-29T04:00:00+02:00'],
      ['2026-03-29T09:00:00+02:00', '2026-03-29T09:30:00+02:00'],
      ['2026-03-29T09:30:00+02:00', '2026-03-29T10:00:00+02:00'],
      ['2026-03-30T09:00:00+02:00', '2026-03-30T09:30:00+02:00'],
      ['2026-03-30T09:30:00+02:00', '2026-03-30T10:00:00+02:00'],
    ]);
    expect(slots.map(minutes)).toEqual(Array(10).fill(30));
    expect(new Set(starts(slots)).size).toBe(slots.length);
  });

  it('spring forward: wall times inside the missing hour resolve to 03:00, so nothing is shifted or duplicated', () => {
    const sunday = (start: string, end: string) =>
      generateSlots(rules({ openingHours: [{ weekday: 7, start, end }] }), { from: '2026-03-29', to: '2026-03-29' }, springNow).map((s) => [s.start, s.end]);
    // Wholly inside the gap: the clock never shows these times, so there is nothing to book.
    expect(sunday('02:00', '03:00')).toEqual([]);
    expect(sunday('02:15', '02:45')).toEqual([]);
    // Starting in the gap: opens when the clock reaches 03:00.
    expect(sunday('02:30', '04:00')).toEqual([
      ['2026-03-29T03:00:00+02:00', '2026-03-29T03:30:00+02:00'],
      ['2026-03-29T03:30:00+02:00', '2026-03-29T04:00:00+02:00'],
    ]);
    // Ending in the gap: closes at the jump, after one real half hour.
    expect(sunday('01:30', '02:30')).toEqual([['2026-03-29T01:30:00+01:00', '2026-03-29T03:00:00+02:00']]);
  });

  it('spring forward on Easter Sunday 2027-03-28: no slots, the holiday wins', () => {
    const slots = generateSlots(
      rules({ durationMinutes: 60, openingHours: every(ALL_DAYS, '09:00', '10:00') }),
      { from: '2027-03-27', to: '2027-03-30' },
      new Date('2027-03-20T08:00:00Z'),
    );
    // Saturday before (+01:00), Sunday and Monday are Easter, Tuesday after (+02:00).
    expect(starts(slots)).toEqual(['2027-03-27T09:00:00+01:00', '2027-03-30T09:00:00+02:00']);
  });

  // Fall back: on Sunday 2027-10-31 the clock goes from 03:00+02:00 back to 02:00+01:00.
  const fallNow = new Date('2027-10-20T08:00:00Z');
  const sundayFall = (start: string, end: string, durationMinutes = 30) =>
    generateSlots(rules({ durationMinutes, openingHours: [{ weekday: 7, start, end }] }), { from: '2027-10-31', to: '2027-10-31' }, fallNow);

  it('fall back: an interval across 02:00–03:00 gets the real extra hour, each instant once', () => {
    const slots = sundayFall('01:00', '04:00');
    // 01:00–04:00 lasts three wall hours but four real hours. The wall times 02:00 and 02:30
    // happen twice, at different instants (+02:00, then +01:00); each instant is one slot.
    expect(slots.map((s) => [s.start, s.end])).toEqual([
      ['2027-10-31T01:00:00+02:00', '2027-10-31T01:30:00+02:00'],
      ['2027-10-31T01:30:00+02:00', '2027-10-31T02:00:00+02:00'],
      ['2027-10-31T02:00:00+02:00', '2027-10-31T02:30:00+02:00'],
      ['2027-10-31T02:30:00+02:00', '2027-10-31T02:00:00+01:00'],
      ['2027-10-31T02:00:00+01:00', '2027-10-31T02:30:00+01:00'],
      ['2027-10-31T02:30:00+01:00', '2027-10-31T03:00:00+01:00'],
      ['2027-10-31T03:00:00+01:00', '2027-10-31T03:30:00+01:00'],
      ['2027-10-31T03:30:00+01:00', '2027-10-31T04:00:00+01:00'],
    ]);
    const instants = slots.map((s) => Date.parse(s.start));
    expect(new Set(instants).size).toBe(8);
    expect(slots.map(minutes)).toEqual(Array(8).fill(30));
    // Back to back: every slot ends exactly when the next begins.
    for (let i = 1; i < slots.length; i++) expect(Date.parse(slots[i]?.start ?? '')).toBe(Date.parse(slots[i - 1]?.end ?? ''));
    expect(slots.every((s) => s.date === '2027-10-31')).toBe(true);
  });

  it('fall back: hourly slots step in real hours', () => {
    expect(starts(sundayFall('01:00', '04:00', 60))).toEqual([
      '2027-10-31T01:00:00+02:00',
      '2027-10-31T02:00:00+02:00',
      '2027-10-31T02:00:00+01:00',
      '2027-10-31T03:00:00+01:00',
    ]);
  });

  it('fall back: a repeated wall time means its first occurrence, for both start and end', () => {
    // Closes when the clock first shows 02:30 (+02:00): the second 02:00–02:30 is not open.
    expect(starts(sundayFall('01:00', '02:30'))).toEqual(['2027-10-31T01:00:00+02:00', '2027-10-31T01:30:00+02:00', '2027-10-31T02:00:00+02:00']);
    // Opens when the clock first shows 02:30 (+02:00) and stays open through the repeat.
    expect(starts(sundayFall('02:30', '03:30'))).toEqual([
      '2027-10-31T02:30:00+02:00',
      '2027-10-31T02:00:00+01:00',
      '2027-10-31T02:30:00+01:00',
      '2027-10-31T03:00:00+01:00',
    ]);
  });

  it('fall back: offsets +02:00 on the Saturday before and +01:00 after (Monday 1 Nov is a holiday)', () => {
    const slots = generateSlots(
      rules({ durationMinutes: 60, openingHours: every(ALL_DAYS, '09:00', '10:00') }),
      { from: '2027-10-30', to: '2027-11-02' },
      fallNow,
    );
    expect(slots.map((s) => [s.start, s.end])).toEqual([
      ['2027-10-30T09:00:00+02:00', '2027-10-30T10:00:00+02:00'],
      ['2027-10-31T09:00:00+01:00', '2027-10-31T10:00:00+01:00'],
      ['2027-11-02T09:00:00+01:00', '2027-11-02T10:00:00+01:00'],
    ]);
  });

  it('works in other zones too (America/New_York, spring forward 2027-03-14)', () => {
    const slots = generateSlots(
      rules({ timeZone: 'America/New_York', durationMinutes: 60, openingHours: [{ weekday: 7, start: '01:00', end: '04:00' }] }),
      { from: '2027-03-14', to: '2027-03-14' },
      new Date('2027-03-01T12:00:00Z'),
    );
    expect(slots.map((s) => [s.start, s.end])).toEqual([
      ['2027-03-14T01:00:00-05:00', '2027-03-14T03:00:00-04:00'],
      ['2027-03-14T03:00:00-04:00', '2027-03-14T04:00:00-04:00'],
    ]);
  });
});

describe('generateSlots: closures', () => {
  const now = new Date('2027-04-01T06:00:00Z');
  const weekdayHours = every(WEEKDAYS, '09:00', '10:00');

  it('drops whole closed days', () => {
    const slots = generateSlots(
      rules({ durationMinutes: 60, openingHours: weekdayHours, closures: [closureForLocalDates('2027-04-06', '2027-04-07', ROME)] }),
      { from: '2027-04-05', to: '2027-04-09' },
      now,
    );
    expect(starts(slots)).toEqual(['2027-04-05T09:00:00+02:00', '2027-04-08T09:00:00+02:00', '2027-04-09T09:00:00+02:00']);
  });

  it('drops slots overlapping a time-range closure, half-open at both ends', () => {
    const hours = [{ weekday: 1 as const, start: '09:00', end: '12:00' }];
    const range = { from: '2027-04-05', to: '2027-04-05' };
    const withClosure = (start: string, end: string) =>
      starts(generateSlots(rules({ openingHours: hours, closures: [closureForLocalTimes('2027-04-05', start, end, ROME)] }), range, now));

    // 10:00–11:15 also hits the 11:00–11:30 slot.
    expect(withClosure('10:00', '11:15')).toEqual(['2027-04-05T09:00:00+02:00', '2027-04-05T09:30:00+02:00', '2027-04-05T11:30:00+02:00']);
    // A closure ending at 10:00 spares the slot starting at 10:00; one starting at 11:00 spares 10:30–11:00.
    expect(withClosure('09:30', '10:00')).toEqual([
      '2027-04-05T09:00:00+02:00',
      '2027-04-05T10:00:00+02:00',
      '2027-04-05T10:30:00+02:00',
      '2027-04-05T11:00:00+02:00',
      '2027-04-05T11:30:00+02:00',
    ]);
    expect(withClosure('11:00', '11:01')).toEqual([
      '2027-04-05T09:00:00+02:00',
      '2027-04-05T09:30:00+02:00',
      '2027-04-05T10:00:00+02:00',
      '2027-04-05T10:30:00+02:00',
      '2027-04-05T11:30:00+02:00',
    ]);
  });

  it('accepts closures written in UTC or any offset', () => {
    const slots = generateSlots(
      rules({
        durationMinutes: 60,
        openingHours: [{ weekday: 1, start: '09:00', end: '12:00' }],
        closures: [{ start: '2027-04-05T08:00:00.000Z', end: '2027-04-05T09:00:00Z' }], // 10:00–11:00 in Rome
      }),
      { from: '2027-04-05', to: '2027-04-05' },
      now,
    );
    expect(starts(slots)).toEqual(['2027-04-05T09:00:00+02:00', '2027-04-05T11:00:00+02:00']);
  });
});

describe('closure helpers', () => {
  it('closureForLocalDates spans local midnights, with the right offset on each side of a DST change', () => {
    expect(closureForLocalDates('2027-04-06', '2027-04-07', ROME)).toEqual({
      start: '2027-04-06T00:00:00+02:00',
      end: '2027-04-08T00:00:00+02:00',
    });
    expect(closureForLocalDates('2027-03-27', '2027-03-28', ROME)).toEqual({
      start: '2027-03-27T00:00:00+01:00',
      end: '2027-03-29T00:00:00+02:00',
    });
    expect(closureForLocalDates('2027-12-24', '2027-12-24', ROME)).toEqual({
      start: '2027-12-24T00:00:00+01:00',
      end: '2027-12-25T00:00:00+01:00',
    });
  });

  it('closureForLocalTimes resolves wall times like opening hours do', () => {
    expect(closureForLocalTimes('2027-04-05', '10:00', '11:15', ROME)).toEqual({
      start: '2027-04-05T10:00:00+02:00',
      end: '2027-04-05T11:15:00+02:00',
    });
    // Fall back: 02:00 is its first occurrence (+02:00); 03:00 happens once (+01:00): two real hours.
    expect(closureForLocalTimes('2027-10-31', '02:00', '03:00', ROME)).toEqual({
      start: '2027-10-31T02:00:00+02:00',
      end: '2027-10-31T03:00:00+01:00',
    });
    // Spring forward: both ends fall in the missing hour, leaving an empty closure at the jump.
    expect(closureForLocalTimes('2026-03-29', '02:00', '02:30', ROME)).toEqual({
      start: '2026-03-29T03:00:00+02:00',
      end: '2026-03-29T03:00:00+02:00',
    });
  });

  it('rejects invalid input', () => {
    expect(() => closureForLocalDates('2027-04-08', '2027-04-07', ROME)).toThrow(/fromDate must not be after toDate/);
    expect(() => closureForLocalDates('2027-02-30', '2027-03-01', ROME)).toThrow(/fromDate must be a valid local date/);
    expect(() => closureForLocalDates('2027-04-06', '2027-04-07', 'Mars/Olympus')).toThrow(/timeZone must be a valid IANA time zone/);
    expect(() => closureForLocalTimes('2027-04-05', '11:00', '10:00', ROME)).toThrow(/end must be after start/);
    expect(() => closureForLocalTimes('2027-04-05', '10:00', '10:00', ROME)).toThrow(/end must be after start/);
    expect(() => closureForLocalTimes('2027-04-05', '9:00', '10:00', ROME)).toThrow(/start must be a local time "HH:mm"/);
  });
});

describe('generateSlots: notice, horizon, holidays', () => {
  const hours = [{ weekday: 1 as const, start: '09:00', end: '12:00' }];
  const monday = { from: '2027-04-05', to: '2027-04-05' };

  it('drops slots starting before now + minNoticeMinutes', () => {
    // now = 09:10 in Rome; 60 minutes of notice → the first bookable start is 10:10.
    const slots = generateSlots(rules({ openingHours: hours, minNoticeMinutes: 60 }), monday, new Date('2027-04-05T07:10:00Z'));
    expect(starts(slots)).toEqual(['2027-04-05T10:30:00+02:00', '2027-04-05T11:00:00+02:00', '2027-04-05T11:30:00+02:00']);
  });

  it('keeps a slot starting exactly at now + minNoticeMinutes', () => {
    const slots = generateSlots(rules({ openingHours: hours, minNoticeMinutes: 120 }), monday, new Date('2027-04-05T07:00:00Z'));
    expect(starts(slots)).toEqual(['2027-04-05T11:00:00+02:00', '2027-04-05T11:30:00+02:00']);
  });

  it('with no notice, drops only slots already started', () => {
    const slots = generateSlots(rules({ openingHours: hours }), monday, new Date('2027-04-05T08:45:00Z'));
    expect(starts(slots)).toEqual(['2027-04-05T11:00:00+02:00', '2027-04-05T11:30:00+02:00']);
  });

  it('notice can push slots into the following days', () => {
    // Friday 16:00; two days of notice → nothing before Sunday 16:00, so Monday is the first day.
    const slots = generateSlots(
      rules({ durationMinutes: 60, openingHours: every(WEEKDAYS, '09:00', '10:00'), minNoticeMinutes: 2 * 24 * 60 }),
      { from: '2027-04-09', to: '2027-04-13' },
      new Date('2027-04-09T14:00:00Z'),
    );
    expect(starts(slots)).toEqual(['2027-04-12T09:00:00+02:00', '2027-04-13T09:00:00+02:00']);
  });

  it('keeps dates from today (in the zone) to today + horizonDays', () => {
    const hourly = every(ALL_DAYS, '09:00', '10:00');
    const april = { from: '2027-04-01', to: '2027-04-30' };
    const now = new Date('2027-04-05T04:00:00Z'); // Monday 06:00 in Rome
    expect(starts(generateSlots(rules({ durationMinutes: 60, openingHours: hourly, horizonDays: 2 }), april, now))).toEqual([
      '2027-04-05T09:00:00+02:00',
      '2027-04-06T09:00:00+02:00',
      '2027-04-07T09:00:00+02:00',
    ]);
    expect(starts(generateSlots(rules({ durationMinutes: 60, openingHours: hourly, horizonDays: 0 }), april, now))).toEqual(['2027-04-05T09:00:00+02:00']);
  });

  it('today is the local date: 00:30 in Rome is already the next day while UTC is still the day before', () => {
    const slots = generateSlots(
      rules({ durationMinutes: 60, openingHours: every(ALL_DAYS, '09:00', '10:00'), horizonDays: 1 }),
      { from: '2027-04-03', to: '2027-04-10' },
      new Date('2027-04-04T22:30:00Z'),
    );
    expect(starts(slots)).toEqual(['2027-04-05T09:00:00+02:00', '2027-04-06T09:00:00+02:00']);
  });

  it('returns nothing for a range wholly in the past or beyond the horizon', () => {
    const r = rules({ durationMinutes: 60, openingHours: every(ALL_DAYS, '09:00', '10:00'), horizonDays: 10 });
    const now = new Date('2027-04-05T04:00:00Z');
    expect(generateSlots(r, { from: '2027-03-01', to: '2027-04-04' }, now)).toEqual([]);
    expect(generateSlots(r, { from: '2027-04-16', to: '2027-05-31' }, now)).toEqual([]);
  });

  it('skips national holidays and the patron saint’s day', () => {
    const r = rules({ durationMinutes: 60, openingHours: every(WEEKDAYS, '09:00', '10:00') });
    const now = new Date('2027-05-20T08:00:00Z');
    const range = { from: '2027-06-01', to: '2027-06-04' }; // Tue–Fri; 2 June is Festa della Repubblica
    expect(starts(generateSlots(r, range, now))).toEqual(['2027-06-01T09:00:00+02:00', '2027-06-03T09:00:00+02:00', '2027-06-04T09:00:00+02:00']);
    expect(starts(generateSlots({ ...r, patronSaintDay: { month: 6, day: 3 } }, range, now))).toEqual([
      '2027-06-01T09:00:00+02:00',
      '2027-06-04T09:00:00+02:00',
    ]);
  });

  it('skips 4 October from 2026 only', () => {
    const r = rules({ durationMinutes: 60, openingHours: every(WEEKDAYS, '09:00', '10:00') });
    // 2024-10-04 is a Friday (a working day then); 2027-10-04 is a Monday (a holiday).
    expect(starts(generateSlots(r, { from: '2024-10-04', to: '2024-10-04' }, new Date('2024-10-01T08:00:00Z')))).toEqual(['2024-10-04T09:00:00+02:00']);
    expect(starts(generateSlots(r, { from: '2027-10-04', to: '2027-10-05' }, new Date('2027-10-01T08:00:00Z')))).toEqual(['2027-10-05T09:00:00+02:00']);
  });
});

describe('generateSlots: invalid input', () => {
  const now = new Date('2027-04-01T06:00:00Z');
  const range = { from: '2027-04-05', to: '2027-04-05' };
  const ok = rules({ openingHours: [{ weekday: 1, start: '09:00', end: '10:00' }] });
  const interval = (start: string, end: string, weekday = 1) => rules({ openingHours: [{ weekday: weekday as IsoWeekday, start, end }] });

  it.each<[string, CalendarRules, RegExp]>([
    ['zero duration', { ...ok, durationMinutes: 0 }, /durationMinutes must be an integer >= 1, got 0/],
    ['negative duration', { ...ok, durationMinutes: -30 }, /durationMinutes must be an integer >= 1/],
    ['fractional duration', { ...ok, durationMinutes: 7.5 }, /durationMinutes must be an integer >= 1/],
    ['negative capacity', { ...ok, capacity: -1 }, /capacity must be an integer >= 0, got -1/],
    ['negative notice', { ...ok, minNoticeMinutes: -5 }, /minNoticeMinutes must be an integer >= 0/],
    ['negative horizon', { ...ok, horizonDays: -1 }, /horizonDays must be an integer >= 0/],
    ['unknown zone', { ...ok, timeZone: 'Europe/Calderara' }, /timeZone must be a valid IANA time zone/],
    ['single-digit hour', interval('9:00', '10:00'), /openingHours start must be a local time "HH:mm"/],
    ['24:00', interval('09:00', '24:00'), /openingHours end must be a local time "HH:mm"/],
    ['minute 60', interval('09:60', '10:00'), /openingHours start must be a local time "HH:mm"/],
    ['seconds', interval('09:00:00', '10:00'), /openingHours start must be a local time "HH:mm"/],
    ['end before start', interval('10:00', '09:00'), /openingHours end must be after start, got 10:00–09:00/],
    ['empty interval', interval('10:00', '10:00'), /openingHours end must be after start/],
    ['weekday 0', interval('09:00', '10:00', 0), /weekday must be 1 \(Monday\) … 7 \(Sunday\)/],
    ['weekday 8', interval('09:00', '10:00', 8), /weekday must be 1 \(Monday\) … 7 \(Sunday\)/],
    [
      'overlapping intervals',
      rules({
        openingHours: [
          { weekday: 2, start: '08:30', end: '12:30' },
          { weekday: 2, start: '12:00', end: '13:00' },
        ],
      }),
      /openingHours overlap on weekday 2/,
    ],
    ['patron day', { ...ok, patronSaintDay: { month: 2, day: 30 } }, /patronSaintDay must be a real \{ month, day \}/],
    [
      'closure without offset',
      { ...ok, closures: [{ start: '2027-04-05T09:00:00', end: '2027-04-05T10:00:00+02:00' }] },
      /closure start must be an ISO-8601 date-time with an offset/,
    ],
    ['closure not a date', { ...ok, closures: [{ start: '2027-04-05T09:00:00+02:00', end: 'tomorrow' }] }, /closure end must be an ISO-8601/],
    ['closure reversed', { ...ok, closures: [{ start: '2027-04-05T10:00:00+02:00', end: '2027-04-05T09:00:00+02:00' }] }, /closure end must be after start/],
  ])('throws on %s', (_name, badRules, message) => {
    expect(() => generateSlots(badRules, range, now)).toThrow(message);
  });

  it('accepts touching intervals', () => {
    const slots = generateSlots(
      rules({
        durationMinutes: 60,
        openingHours: [
          { weekday: 1, start: '10:00', end: '11:00' },
          { weekday: 1, start: '09:00', end: '10:00' },
        ],
      }),
      range,
      now,
    );
    expect(starts(slots)).toEqual(['2027-04-05T09:00:00+02:00', '2027-04-05T10:00:00+02:00']);
  });

  it('throws on a bad range or now', () => {
    expect(() => generateSlots(ok, { from: '2027-02-30', to: '2027-03-01' }, now)).toThrow(/range.from must be a valid local date "YYYY-MM-DD"/);
    expect(() => generateSlots(ok, { from: '2027-04-05', to: '5 April' }, now)).toThrow(/range.to must be a valid local date/);
    expect(() => generateSlots(ok, { from: '2027-04-06', to: '2027-04-05' }, now)).toThrow(/range.from must not be after range.to/);
    expect(() => generateSlots(ok, range, new Date(Number.NaN))).toThrow(/now must be a valid Date/);
  });
});
