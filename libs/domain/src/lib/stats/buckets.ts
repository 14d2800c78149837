/**
 * Bucketing of recorded data for the statistics: days into months, arrival instants into
 * a weekday × hour grid in local time, and the monthly figures (imported history, manual
 * counters) that count in a period.
 */
import { DateTime } from 'luxon';
import { assertValidTimeZone } from '../calendar/zone';
import { LocalDateRange, monthOf, monthsOfRange } from './periods';

/** Counts of one local date, by metric. */
export interface DailyCounts<M extends string> {
  date: string;
  counts: Partial<Record<M, number>>;
}

/** Counts of one month, by metric; every metric present (0 when nothing happened). */
export interface MonthlyCounts<M extends string> {
  month: string;
  counts: Record<M, number>;
}

function zeros<M extends string>(metrics: readonly M[]): Record<M, number> {
  return Object.fromEntries(metrics.map((m) => [m, 0])) as Record<M, number>;
}

/**
 * Sums daily counts into the calendar months of the range: one bucket for every month the
 * range touches (empty months included, in order). Days outside the range are ignored.
 */
export function bucketByMonth<M extends string>(range: LocalDateRange, metrics: readonly M[], days: ReadonlyArray<DailyCounts<M>>): Array<MonthlyCounts<M>> {
  const buckets = new Map(monthsOfRange(range).map((m) => [m.month, zeros(metrics)]));
  for (const day of days) {
    if (day.date < range.from || day.date > range.to) continue;
    const bucket = buckets.get(monthOf(day.date));
    if (!bucket) continue;
    for (const metric of metrics) bucket[metric] += day.counts[metric] ?? 0;
  }
  return [...buckets].map(([month, counts]) => ({ month, counts }));
}

/** A figure kept per month rather than recorded event by event (imported or entered by hand). */
export interface MonthlyFigure<M extends string = string> {
  month: string;
  metric: M;
  value: number;
}

/**
 * The monthly figures that count in a period: those of the months lying **wholly** inside
 * it. A monthly figure cannot be split into days, so a month the period only partly covers
 * contributes nothing; its month is listed in `partialMonths` so that the page can say so.
 */
export function monthlyFiguresInRange<F extends MonthlyFigure>(range: LocalDateRange, figures: readonly F[]): { included: F[]; partialMonths: string[] } {
  const months = new Map(monthsOfRange(range).map((m) => [m.month, m.whole]));
  const included: F[] = [];
  const partial = new Set<string>();
  for (const figure of figures) {
    const whole = months.get(figure.month);
    if (whole === undefined) continue;
    if (whole) included.push(figure);
    else partial.add(figure.month);
  }
  return { included, partialMonths: [...partial].sort() };
}

/** Adds monthly figures to monthly buckets (the same metrics); returns new buckets. */
export function addMonthlyFigures<M extends string>(
  buckets: ReadonlyArray<MonthlyCounts<M>>,
  figures: ReadonlyArray<MonthlyFigure<M>>,
): Array<MonthlyCounts<M>> {
  const result = buckets.map((b) => ({ month: b.month, counts: { ...b.counts } }));
  const byMonth = new Map(result.map((b) => [b.month, b]));
  for (const f of figures) {
    const bucket = byMonth.get(f.month);
    if (bucket && f.metric in bucket.counts) bucket.counts[f.metric] += f.value;
  }
  return result;
}

/** ISO weekday (1 = Monday … 7 = Sunday) and hour (0–23) of an instant on the local clock. */
export function localWeekdayHour(instant: number | Date, timeZone: string): { weekday: number; hour: number } {
  assertValidTimeZone(timeZone);
  const local = DateTime.fromMillis(typeof instant === 'number' ? instant : instant.getTime(), { zone: timeZone });
  return { weekday: local.weekday, hour: local.hour };
}

/** Arrivals per local weekday and hour: `cells[weekday - 1][hour]`. */
export interface HeatMap {
  cells: number[][];
  /** The largest cell (for shading); 0 when empty. */
  max: number;
  total: number;
}

/**
 * Buckets counted instants (e.g. arrivals grouped by quarter hour in the database) into a
 * 7 × 24 grid of the **local** weekday and hour in `timeZone`. On the fall-back night the
 * repeated hour 02:00–03:00 is one cell holding both real hours; on the spring-forward
 * night 02:00 has nothing, since no local time falls in it.
 */
export function heatMapOf(instants: ReadonlyArray<{ at: number | Date; count: number }>, timeZone: string): HeatMap {
  const cells = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  let total = 0;
  for (const { at, count } of instants) {
    const { weekday, hour } = localWeekdayHour(at, timeZone);
    const row = cells[weekday - 1];
    if (row) row[hour] = (row[hour] ?? 0) + count;
    total += count;
  }
  return { cells, max: Math.max(0, ...cells.flat()), total };
}

/** Sums several heat maps (offices in different zones, each bucketed in its own). */
export function mergeHeatMaps(maps: readonly HeatMap[]): HeatMap {
  const cells = Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => maps.reduce((sum, m) => sum + (m.cells[d]?.[h] ?? 0), 0)));
  return { cells, max: Math.max(0, ...cells.flat()), total: maps.reduce((sum, m) => sum + m.total, 0) };
}
