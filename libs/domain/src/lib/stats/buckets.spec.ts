import { addMonthlyFigures, bucketByMonth, heatMapOf, localWeekdayHour, mergeHeatMaps, monthlyFiguresInRange } from './buckets';

const ROME = 'Europe/Rome';
const at = (iso: string) => Date.parse(iso);

describe('bucketByMonth', () => {
  it('sums days into every month of the range, empty months included, days outside ignored', () => {
    const buckets = bucketByMonth({ from: '2024-01-20', to: '2024-04-05' }, ['a', 'w'] as const, [
      { date: '2024-01-19', counts: { a: 100 } },
      { date: '2024-01-31', counts: { a: 2, w: 1 } },
      { date: '2024-02-29', counts: { a: 3 } },
      { date: '2024-04-05', counts: { w: 4 } },
      { date: '2024-04-06', counts: { w: 100 } },
    ]);
    expect(buckets).toEqual([
      { month: '2024-01', counts: { a: 2, w: 1 } },
      { month: '2024-02', counts: { a: 3, w: 0 } },
      { month: '2024-03', counts: { a: 0, w: 0 } },
      { month: '2024-04', counts: { a: 0, w: 4 } },
    ]);
  });
});

describe('monthly figures in a period', () => {
  const figures = [
    { month: '2024-01', metric: 'phone', value: 500 },
    { month: '2024-02', metric: 'phone', value: 600 },
    { month: '2024-03', metric: 'phone', value: 700 },
    { month: '2023-12', metric: 'phone', value: 1 },
  ];

  it('counts only the months wholly inside; months partly inside are reported', () => {
    const { included, partialMonths } = monthlyFiguresInRange({ from: '2024-01-01', to: '2024-03-15' }, figures);
    expect(included.map((f) => f.value)).toEqual([500, 600]);
    expect(partialMonths).toEqual(['2024-03']);
    expect(monthlyFiguresInRange({ from: '2024-02-10', to: '2024-02-11' }, figures)).toEqual({ included: [], partialMonths: ['2024-02'] });
  });

  it('adds them to monthly buckets of the same metrics', () => {
    const buckets = bucketByMonth({ from: '2024-01-01', to: '2024-02-29' }, ['phone', 'x'] as const, [{ date: '2024-01-03', counts: { phone: 1 } }]);
    expect(
      addMonthlyFigures(buckets, [
        { month: '2024-01', metric: 'phone', value: 500 },
        { month: '2024-02', metric: 'x', value: 2 },
        { month: '2025-01', metric: 'x', value: 9 },
      ]),
    ).toEqual([
      { month: '2024-01', counts: { phone: 501, x: 0 } },
      { month: '2024-02', counts: { phone: 0, x: 2 } },
    ]);
    expect(buckets[0]?.counts.phone).toBe(1); // the input is not changed
  });
});

describe('heat map in local time', () => {
  it('buckets by the local weekday and hour, not UTC', () => {
    // Monday 15 January 2024, 08:30 UTC = 09:30 in Rome (CET, +01:00).
    expect(localWeekdayHour(at('2024-01-15T08:30:00Z'), ROME)).toEqual({ weekday: 1, hour: 9 });
    // Monday 15 July 2024, 08:30 UTC = 10:30 in Rome (CEST, +02:00).
    expect(localWeekdayHour(at('2024-07-15T08:30:00Z'), ROME)).toEqual({ weekday: 1, hour: 10 });
    // Sunday 23:30 UTC is already Monday 00:30 in Rome.
    expect(localWeekdayHour(new Date('2024-01-14T23:30:00Z'), ROME)).toEqual({ weekday: 1, hour: 0 });
  });

  it('across the DST changes of 2024: spring forward skips 02:00, fall back puts both 02:00 hours in one cell', () => {
    const map = heatMapOf(
      [
        { at: at('2024-03-31T00:30:00Z'), count: 1 }, // 01:30 CET, Sunday
        { at: at('2024-03-31T01:30:00Z'), count: 2 }, // 03:30 CEST: 02:xx does not exist that night
        { at: at('2024-10-27T00:15:00Z'), count: 4 }, // 02:15 CEST, Sunday
        { at: at('2024-10-27T01:15:00Z'), count: 8 }, // 02:15 CET, the repeated hour
      ],
      ROME,
    );
    expect(map.cells[6]?.[1]).toBe(1);
    expect(map.cells[6]?.[2]).toBe(12);
    expect(map.cells[6]?.[3]).toBe(2);
    expect(map.total).toBe(15);
    expect(map.max).toBe(12);
  });

  it('is 7 × 24 zeros when empty; maps of several offices add up', () => {
    const empty = heatMapOf([], ROME);
    expect(empty.cells).toHaveLength(7);
    expect(empty.cells.every((row) => row.length === 24 && row.every((c) => c === 0))).toBe(true);
    expect(empty.max).toBe(0);
    const a = heatMapOf([{ at: at('2024-01-15T08:30:00Z'), count: 3 }], ROME);
    const b = heatMapOf([{ at: at('2024-01-15T08:00:00Z'), count: 2 }], 'Europe/Lisbon'); // 08:00 WET
    const merged = mergeHeatMaps([a, b]);
    expect(merged.cells[0]?.[9]).toBe(3);
    expect(merged.cells[0]?.[8]).toBe(2);
    expect(merged.total).toBe(5);
  });
});
