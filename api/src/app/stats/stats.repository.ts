import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MonthlyFigureSource, StatsMetric } from '@sportello/contracts';
import { DataSource } from 'typeorm';
import type { ServiceOutcome } from '../calendar/service.entity';
import { advisoryLock, type Db, queryRows, transaction, type Tx } from '../database/db';
import { OUTCOME_METRICS } from './stats.metrics';

export interface StatsOfficeRow {
  id: string;
  name: string;
  time_zone: string;
  mandate_start: string | null;
  mandate_end: string | null;
}

export interface StatsServiceInfoRow {
  id: string;
  office_id: string;
  code: string;
  name_it: string;
  name_en: string;
  outcomes: ServiceOutcome[];
  sort_order: number;
}

/** Recorded counts of completed tickets, with wait and service times in seconds. */
export interface TicketTotalsRow {
  office_id: string | null;
  service_id: string | null;
  appointments_attended: number;
  walk_ins: number;
  cie_issued: number;
  spid_issued: number;
  residency_desk: number;
  wait_samples: number;
  avg_wait_s: number | null;
  p90_wait_s: number | null;
  service_samples: number;
  avg_service_s: number | null;
  p90_service_s: number | null;
}

export interface AppointmentCountsRow {
  office_id: string;
  service_id: string;
  booked: number;
  cancelled: number;
  no_shows: number;
}

export interface DailyTicketRow {
  day: string;
  appointments_attended: number;
  walk_ins: number;
  cie_issued: number;
  spid_issued: number;
  residency_desk: number;
}

export interface MonthlyFigureRow {
  office_id: string;
  month: string;
  metric: StatsMetric;
  value: number;
  source: MonthlyFigureSource;
  updated_at: Date;
}

/**
 * The counts of completed tickets: one SQL expression per metric, shared by every query.
 * Tickets belong to the office's local `day`, so a period of local dates needs no zone
 * arithmetic; wait = first call − queued (check-in or ticket), service = start → complete.
 */
const TICKET_FIGURES = `
  count(*) FILTER (WHERE t.status = 'DONE' AND t.kind = 'APPOINTMENT')::int AS appointments_attended,
  count(*) FILTER (WHERE t.status = 'DONE' AND t.kind = 'WALK_IN')::int AS walk_ins,
  count(*) FILTER (WHERE t.status = 'DONE' AND t.outcome = ANY($4::text[]))::int AS cie_issued,
  count(*) FILTER (WHERE t.status = 'DONE' AND t.outcome = ANY($5::text[]))::int AS spid_issued,
  count(*) FILTER (WHERE t.status = 'DONE' AND t.outcome = ANY($6::text[]))::int AS residency_desk`;

// date_part (double precision), not extract (numeric since PostgreSQL 14): numeric
// arithmetic over every ticket of a mandate costs several times more.
const WAIT_S = `date_part('epoch', t.first_called_at - t.queued_at)`;
const SERVICE_S = `CASE WHEN t.status = 'DONE' THEN date_part('epoch', t.completed_at - t.started_at) END`;
const TICKET_TIMES = `
  count(t.first_called_at)::int AS wait_samples,
  avg(${WAIT_S}) AS avg_wait_s,
  percentile_disc(0.9) WITHIN GROUP (ORDER BY ${WAIT_S}) AS p90_wait_s,
  count(${SERVICE_S})::int AS service_samples,
  avg(${SERVICE_S}) AS avg_service_s,
  percentile_disc(0.9) WITHIN GROUP (ORDER BY ${SERVICE_S}) AS p90_service_s`;

const TICKET_SCOPE = `t.office_id = ANY($1::uuid[]) AND t.day BETWEEN $2::date AND $3::date`;

