import { Inject, Injectable } from '@nestjs/common';
import { INFO_ONLY, MANUAL_METRICS, MAX_MONTHLY_VALUE, RECORDED_METRICS, STATS_METRICS, STATS_PRESETS } from '@sportello/contracts';
import type {
  CounterMonthDto,
  CountersDto,
  HistoryImportResultDto,
  HistoryLineProblemDto,
  Language,
  MonthlyFiguresDto,
  PutCountersRequest,
  StatsCountsDto,
  StatsHeatMapDto,
  StatsMetric,
  StatsOfficeDto,
  StatsOptionsDto,
  StatsOutcomeRowDto,
  StatsOutcomesDto,
  StatsServiceRowDto,
  StatsServicesDto,
  StatsSummaryDto,
  StatsTrendDto,
} from '@sportello/contracts';
import {
  addMonthlyFigures,
  bucketByMonth,
  heatMapOf,
  localToday,
  mergeHeatMaps,
  monthOf,
  monthRange,
  monthlyFiguresInRange,
  parseMonthlyCsv,
  presetRange,
  rangeInstants,
  roundTo,
} from '@sportello/domain';
import type { LocalDateRange, MonthlyCsvProblem, MonthlyFigure } from '@sportello/domain';
import { assertOfficeAccess } from '../auth/staff-access';
import type { StaffPrincipal } from '../auth/auth.repository';
import { ApiError } from '../common/api-error';
import type { FieldProblem } from '../common/api-error';
import { Clock } from '../common/clock';
import { translate } from '../common/messages';
import type { MessageKey } from '../common/messages';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { addCounts, emptyCounts, METRIC_FIELDS, METRIC_LABELS } from './stats.metrics';
import { AppointmentCountsRow, MonthlyFigureRow, StatsOfficeRow, StatsRepository, TicketTotalsRow } from './stats.repository';

const INFO_ONLY_LABEL = { it: 'Solo informazioni', en: 'Information only' };
const MONTHLY_ROW_NAME = { it: 'Dati mensili (importati o inseriti, senza servizio)', en: 'Monthly figures (imported or entered, no service)' };

/** What every statistics view is about: offices and a period of local dates. */
export interface StatsScope {
  offices: StatsOfficeRow[];
  officeIds: string[];
  period: LocalDateRange;
}

/**
 * The statistics: counts recorded by the front desk (tickets and their outcomes,
 * appointments), plus monthly figures imported or entered by managers.
 *
 * How the two add up without counting twice:
 * - a monthly figure counts in a period when its whole month lies inside the period
 *   (months only partly covered are reported in `partialMonths`);
 * - recorded counts and monthly figures are **added**; an import is refused for a month
 *   and metric that Sportello has already recorded (its line is reported), so a month
 *   has either imported history or recorded data for a queue metric, never both by
 *   accident. Phone calls and online residency applications are never recorded: they
 *   exist only as monthly figures.
 */
