import { distributeTotal } from './distribute';

describe('distributeTotal (largest remainder)', () => {
  it('always adds up to the total exactly', () => {
    expect(distributeTotal(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(distributeTotal(11750, Array(60).fill(1)).reduce((a, b) => a + b, 0)).toBe(11750);
    for (const total of [0, 1, 7, 1605, 36000]) {
      const weights = Array.from({ length: 55 }, (_, i) => ((i * 37) % 11) + 0.3);
      expect(distributeTotal(total, weights).reduce((a, b) => a + b, 0)).toBe(total);
    }
  });

  it('gives the leftover units to the largest remainders, ties to the earlier part', () => {
    // Exact shares 2.5, 1.5, 1.0 → floors 2, 1, 1 → one unit left: the first 0.5 wins.
    expect(distributeTotal(5, [5, 3, 2])).toEqual([3, 1, 1]);
    // Shares 1.4, 1.6 → 1, 2.
    expect(distributeTotal(3, [7, 8])).toEqual([1, 2]);
  });

  it('never gives anything to a zero weight and stays within one unit of the exact share', () => {
    const weights = [0, 3, 0, 5, 2];
    const parts = distributeTotal(97, weights);
    expect(parts[0]).toBe(0);
    expect(parts[2]).toBe(0);
    parts.forEach((p, i) => expect(Math.abs(p - (97 * (weights[i] ?? NaN)) / 10)).toBeLessThan(1));
  });

  it('rejects what cannot be distributed', () => {
    expect(() => distributeTotal(-1, [1])).toThrow(/total/);
    expect(() => distributeTotal(1.5, [1])).toThrow(/total/);
    expect(() => distributeTotal(5, [])).toThrow(/weight/);
    expect(() => distributeTotal(5, [0, 0])).toThrow(/all be 0/);
    expect(() => distributeTotal(5, [1, -1])).toThrow(/≥ 0/);
  });
});
