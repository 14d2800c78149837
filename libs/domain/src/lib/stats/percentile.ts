/**
 * Percentiles and averages of waiting and service times.
 *
 * **Method: nearest rank.** The p-th percentile (0 < p ≤ 100) of n values is the value at
 * 1-based rank ⌈p/100 × n⌉ of the values sorted in ascending order: the smallest value
 * such that at least p % of the values are less than or equal to it. It is always one of
 * the observed values (no interpolation), so "90 % of the people waited at most 12
 * minutes" is literally true of the data. It is the definition of PostgreSQL's
 * `percentile_disc(p / 100.0) WITHIN GROUP (ORDER BY value)`, which the api uses to
 * compute the same figure inside the database.
 *
 * Examples: the 90th percentile of 1..10 is 9 (rank 9); of 1..11 it is 10 (rank ⌈9.9⌉ =
 * 10); of a single value it is that value; of no values it is `null`.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!Number.isFinite(p) || p <= 0 || p > 100) throw new Error(`percentile: p must be in (0, 100], got ${p}`);
  if (values.length === 0) return null;
  for (const v of values) if (!Number.isFinite(v)) throw new Error(`percentile: values must be finite numbers, got ${v}`);
  const sorted = [...values].sort((a, b) => a - b);
  // p/100 × n in exact integer arithmetic where possible (0.9 × 10 must be 9, not 9.000000000000002).
  const rank = Math.ceil(roundTo((p * sorted.length) / 100, 9));
  return sorted[Math.max(1, rank) - 1] ?? null;
}

/** The arithmetic mean, or `null` for no values. */
export function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) throw new Error(`average: values must be finite numbers, got ${v}`);
    sum += v;
  }
  return sum / values.length;
}

/** Rounds half away from zero to `decimals` places (0.05 → 0.1 with one decimal); `null` stays `null`. */
export function roundTo(value: number, decimals: number): number;
export function roundTo(value: number | null, decimals: number): number | null;
export function roundTo(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  // Number.EPSILON corrects binary representations such as 1.005 × 100 = 100.49999….
  return (Math.sign(value) * Math.round(Math.abs(value) * factor * (1 + Number.EPSILON))) / factor;
}

/** Count, mean and 90th percentile of durations in minutes, rounded to one decimal. */
export function durationSummary(minutes: readonly number[]): { count: number; averageMinutes: number | null; p90Minutes: number | null } {
  return { count: minutes.length, averageMinutes: roundTo(average(minutes), 1), p90Minutes: roundTo(percentile(minutes, 90), 1) };
}
