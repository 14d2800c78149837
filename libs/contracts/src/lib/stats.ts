/** Statistics of an office: summary, tables, charts, monthly figures (imported or entered by hand). */
import type {
  CounterMonthDtoSchema,
  CountersDtoSchema,
  HistoryImportResultDtoSchema,
  HistoryLineProblemDtoSchema,
  MonthlyFigureDtoSchema,
  MonthlyFiguresDtoSchema,
  StatsCountsDtoSchema,
  StatsHeatMapDtoSchema,
  StatsOfficeDtoSchema,
  StatsOptionsDtoSchema,
  StatsOutcomeRowDtoSchema,
  StatsOutcomesDtoSchema,
  StatsPeriodDtoSchema,
  StatsServiceRowDtoSchema,
  StatsServicesDtoSchema,
  StatsSummaryDtoSchema,
  StatsTrendDtoSchema,
  StatsTrendMonthDtoSchema,
} from './schema/answers';
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
export type StatsPeriodDto = z.infer<typeof StatsPeriodDtoSchema>;

/** `GET /api/stats/options`: the offices a manager may see, with the presets' dates. */
export type StatsOptionsDto = z.infer<typeof StatsOptionsDtoSchema>;

export type StatsOfficeDto = z.infer<typeof StatsOfficeDtoSchema>;

/** The counts that add recorded data and monthly figures. */
export type StatsCountsDto = z.infer<typeof StatsCountsDtoSchema>;

/**
 * `GET /api/stats/summary?from=&to=[&officeId=]`. The names of the first thirteen members
 * are a contract. Counts add what Sportello recorded in the period to the monthly figures
 * (imported or entered) of the months wholly inside it; `recorded` and `monthly` give the
 * two parts. Times are in minutes, from recorded tickets only (null without any).
 */
export type StatsSummaryDto = z.infer<typeof StatsSummaryDtoSchema>;

/** One line of the per-service table; `serviceId` null: monthly figures, which have no service. */
export type StatsServiceRowDto = z.infer<typeof StatsServiceRowDtoSchema>;

export type StatsServicesDto = z.infer<typeof StatsServicesDtoSchema>;

/** Completed tickets per service and outcome; `serviceId` null: the monthly figures of CIE, SPID and residency. */
export type StatsOutcomeRowDto = z.infer<typeof StatsOutcomeRowDtoSchema>;

export type StatsOutcomesDto = z.infer<typeof StatsOutcomesDtoSchema>;

/** Arrivals (tickets taken, appointments checked in) by local weekday and hour. */
export type StatsHeatMapDto = z.infer<typeof StatsHeatMapDtoSchema>;

export type StatsTrendMonthDto = z.infer<typeof StatsTrendMonthDtoSchema>;

export type StatsTrendDto = z.infer<typeof StatsTrendDtoSchema>;

/** One stored monthly figure. */
export type MonthlyFigureDto = z.infer<typeof MonthlyFigureDtoSchema>;

export type MonthlyFiguresDto = z.infer<typeof MonthlyFiguresDtoSchema>;

/** `POST /api/stats/history?officeId=` (body: text/csv `month,metric,value`). */
export type HistoryImportResultDto = z.infer<typeof HistoryImportResultDtoSchema>;

/** A refused import (400 VALIDATION_FAILED) lists every problem with its line. */
export type HistoryLineProblemDto = z.infer<typeof HistoryLineProblemDtoSchema>;

/** The counters of one month (`PUT /api/stats/counters/{officeId}/{month}`); null: none entered. */
export type CounterMonthDto = z.infer<typeof CounterMonthDtoSchema>;

export type CountersDto = z.infer<typeof CountersDtoSchema>;

export type PutCountersRequest = Required<z.input<typeof PutCountersRequestSchema>>;

/** `PUT /api/stats/counters/{officeId}`: several months at once, all or nothing (the counters form's one save). */
export type PutCountersBatchRequest = z.input<typeof PutCounterMonthsRequestSchema>;

/** The largest monthly figure entered by hand or imported from CSV. */
export const MAX_MONTHLY_VALUE = 10_000_000;
