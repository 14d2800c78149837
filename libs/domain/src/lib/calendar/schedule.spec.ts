import { isScheduledSlot, weeklyScheduleIssues, weeklySlotCount } from './schedule';
import { generateSlots } from './slots';
import type { WeeklyInterval } from './types';

const ROME = 'Europe/Rome';
const MONDAY_MORNING: WeeklyInterval[] = [{ weekday: 1, start: '08:30', end: '12:30' }];

describe('weeklyScheduleIssues', () => {
  it('accepts several intervals a day, touching ones included, in any order', () => {
    expect(
      weeklyScheduleIssues([
        { weekday: 2, start: '14:30', end: '17:30' },
        { weekday: 2, start: '08:30', end: '12:30' },
        { weekday: 2, start: '12:30', end: '13:00' },
        { weekday: 7, start: '00:00', end: '23:59' },
      ]),
    ).toEqual([]);
  });

  it('reports every problem at once, by index and field', () => {
    expect(
      weeklyScheduleIssues([
        { weekday: 0, start: '8:30', end: '24:00' },
        { weekday: 3, start: '12:00', end: '11:00' },
        { weekday: 'x', start: '09:00', end: '10:00' },
        { weekday: 1.5, start: 930, end: null },
      ]),
    ).toEqual([
      { index: 0, field: 'weekday', problem: 'WEEKDAY' },
      { index: 0, field: 'start', problem: 'START' },
      { index: 0, field: 'end', problem: 'END' },
      { index: 1, field: 'end', problem: 'ORDER' },
      { index: 2, field: 'weekday', problem: 'WEEKDAY' },
      { index: 3, field: 'weekday', problem: 'WEEKDAY' },
      { index: 3, field: 'start', problem: 'START' },
      { index: 3, field: 'end', problem: 'END' },
    ]);
  });

  it('reports an overlap on the later interval of the same weekday only', () => {
    expect(
      weeklyScheduleIssues([
        { weekday: 1, start: '10:00', end: '13:00' },
        { weekday: 1, start: '08:30', end: '12:30' },
        { weekday: 2, start: '10:00', end: '13:00' },
      ]),
    ).toEqual([{ index: 0, field: 'start', problem: 'OVERLAP' }]);
  });
});

describe('isScheduledSlot', () => {
  const at = (iso: string) => new Date(iso);

  it('is true for every slot generateSlots offers, on a normal day and on both DST days', () => {
    const hours: WeeklyInterval[] = [
      { weekday: 1, start: '08:30', end: '12:30' },
      { weekday: 7, start: '01:00', end: '04:00' },
    ];
    const rules = { timeZone: ROME, openingHours: hours, durationMinutes: 20, capacity: 1, minNoticeMinutes: 0, horizonDays: 400, closures: [] };
    // 29 March 2026 and 25 October 2026 are the Sundays the clocks change.
    for (const date of ['2026-03-23', '2026-03-29', '2026-10-25']) {
      const slots = generateSlots(rules, { from: date, to: date }, new Date('2026-01-01T00:00:00Z'));
      expect(slots.length).toBeGreaterThan(0);
      for (const slot of slots) expect(isScheduledSlot(hours, 20, ROME, at(slot.start), at(slot.end))).toBe(true);
    }
  });

  it('is false outside the hours, off the grid, on another weekday or with another length', () => {
    const yes = (start: string, end: string) => isScheduledSlot(MONDAY_MORNING, 30, ROME, at(start), at(end));
    expect(yes('2026-03-23T08:30:00+01:00', '2026-03-23T09:00:00+01:00')).toBe(true);
    expect(yes('2026-03-23T12:00:00+01:00', '2026-03-23T12:30:00+01:00')).toBe(true);
    expect(yes('2026-03-23T12:30:00+01:00', '2026-03-23T13:00:00+01:00')).toBe(false);
    expect(yes('2026-03-23T08:45:00+01:00', '2026-03-23T09:15:00+01:00')).toBe(false);
    expect(yes('2026-03-24T08:30:00+01:00', '2026-03-24T09:00:00+01:00')).toBe(false);
    expect(yes('2026-03-23T08:30:00+01:00', '2026-03-23T08:50:00+01:00')).toBe(false);
  });

  it('shorter hours strand the late slots only', () => {
    const shorter: WeeklyInterval[] = [{ weekday: 1, start: '08:30', end: '11:00' }];
    expect(isScheduledSlot(shorter, 30, ROME, at('2026-03-23T10:30:00+01:00'), at('2026-03-23T11:00:00+01:00'))).toBe(true);
    expect(isScheduledSlot(shorter, 30, ROME, at('2026-03-23T11:00:00+01:00'), at('2026-03-23T11:30:00+01:00'))).toBe(false);
  });
});

describe('weeklySlotCount', () => {
  it('counts whole slots per interval', () => {
    expect(weeklySlotCount(MONDAY_MORNING, 30)).toBe(8);
    expect(weeklySlotCount([...MONDAY_MORNING, { weekday: 2, start: '14:30', end: '15:40' }], 30)).toBe(10);
    expect(weeklySlotCount([], 30)).toBe(0);
    expect(weeklySlotCount(MONDAY_MORNING, 0)).toBe(0);
  });
});
