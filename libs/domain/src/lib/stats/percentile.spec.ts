import { average, durationSummary, percentile, roundTo } from './percentile';

describe('percentile (nearest rank)', () => {
  const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it('takes the value at rank ⌈p/100 × n⌉ of the sorted values', () => {
    expect(percentile(oneToTen, 90)).toBe(9);
    expect(percentile([...oneToTen, 11], 90)).toBe(10); // ⌈9.9⌉ = 10
    expect(percentile(oneToTen, 50)).toBe(5);
    expect(percentile(oneToTen, 100)).toBe(10);
    expect(percentile(oneToTen, 1)).toBe(1);
    expect(percentile(oneToTen, 10)).toBe(1); // exactly 10 %: rank 1, not 2
    expect(percentile(oneToTen, 10.1)).toBe(2);
  });

  it('does not care about the order of the input and never interpolates', () => {
    expect(percentile([10, 1, 7, 3], 90)).toBe(10); // ⌈3.6⌉ = 4
    expect(percentile([10, 1, 7, 3], 75)).toBe(7); // rank 3
    expect(percentile([2.5, 0.5], 50)).toBe(0.5);
    expect(percentile([4, 4, 4, 9], 90)).toBe(9);
  });

  it('is exact where floating point is not (0.9 × 10 = 9, not 9.000000000000002)', () => {
    expect(
      percentile(
        Array.from({ length: 10 }, (_, i) => i),
        90,
      ),
    ).toBe(8);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        90,
      ),
    ).toBe(90);
    expect(
      percentile(
        Array.from({ length: 30 }, (_, i) => i + 1),
        70,
      ),
    ).toBe(21);
  });

  it('is null for no values and the value itself for one', () => {
    expect(percentile([], 90)).toBeNull();
    expect(percentile([3], 90)).toBe(3);
  });

  it('matches PostgreSQL percentile_disc on a sample (values checked against the database definition)', () => {
    // percentile_disc(0.9) WITHIN GROUP (ORDER BY v) over these 7 values returns 12:
    // the first value whose cumulative distribution (rank / n) reaches 0.9 is the 7th (7/7).
    expect(percentile([3, 5, 8, 1, 12, 7, 2], 90)).toBe(12);
    // … and over 20 values the 18th (18/20 = 0.9).
    expect(
      percentile(
        Array.from({ length: 20 }, (_, i) => (i + 1) * 2),
        90,
      ),
    ).toBe(36);
  });

  it('rejects a percentile outside (0, 100] and values that are not numbers', () => {
    expect(() => percentile([1], 0)).toThrow(/p must be/);
    expect(() => percentile([1], 101)).toThrow(/p must be/);
    expect(() => percentile([1, NaN], 50)).toThrow(/finite/);
  });
});

describe('average, roundTo, durationSummary', () => {
  it('averages, null for nothing', () => {
    expect(average([1, 2, 3, 4])).toBe(2.5);
    expect(average([])).toBeNull();
    expect(() => average([Infinity])).toThrow(/finite/);
  });

  it('rounds half away from zero, also where binary fractions fall short', () => {
    expect(roundTo(1.25, 1)).toBe(1.3);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-1.25, 1)).toBe(-1.3);
    expect(roundTo(7, 1)).toBe(7);
    expect(roundTo(null, 1)).toBeNull();
  });

  it('summarises minutes with one decimal', () => {
    expect(durationSummary([2, 4, 4, 5, 30])).toEqual({ count: 5, averageMinutes: 9, p90Minutes: 30 });
    expect(durationSummary([1.04, 1.06])).toEqual({ count: 2, averageMinutes: 1.1, p90Minutes: 1.1 });
    expect(durationSummary([])).toEqual({ count: 0, averageMinutes: null, p90Minutes: null });
  });
});
