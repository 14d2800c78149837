import { openNow, OpenNowRules } from './open-now';

// The demo URP's week: mornings Monday–Saturday, Tuesday afternoons.
const rules: OpenNowRules = {
  timeZone: 'Europe/Rome',
  openingHours: [
    { weekday: 1, start: '08:30', end: '12:30' },
    { weekday: 2, start: '08:30', end: '12:30' },
    { weekday: 2, start: '14:30', end: '17:30' },
    { weekday: 3, start: '08:30', end: '12:30' },
    { weekday: 6, start: '08:30', end: '12:00' },
  ],
  closures: [],
};

// Monday 2 March 2026 (CET, +01:00).
const at = (iso: string) => new Date(iso);

describe('openNow', () => {
  it('is open inside an interval, until its end', () => {
    expect(openNow(rules, at('2026-03-02T10:00:00+01:00'))).toEqual({ open: true, closesAt: '2026-03-02T12:30:00+01:00' });
    // The start is included, the end is not.
    expect(openNow(rules, at('2026-03-02T08:30:00+01:00')).open).toBe(true);
    expect(openNow(rules, at('2026-03-02T12:30:00+01:00')).open).toBe(false);
  });

  it('outside the hours: closed, and opens at the next interval (later today or another day)', () => {
    expect(openNow(rules, at('2026-03-03T13:00:00+01:00'))).toEqual({
      open: false,
      reason: 'HOURS',
      closureReason: null,
      opensAt: '2026-03-03T14:30:00+01:00',
    });
    expect(openNow(rules, at('2026-03-02T18:00:00+01:00'))).toMatchObject({ open: false, reason: 'HOURS', opensAt: '2026-03-03T08:30:00+01:00' });
    // Saturday afternoon → Monday morning (no Sunday hours).
    expect(openNow(rules, at('2026-03-07T15:00:00+01:00'))).toMatchObject({ open: false, opensAt: '2026-03-09T08:30:00+01:00' });
    expect(openNow(rules, at('2026-03-02T07:00:00+01:00'))).toMatchObject({ open: false, opensAt: '2026-03-02T08:30:00+01:00' });
  });

  it('on a public holiday (Easter Monday, the patron saint) it is closed whatever the hours', () => {
    expect(openNow(rules, at('2026-04-06T10:00:00+02:00'))).toEqual({
      open: false,
      reason: 'HOLIDAY',
      closureReason: null,
      opensAt: '2026-04-07T08:30:00+02:00',
    });
    const patron = { ...rules, patronSaintDay: { month: 3, day: 2 } };
    expect(openNow(patron, at('2026-03-02T10:00:00+01:00'))).toMatchObject({ open: false, reason: 'HOLIDAY', opensAt: '2026-03-03T08:30:00+01:00' });
  });

  it('inside a closure: closed with its reason, and opens when the closure ends if the hours still run', () => {
    const closed = { ...rules, closures: [{ start: '2026-03-02T09:00:00+01:00', end: '2026-03-02T11:00:00+01:00', reason: 'Assemblea del personale' }] };
    expect(openNow(closed, at('2026-03-02T10:00:00+01:00'))).toEqual({
      open: false,
      reason: 'CLOSURE',
      closureReason: 'Assemblea del personale',
      opensAt: '2026-03-02T11:00:00+01:00',
    });
    expect(openNow(closed, at('2026-03-02T11:30:00+01:00'))).toEqual({ open: true, closesAt: '2026-03-02T12:30:00+01:00' });
    // Before the closure, the open period ends when the closure starts.
    expect(openNow(closed, at('2026-03-02T08:45:00+01:00'))).toEqual({ open: true, closesAt: '2026-03-02T09:00:00+01:00' });
    // A closure of whole days: the next opening is after it.
    const days = { ...rules, closures: [{ start: '2026-03-02T00:00:00+01:00', end: '2026-03-04T00:00:00+01:00', reason: 'Trasloco' }] };
    expect(openNow(days, at('2026-03-02T10:00:00+01:00'))).toMatchObject({ open: false, reason: 'CLOSURE', opensAt: '2026-03-04T08:30:00+01:00' });
    // A closure outside the hours is not the reason.
    expect(openNow(days, at('2026-03-02T20:00:00+01:00'))).toMatchObject({ open: false, reason: 'HOURS' });
  });

  it('across the clocks going forward, in local time', () => {
    // Monday 30 March 2026 is CEST (+02:00).
    expect(openNow(rules, at('2026-03-30T08:45:00+02:00'))).toEqual({ open: true, closesAt: '2026-03-30T12:30:00+02:00' });
    expect(openNow(rules, at('2026-03-28T13:00:00+01:00'))).toMatchObject({ opensAt: '2026-03-30T08:30:00+02:00' });
  });

  it('without any hours it never opens', () => {
    expect(openNow({ ...rules, openingHours: [] }, at('2026-03-02T10:00:00+01:00'))).toEqual({
      open: false,
      reason: 'HOURS',
      closureReason: null,
      opensAt: null,
    });
  });
});