/** All SQL of the statistics. */
@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return transaction(this.db, work);
  }

  /** Offices with their mandate; `ids` null = every office. */
  async offices(ids: string[] | null): Promise<StatsOfficeRow[]> {
    return queryRows(
      this.db,
      `SELECT o.id, o.name, o.time_zone, to_char(s.mandate_start, 'YYYY-MM-DD') AS mandate_start, to_char(s.mandate_end, 'YYYY-MM-DD') AS mandate_end
         FROM office o LEFT JOIN office_settings s ON s.office_id = o.id
        WHERE $1::uuid[] IS NULL OR o.id = ANY($1::uuid[])
        ORDER BY o.name, o.id`,
      [ids],
    );
  }

  async services(officeIds: string[]): Promise<StatsServiceInfoRow[]> {
    return queryRows(
      this.db,
      `SELECT id, office_id, code, name_it, name_en, outcomes, sort_order FROM service WHERE office_id = ANY($1::uuid[]) ORDER BY office_id, sort_order, name_it`,
      [officeIds],
    );
  }

  private outcomeParams(): string[][] {
    return [[...OUTCOME_METRICS.cie_issued], [...OUTCOME_METRICS.spid_issued], [...OUTCOME_METRICS.residency_desk]];
  }

  /** Recorded totals of the period over all the offices (one row). */
  async ticketTotals(officeIds: string[], from: string, to: string): Promise<TicketTotalsRow> {
    const rows = await queryRows<TicketTotalsRow>(
      this.db,
      `SELECT NULL::uuid AS office_id, NULL::uuid AS service_id, ${TICKET_FIGURES}, ${TICKET_TIMES} FROM ticket t WHERE ${TICKET_SCOPE}`,
      [officeIds, from, to, ...this.outcomeParams()],
    );
    return rows[0];
  }

  /** Recorded totals per office and service (the service a ticket had at the end: transfers count where served). */
  async ticketTotalsByService(officeIds: string[], from: string, to: string): Promise<TicketTotalsRow[]> {
    return queryRows(
      this.db,
      `SELECT t.office_id, t.service_id, ${TICKET_FIGURES}, ${TICKET_TIMES} FROM ticket t WHERE ${TICKET_SCOPE} GROUP BY t.office_id, t.service_id`,
      [officeIds, from, to, ...this.outcomeParams()],
    );
  }

  /** Completed tickets per local day (for monthly buckets). */
  async ticketsByDay(officeIds: string[], from: string, to: string, db: Db = this.db): Promise<DailyTicketRow[]> {
    return queryRows(
      db,
      `SELECT to_char(t.day, 'YYYY-MM-DD') AS day, ${TICKET_FIGURES} FROM ticket t WHERE ${TICKET_SCOPE} AND t.status = 'DONE' GROUP BY t.day ORDER BY t.day`,
      [officeIds, from, to, ...this.outcomeParams()],
    );
  }

  /** Completed tickets per office, service and outcome. */
  async outcomes(officeIds: string[], from: string, to: string): Promise<Array<{ office_id: string; service_id: string; outcome: string; count: number }>> {
    return queryRows(
      this.db,
      `SELECT t.office_id, t.service_id, coalesce(t.outcome, 'INFO_ONLY') AS outcome, count(*)::int AS count
         FROM ticket t WHERE ${TICKET_SCOPE} AND t.status = 'DONE'
        GROUP BY 1, 2, 3`,
      [officeIds, from, to],
    );
  }

  /**
   * Arrivals (every ticket: taken or checked in) counted per office and quarter hour. A
   * quarter hour of UTC lies within one local hour in every zone of quarter-hour offsets,
   * so the domain can bucket these exactly into local weekday and hour.
   */
  async arrivals(officeIds: string[], from: string, to: string): Promise<Array<{ office_id: string; at: Date; count: number }>> {
    return queryRows(
      this.db,
      `SELECT t.office_id, date_bin('15 minutes', t.queued_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS at, count(*)::int AS count
         FROM ticket t WHERE ${TICKET_SCOPE}
        GROUP BY 1, 2`,
      [officeIds, from, to],
    );
  }

  /**
   * Appointments whose time falls in the bounds (one time zone's offices, so one pair of
   * instants), per office and service: booked (all, cancelled included), cancelled, and
   * no-shows — still booked, not served, and either marked NO_SHOW by the desk or never
   * checked in although check-in has closed (`lateMinutes` after the start).
   */
  async appointmentCounts(officeIds: string[], start: Date, end: Date, now: Date, lateMinutes: number): Promise<AppointmentCountsRow[]> {
    if (officeIds.length === 0) return [];
    return queryRows(
      this.db,
      `SELECT a.office_id, a.service_id,
              count(*)::int AS booked,
              count(*) FILTER (WHERE a.status = 'CANCELLED')::int AS cancelled,
              count(*) FILTER (WHERE a.status = 'BOOKED' AND (t.status = 'NO_SHOW' OR (t.id IS NULL AND a.start_at < $4::timestamptz - make_interval(mins => $5::int))))::int AS no_shows
         FROM appointment a LEFT JOIN ticket t ON t.appointment_id = a.id
        WHERE a.office_id = ANY($1::uuid[]) AND a.start_at >= $2 AND a.start_at < $3
        GROUP BY a.office_id, a.service_id`,
      [officeIds, start, end, now, lateMinutes],
    );
  }

  /** Stored monthly figures of the offices between two months (YYYY-MM, both included). */
  async monthlyFigures(officeIds: string[], fromMonth: string, toMonth: string, db: Db = this.db): Promise<MonthlyFigureRow[]> {
    return queryRows(
      db,
      `SELECT office_id, month, metric, value, source, updated_at FROM stats_monthly
        WHERE office_id = ANY($1::uuid[]) AND month BETWEEN $2 AND $3 ORDER BY month, metric, office_id`,
      [officeIds, fromMonth, toMonth],
    );
  }

  /**
   * Writes figures, replacing those of the same office, month and metric; returns how
   * many rows replaced an existing one. Serialised per office, so two imports of the same
   * office run one after the other.
   */
  async upsertFigures(
    tx: Tx,
    officeId: string,
    figures: Array<{ month: string; metric: StatsMetric; value: number }>,
    source: MonthlyFigureSource,
    staffId: string | null,
  ): Promise<{ written: number; replaced: number }> {
    if (figures.length === 0) return { written: 0, replaced: 0 };
    const rows = await queryRows<{ inserted: boolean }>(
      tx,
      `INSERT INTO stats_monthly (office_id, month, metric, value, source, updated_by, updated_at)
       SELECT $1, r.month, r.metric, r.value, $5, $6, now() FROM unnest($2::text[], $3::text[], $4::int[]) AS r(month, metric, value)
       ON CONFLICT (office_id, month, metric) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [officeId, figures.map((f) => f.month), figures.map((f) => f.metric), figures.map((f) => f.value), source, staffId],
    );
    return { written: rows.length, replaced: rows.filter((r) => !r.inserted).length };
  }

  async deleteFigure(tx: Tx, officeId: string, month: string, metric: StatsMetric): Promise<void> {
    await tx.query('DELETE FROM stats_monthly WHERE office_id = $1 AND month = $2 AND metric = $3', [officeId, month, metric]);
  }

  async lockOfficeFigures(tx: Tx, officeId: string): Promise<void> {
    await advisoryLock(tx, `stats_monthly:${officeId}`);
  }
}