@Injectable()
export class StatsService {
  constructor(
    private readonly repository: StatsRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ---- Scope -----------------------------------------------------------------------

  /** The offices a staff member may see: the one asked for, or all of theirs. */
  async scope(staff: StaffPrincipal, period: LocalDateRange, officeId: string | undefined): Promise<StatsScope> {
    let offices: StatsOfficeRow[];
    if (officeId) {
      assertOfficeAccess(staff, officeId);
      offices = await this.repository.offices([officeId]);
      if (offices.length === 0) throw ApiError.notFound('office.notFound', 'officeId');
    } else {
      offices = await this.repository.offices(staff.role === 'admin' ? null : staff.officeIds);
    }
    return { offices, officeIds: offices.map((o) => o.id), period };
  }

  async options(staff: StaffPrincipal): Promise<StatsOptionsDto> {
    const offices = await this.repository.offices(staff.role === 'admin' ? null : staff.officeIds);
    const now = this.clock.now();
    return {
      offices: offices.map((o): StatsOfficeDto => {
        const today = localToday(now, o.time_zone);
        const mandate = o.mandate_start && o.mandate_end ? { from: o.mandate_start, to: o.mandate_end } : null;
        const presets = Object.fromEntries(STATS_PRESETS.map((p) => [p, presetRange(p, today, mandate)])) as StatsOfficeDto['presets'];
        return { id: o.id, name: o.name, timeZone: o.time_zone, mandate, presets };
      }),
    };
  }

  // ---- Views -----------------------------------------------------------------------

  async summary(scope: StatsScope): Promise<StatsSummaryDto> {
    const { officeIds, period } = scope;
    const [tickets, appointments, figures] = await Promise.all([
      this.repository.ticketTotals(officeIds, period.from, period.to),
      this.appointmentCounts(scope),
      this.figures(scope),
    ]);
    const recorded = recordedCounts(tickets);
    const monthly = monthlyCounts(figures.included);
    const total = addCounts(recorded, monthly);
    return {
      ...total,
      noShows: sum(appointments.map((a) => a.no_shows)),
      cancelled: sum(appointments.map((a) => a.cancelled)),
      avgWaitMinutes: minutes(tickets.avg_wait_s),
      p90WaitMinutes: minutes(tickets.p90_wait_s),
      avgServiceMinutes: minutes(tickets.avg_service_s),
      appointmentsBooked: sum(appointments.map((a) => a.booked)),
      p90ServiceMinutes: minutes(tickets.p90_service_s),
      waitSamples: tickets.wait_samples,
      serviceSamples: tickets.service_samples,
      period,
      officeIds,
      recorded,
      monthly,
      partialMonths: figures.partialMonths,
    };
  }

  async services(scope: StatsScope): Promise<StatsServicesDto> {
    const { officeIds, period } = scope;
    const [services, tickets, appointments, figures] = await Promise.all([
      this.repository.services(officeIds),
      this.repository.ticketTotalsByService(officeIds, period.from, period.to),
      this.appointmentCounts(scope),
      this.figures(scope),
    ]);
    const key = (officeId: string, serviceId: string) => `${officeId}|${serviceId}`;
    const ticketsBy = new Map(tickets.map((t) => [key(t.office_id as string, t.service_id as string), t]));
    const appointmentsBy = new Map(appointments.map((a) => [key(a.office_id, a.service_id), a]));
    const rows: StatsServiceRowDto[] = services.map((s) => {
      const t = ticketsBy.get(key(s.office_id, s.id));
      const a = appointmentsBy.get(key(s.office_id, s.id));
      const attended = t?.appointments_attended ?? 0;
      const walkIns = t?.walk_ins ?? 0;
      return {
        officeId: s.office_id,
        serviceId: s.id,
        serviceCode: s.code,
        serviceName: { it: s.name_it, en: s.name_en },
        booked: a?.booked ?? 0,
        attended,
        noShows: a?.no_shows ?? 0,
        cancelled: a?.cancelled ?? 0,
        walkInsServed: walkIns,
        receptions: attended + walkIns,
        avgWaitMinutes: minutes(t?.avg_wait_s ?? null),
        p90WaitMinutes: minutes(t?.p90_wait_s ?? null),
        avgServiceMinutes: minutes(t?.avg_service_s ?? null),
      };
    });
    for (const office of scope.offices) {
      const own = figures.included.filter((f) => f.officeId === office.id);
      const attended = sum(own.filter((f) => f.metric === 'appointments_attended').map((f) => f.value));
      const walkIns = sum(own.filter((f) => f.metric === 'walk_ins').map((f) => f.value));
      if (!own.some((f) => f.metric === 'appointments_attended' || f.metric === 'walk_ins')) continue;
      rows.push({
        officeId: office.id,
        serviceId: null,
        serviceCode: null,
        serviceName: MONTHLY_ROW_NAME,
        booked: null,
        attended,
        noShows: null,
        cancelled: null,
        walkInsServed: walkIns,
        receptions: attended + walkIns,
        avgWaitMinutes: null,
        p90WaitMinutes: null,
        avgServiceMinutes: null,
      });
    }
    return { period, rows };
  }

  async outcomes(scope: StatsScope): Promise<StatsOutcomesDto> {
    const { officeIds, period } = scope;
    const [services, counts, figures] = await Promise.all([
      this.repository.services(officeIds),
      this.repository.outcomes(officeIds, period.from, period.to),
      this.figures(scope),
    ]);
    const rows: StatsOutcomeRowDto[] = [];
    for (const s of services) {
      const own = counts.filter((c) => c.service_id === s.id && c.office_id === s.office_id);
      const codes = [...s.outcomes.map((o) => o.code), INFO_ONLY];
      for (const c of own) if (!codes.includes(c.outcome)) codes.push(c.outcome);
      // A service nobody was served for shows no lines.
      if (own.length === 0) continue;
      for (const code of codes) {
        const defined = s.outcomes.find((o) => o.code === code);
        rows.push({
          officeId: s.office_id,
          serviceId: s.id,
          serviceName: { it: s.name_it, en: s.name_en },
          outcome: code,
          label: defined ? { it: defined.it, en: defined.en } : code === INFO_ONLY ? INFO_ONLY_LABEL : { it: code, en: code },
          count: own.find((c) => c.outcome === code)?.count ?? 0,
        });
      }
    }
    for (const office of scope.offices) {
      for (const metric of ['cie_issued', 'spid_issued', 'residency_desk'] as const) {
        const own = figures.included.filter((f) => f.officeId === office.id && f.metric === metric);
        if (own.length === 0) continue;
        rows.push({
          officeId: office.id,
          serviceId: null,
          serviceName: MONTHLY_ROW_NAME,
          outcome: metric,
          label: METRIC_LABELS[metric],
          count: sum(own.map((f) => f.value)),
        });
      }
    }
    return { period, rows };
  }

  async heatMap(scope: StatsScope): Promise<StatsHeatMapDto> {
    const arrivals = await this.repository.arrivals(scope.officeIds, scope.period.from, scope.period.to);
    const map = mergeHeatMaps(
      scope.offices.map((o) =>
        heatMapOf(
          arrivals.filter((a) => a.office_id === o.id),
          o.time_zone,
        ),
      ),
    );
    return { period: scope.period, cells: map.cells, max: map.max, total: map.total };
  }

  async trend(scope: StatsScope): Promise<StatsTrendDto> {
    const [days, figures] = await Promise.all([this.repository.ticketsByDay(scope.officeIds, scope.period.from, scope.period.to), this.figures(scope)]);
    const metrics = ['appointments_attended', 'walk_ins'] as const;
    const recorded = bucketByMonth(
      scope.period,
      metrics,
      days.map((d) => ({ date: d.day, counts: { appointments_attended: d.appointments_attended, walk_ins: d.walk_ins } })),
    );
    const monthly = figures.included.filter(
      (f): f is MonthlyFigure<(typeof metrics)[number]> & { officeId: string } => f.metric === 'appointments_attended' || f.metric === 'walk_ins',
    );
    const withMonthly = new Set(monthly.map((f) => f.month));
    return {
      period: scope.period,
      months: addMonthlyFigures(recorded, monthly).map((m) => ({
        month: m.month,
        appointmentsAttended: m.counts.appointments_attended,
        walkIns: m.counts.walk_ins,
        receptionsTotal: m.counts.appointments_attended + m.counts.walk_ins,
        includesMonthlyFigures: withMonthly.has(m.month),
      })),
      partialMonths: figures.partialMonths,
    };
  }

  // ---- Monthly figures ------------------------------------------------------------

  /** Stored figures of one office, optionally between two months. */
  async storedFigures(officeId: string, fromMonth = '0001-01', toMonth = '9999-12'): Promise<MonthlyFiguresDto> {
    await this.office(officeId);
    const rows = await this.repository.monthlyFigures([officeId], fromMonth, toMonth);
    return {
      officeId,
      figures: rows.map((r) => ({ month: r.month, metric: r.metric, value: r.value, source: r.source, updatedAt: r.updated_at.toISOString() })),
    };
  }

  /**
   * Imports a CSV of monthly figures. Every line is checked first; any problem → 400 with
   * all of them and nothing written. A month and metric already stored is replaced.
   */
  async importHistory(staff: StaffPrincipal, officeId: string, text: string, language: Language): Promise<HistoryImportResultDto> {
    const office = await this.office(officeId);
    const latestMonth = monthOf(localToday(this.clock.now(), office.time_zone));
    const parsed = parseMonthlyCsv(text, { metrics: STATS_METRICS, maxValue: MAX_MONTHLY_VALUE, latestMonth });
    if (parsed.problems.length > 0) throw importRejected(parsed.problems, language);
    const rows = parsed.rows;
    const result = await this.repository.transaction(async (tx) => {
      await this.repository.lockOfficeFigures(tx, officeId);
      // Refuse what Sportello already recorded: the same month counted twice.
      const recordedRows = rows.filter((r) => (RECORDED_METRICS as readonly string[]).includes(r.metric));
      if (recordedRows.length > 0) {
        const months = recordedRows.map((r) => r.month).sort();
        const range = { from: monthRange(months[0]).from, to: monthRange(months[months.length - 1]).to };
        const days = await this.repository.ticketsByDay([officeId], range.from, range.to, tx);
        const recorded = bucketByMonth(
          range,
          RECORDED_METRICS,
          days.map((d) => ({ date: d.day, counts: d })),
        );
        const byMonth = new Map(recorded.map((m) => [m.month, m.counts]));
        const problems: ImportProblem[] = [];
        for (const r of recordedRows) {
          const count = byMonth.get(r.month)?.[r.metric as (typeof RECORDED_METRICS)[number]] ?? 0;
          if (count > 0) problems.push({ line: r.line, field: 'month', reason: 'RECORDED', params: { count } });
        }
        if (problems.length > 0) throw importRejected(problems, language);
      }
      return this.repository.upsertFigures(tx, officeId, rows, 'import', staff.id);
    });
    const months = rows.map((r) => r.month).sort();
    return { officeId, imported: result.written, replaced: result.replaced, months: { from: months[0], to: months[months.length - 1] } };
  }

  async counters(officeId: string, year: number): Promise<CountersDto> {
    await this.office(officeId);
    const rows = await this.repository.monthlyFigures([officeId], `${year}-01`, `${year}-12`);
    const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    return { officeId, year, months: months.map((month) => counterMonth(month, rows)) };
  }

  /** Sets the counters of a month: a number replaces, null removes, absent leaves as is. */
  async putCounters(staff: StaffPrincipal, officeId: string, month: string, input: Partial<PutCountersRequest>): Promise<CounterMonthDto> {
    const [saved] = await this.putCounterMonths(staff, officeId, [{ month, ...input }], (index) => (index === 0 ? 'month' : `months[${index}].month`));
    return saved;
  }

  /**
   * Sets the counters of several months in one transaction (the counters form's one save):
   * a later month than the current one refuses the whole batch, naming each.
   */
  async putCounterMonths(
    staff: StaffPrincipal,
    officeId: string,
    months: Array<{ month: string } & Partial<PutCountersRequest>>,
    field: (index: number) => string = (index) => `months[${index}].month`,
  ): Promise<CounterMonthDto[]> {
    const office = await this.office(officeId);
    const latest = monthOf(localToday(this.clock.now(), office.time_zone));
    const future = months.map((m, index) => ({ m, index })).filter(({ m }) => m.month > latest);
    if (future.length > 0) throw ApiError.validation(future.map(({ index }) => ({ field: field(index), key: 'month.future', params: { latest } })));
    await this.repository.transaction(async (tx) => {
      await this.repository.lockOfficeFigures(tx, officeId);
      for (const input of months) {
        const changes: Array<[(typeof MANUAL_METRICS)[number], number | null | undefined]> = [
          ['phone_calls', input.phoneCalls],
          ['residency_online', input.residencyOnline],
        ];
        for (const [metric, value] of changes) {
          if (value === undefined) continue;
          if (value === null) await this.repository.deleteFigure(tx, officeId, input.month, metric);
          else await this.repository.upsertFigures(tx, officeId, [{ month: input.month, metric, value }], 'manual', staff.id);
        }
      }
    });
    const sorted = months.map((m) => m.month).sort();
    const rows = await this.repository.monthlyFigures([officeId], sorted[0], sorted[sorted.length - 1]);
    return months.map((m) => counterMonth(m.month, rows));
  }

  // ---- Internals -------------------------------------------------------------------

  private async office(officeId: string): Promise<StatsOfficeRow> {
    const [office] = await this.repository.offices([officeId]);
    if (!office) throw ApiError.notFound('office.notFound', 'officeId');
    return office;
  }

  /**
   * Appointment counts of the period: one query per time zone among the offices (one in
   * Italy), since the period's instants depend on the zone; ticket counts need none
   * (tickets carry their local day).
   */
  private async appointmentCounts(scope: StatsScope): Promise<AppointmentCountsRow[]> {
    const zones = new Map<string, string[]>();
    for (const o of scope.offices) zones.set(o.time_zone, [...(zones.get(o.time_zone) ?? []), o.id]);
    const now = this.clock.now();
    const parts = await Promise.all(
      [...zones].map(([zone, ids]) => {
        const { start, end } = rangeInstants(scope.period, zone);
        return this.repository.appointmentCounts(ids, new Date(start), new Date(end), now, this.config.queue.checkInLateMinutes);
      }),
    );
    return parts.flat();
  }

  /** The monthly figures counted in the period (whole months only) and the months left out. */
  private async figures(scope: StatsScope): Promise<{ included: Array<MonthlyFigure<StatsMetric> & { officeId: string }>; partialMonths: string[] }> {
    if (scope.officeIds.length === 0) return { included: [], partialMonths: [] };
    const rows = await this.repository.monthlyFigures(scope.officeIds, monthOf(scope.period.from), monthOf(scope.period.to));
    const { included, partialMonths } = monthlyFiguresInRange(scope.period, rows.map(toFigure));
    return { included, partialMonths };
  }
}

function toFigure(row: MonthlyFigureRow): MonthlyFigure<StatsMetric> & { officeId: string } {
  return { officeId: row.office_id, month: row.month, metric: row.metric, value: row.value };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function minutes(seconds: number | null): number | null {
  return seconds === null ? null : roundTo(seconds / 60, 1);
}

function recordedCounts(t: TicketTotalsRow): StatsCountsDto {
  return {
    ...emptyCounts(),
    appointmentsAttended: t.appointments_attended,
    walkIns: t.walk_ins,
    receptionsTotal: t.appointments_attended + t.walk_ins,
    cieIssued: t.cie_issued,
    spidIssued: t.spid_issued,
    residencyDesk: t.residency_desk,
  };
}

function monthlyCounts(figures: ReadonlyArray<MonthlyFigure<StatsMetric>>): StatsCountsDto {
  const counts = emptyCounts();
  for (const f of figures) counts[METRIC_FIELDS[f.metric]] += f.value;
  counts.receptionsTotal = counts.appointmentsAttended + counts.walkIns;
  return counts;
}

function counterMonth(month: string, rows: MonthlyFigureRow[]): CounterMonthDto {
  const phone = rows.find((r) => r.month === month && r.metric === 'phone_calls');
  const online = rows.find((r) => r.month === month && r.metric === 'residency_online');
  return {
    month,
    phoneCalls: phone?.value ?? null,
    residencyOnline: online?.value ?? null,
    phoneCallsSource: phone?.source ?? null,
    residencyOnlineSource: online?.source ?? null,
  };
}

/** A problem of a line: the file's own, or a month and metric Sportello already recorded. */
type ImportProblem = Omit<MonthlyCsvProblem, 'reason'> & { reason: MonthlyCsvProblem['reason'] | 'RECORDED' };

/** 400 listing every bad line, in the caller's language: `errors` (field `line N, column`) and `lines`. */
function importRejected(problems: ImportProblem[], language: Language): ApiError {
  const key = (p: ImportProblem) => `import.${p.reason}` as MessageKey;
  const lines: HistoryLineProblemDto[] = problems.map((p) => ({ line: p.line, field: p.field, message: translate(key(p), language, p.params) }));
  const fieldProblems: FieldProblem[] = problems.map((p) => ({
    field: p.field === 'line' ? `line ${p.line}` : `line ${p.line}, ${p.field}`,
    key: key(p),
    params: p.params,
  }));
  return new ApiError(400, 'VALIDATION_FAILED', 'import.rejected', fieldProblems, {}, { lines });
}
