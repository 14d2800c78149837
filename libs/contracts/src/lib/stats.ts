/** Statistics of an office: summary, tables, charts, monthly figures (imported or entered by hand). */
import type * as z from 'zod';
import type { PutCounterMonthsRequestSchema, PutCountersRequestSchema } from './schema/staff';

/**
 * Figures kept per office and month in `stats_monthly`. The first five are also recorded
 * by Sportello itself (from tickets and their outcomes); phone calls and online residency
 * applications happen outside the queue and exist only as monthly figures.
 */
export const STATS_METRICS = ['appointments_attended', 'walk_ins', 'phone_calls', 'residency_online', 'residency_desk', 'cie_issued', 'spid_issued'] as const;
export type StatsMetric = (typeof STATS_METRICS)[number];

/** Metrics Sportello records itself; importing them for a month it already recorded is refused (no double counting). */
export const RECORDED_METRICS = ['appointments_attended', 'walk_ins', 'residency_desk', 'cie_issued', 'spid_issued'] as const satisfies readonly StatsMetric[];

/** Metrics only managers provide (the counters form). */
export const MANUAL_METRICS = ['phone_calls', 'residency_online'] as const satisfies readonly StatsMetric[];

export type MonthlyFigureSource = 'import' | 'manual';

export const STATS_PRESETS = ['today', 'month', 'year', 'mandate'] as const;
export type StatsPreset = (typeof STATS_PRESETS)[number];

/** Local dates YYYY-MM-DD, both included. */
export interface StatsPeriodDto {
  from: string;
  to: string;
}

/** `GET /api/stats/options`: the offices a manager may see, with the presets' dates. */
export interface StatsOptionsDto {
  offices: StatsOfficeDto[];
}

export interface StatsOfficeDto {
  id: string;
  name: string;
  timeZone: string;
  /** The office's mandate (a setting); null when not set. */
  mandate: StatsPeriodDto | null;
  /** The dates of each preset in the office's zone today (mandate: null without a mandate). */
  presets: Record<StatsPreset, StatsPeriodDto | null>;
}

/** The counts that add recorded data and monthly figures. */
export interface StatsCountsDto {
  appointmentsAttended: number;
  walkIns: number;
  receptionsTotal: number;
  phoneCalls: number;
  residencyOnline: number;
  residencyDesk: number;
  cieIssued: number;
  spidIssued: number;
}

/**
 * `GET /api/stats/summary?from=&to=[&officeId=]`. The names of the first thirteen members
 * are a contract. Counts add what Sportello recorded in the period to the monthly figures
 * (imported or entered) of the months wholly inside it; `recorded` and `monthly` give the
 * two parts. Times are in minutes, from recorded tickets only (null without any).
 */
export interface StatsSummaryDto extends StatsCountsDto {
  noShows: number;
  cancelled: number;
  avgWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  avgServiceMinutes: number | null;
  /** Appointments whose time falls in the period, cancelled ones included. */
  appointmentsBooked: number;
  p90ServiceMinutes: number | null;
  /** Tickets whose wait was measured (called at least once). */
  waitSamples: number;
  serviceSamples: number;
  period: StatsPeriodDto;
  officeIds: string[];
  recorded: StatsCountsDto;
  monthly: StatsCountsDto;
  /** Months only partly inside the period whose monthly figures were therefore left out. */
  partialMonths: string[];
}

/** One line of the per-service table; `serviceId` null: monthly figures, which have no service. */
export interface StatsServiceRowDto {
  officeId: string;
  serviceId: string | null;
  serviceCode: string | null;
  serviceName: { it: string; en: string };
  booked: number | null;
  attended: number;
  noShows: number | null;
  cancelled: number | null;
  walkInsServed: number;
  receptions: number;
  avgWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  avgServiceMinutes: number | null;
}

export interface StatsServicesDto {
  period: StatsPeriodDto;
  rows: StatsServiceRowDto[];
}

/** Completed tickets per service and outcome; `serviceId` null: the monthly figures of CIE, SPID and residency. */
export interface StatsOutcomeRowDto {
  officeId: string;
  serviceId: string | null;
  serviceName: { it: string; en: string };
  outcome: string;
  label: { it: string; en: string };
  count: number;
}

export interface StatsOutcomesDto {
  period: StatsPeriodDto;
  rows: StatsOutcomeRowDto[];
}

/** Arrivals (tickets taken, appointments checked in) by local weekday and hour. */
export interface StatsHeatMapDto {
  period: StatsPeriodDto;
  /** `cells[weekday - 1][hour]`, weekday 1 = Monday … 7 = Sunday, hour 0–23 local time. */
  cells: number[][];
  max: number;
  total: number;
}

export interface StatsTrendMonthDto {
  month: string;
  appointmentsAttended: number;
  walkIns: number;
  receptionsTotal: number;
  /** Monthly figures (imported or entered) are part of this month's counts. */
  includesMonthlyFigures: boolean;
}

export interface StatsTrendDto {
  period: StatsPeriodDto;
  months: StatsTrendMonthDto[];
  partialMonths: string[];
}

/** One stored monthly figure. */
export interface MonthlyFigureDto {
  month: string;
  metric: StatsMetric;
  value: number;
  source: MonthlyFigureSource;
  updatedAt: string;
}

export interface MonthlyFiguresDto {
  officeId: string;
  figures: MonthlyFigureDto[];
}

/** `POST /api/stats/history?officeId=` (body: text/csv `month,metric,value`). */
export interface HistoryImportResultDto {
  officeId: string;
  /** Rows written (new or replacing). */
  imported: number;
  /** Of those, how many replaced a figure already stored for the same month and metric. */
  replaced: number;
  months: { from: string; to: string };
}

/** A refused import (400 VALIDATION_FAILED) lists every problem with its line. */
export interface HistoryLineProblemDto {
  line: number;
  field: 'month' | 'metric' | 'value' | 'line';
  message: string;
}

/** The counters of one month (`PUT /api/stats/counters/{officeId}/{month}`); null: none entered. */
export interface CounterMonthDto {
  month: string;
  phoneCalls: number | null;
  residencyOnline: number | null;
  phoneCallsSource: MonthlyFigureSource | null;
  residencyOnlineSource: MonthlyFigureSource | null;
}

export interface CountersDto {
  officeId: string;
  year: number;
  months: CounterMonthDto[];
}

export type PutCountersRequest = Required<z.input<typeof PutCountersRequestSchema>>;

/** `PUT /api/stats/counters/{officeId}`: several months at once, all or nothing (the counters form's one save). */
export type PutCountersBatchRequest = z.input<typeof PutCounterMonthsRequestSchema>;
