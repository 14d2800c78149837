import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TicketEventType, TicketKind, TicketStatus } from '@sportello/contracts';
import { DataSource } from 'typeorm';
import type { ServiceOutcome } from '../calendar/service.entity';
import { advisoryLock, type Db, queryRows, transaction, type Tx } from '../database/db';

/** A ticket with what every view of it needs (service names, desk, appointment). */
export interface TicketRow {
  id: string;
  office_id: string;
  service_id: string;
  day: string;
  display_number: string;
  kind: TicketKind;
  priority: boolean;
  holder_name: string | null;
  status: TicketStatus;
  queued_at: Date;
  called_at: Date | null;
  started_at: Date | null;
  completed_at: Date | null;
  desk_id: string | null;
  desk_name: string | null;
  call_count: number;
  outcome: string | null;
  appointment_id: string | null;
  appointment_code: string | null;
  appointment_start: Date | null;
  name_it: string;
  name_en: string;
}

export interface DeskRow {
  id: string;
  office_id: string;
  number: number;
  name: string;
  paused: boolean;
  service_ids: string[];
}

export interface QueueServiceRow {
  id: string;
  name_it: string;
  name_en: string;
  ticket_prefix: string;
  outcomes: ServiceOutcome[];
  duration_minutes: number;
  sort_order: number;
}

export interface CheckInRow {
  id: string;
  code: string;
  office_id: string;
  service_id: string;
  status: 'BOOKED' | 'CANCELLED';
  start_at: Date;
  ticket_prefix: string;
  time_zone: string;
}

export interface AgendaRow {
  id: string;
  code: string;
  start_at: Date;
  end_at: Date;
  service_id: string;
  name_it: string;
  name_en: string;
  first_name: string;
  last_name: string;
  fiscal_code: string;
  phone: string | null;
  status: 'BOOKED' | 'CANCELLED';
  ticket_id: string | null;
  ticket_status: TicketStatus | null;
  display_number: string | null;
}

export interface CallRow {
  event_id: string;
  ticket_id: string;
  display_number: string;
  desk_name: string;
  at: Date;
  type: TicketEventType;
}

const TICKET_SELECT = `
  SELECT t.id, t.office_id, t.service_id, to_char(t.day, 'YYYY-MM-DD') AS day, t.display_number, t.kind, t.priority,
         t.holder_name, t.status, t.queued_at, t.called_at, t.started_at, t.completed_at, t.desk_id, d.name AS desk_name,
         t.call_count, t.outcome, t.appointment_id, a.code AS appointment_code, a.start_at AS appointment_start, s.name_it, s.name_en
    FROM ticket t
    JOIN service s ON s.id = t.service_id
    LEFT JOIN desk d ON d.id = t.desk_id
    LEFT JOIN appointment a ON a.id = t.appointment_id`;

/** All SQL of the front desk. */
@Injectable()
export class FrontDeskRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return transaction(this.db, work);
  }

  /** Serialises the queue changes of one office (call-next): two desks never pick the same person. */
  async lockOfficeQueue(tx: Tx, officeId: string): Promise<void> {
    await advisoryLock(tx, `queue:${officeId}`);
  }

  async queueServices(officeId: string): Promise<QueueServiceRow[]> {
    return queryRows(
      this.db,
      `SELECT id, name_it, name_en, ticket_prefix, outcomes, duration_minutes, sort_order FROM service WHERE office_id = $1 AND active ORDER BY sort_order, name_it`,
      [officeId],
    );
  }

  /** The next gapless number for the prefix today; rolled back with the ticket if anything fails. */
  async nextNumber(tx: Tx, officeId: string, day: string, prefix: string): Promise<number> {
    const rows = await queryRows<{ last_number: number }>(
      tx,
      `INSERT INTO ticket_counter (office_id, day, prefix, last_number) VALUES ($1, $2, $3, 1)
       ON CONFLICT (office_id, day, prefix) DO UPDATE SET last_number = ticket_counter.last_number + 1
       RETURNING last_number`,
      [officeId, day, prefix],
    );
    return rows[0].last_number;
  }

  async insertTicket(
    tx: Tx,
    t: {
      officeId: string;
      serviceId: string;
      day: string;
      prefix: string;
      number: number;
      displayNumber: string;
      kind: TicketKind;
      appointmentId: string | null;
      priority: boolean;
      holderName: string | null;
      queuedAt: Date;
    },
  ): Promise<string> {
    const rows = await queryRows<{ id: string }>(
      tx,
      `INSERT INTO ticket (office_id, service_id, day, prefix, number, display_number, kind, appointment_id, priority, holder_name, queued_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [t.officeId, t.serviceId, t.day, t.prefix, t.number, t.displayNumber, t.kind, t.appointmentId, t.priority, t.holderName, t.queuedAt],
    );
    return rows[0].id;
  }

  async insertEvent(
    tx: Tx,
    e: {
      ticketId: string;
      officeId: string;
      serviceId: string;
      type: TicketEventType;
      at: Date;
      deskId: string | null;
      staffUserId: string | null;
      outcome?: string | null;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO ticket_event (ticket_id, office_id, service_id, type, at, desk_id, staff_user_id, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [e.ticketId, e.officeId, e.serviceId, e.type, e.at, e.deskId, e.staffUserId, e.outcome ?? null],
    );
  }

  async ticket(id: string, db: Db = this.db): Promise<TicketRow | null> {
    const rows = await queryRows<TicketRow>(db, `${TICKET_SELECT} WHERE t.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async ticketForAppointment(appointmentId: string, db: Db = this.db): Promise<TicketRow | null> {
    const rows = await queryRows<TicketRow>(db, `${TICKET_SELECT} WHERE t.appointment_id = $1`, [appointmentId]);
    return rows[0] ?? null;
  }

  /** Everyone waiting today, in no particular order (the queue policy orders them). */
  async waiting(officeId: string, day: string, db: Db = this.db): Promise<TicketRow[]> {
    return queryRows(db, `${TICKET_SELECT} WHERE t.office_id = $1 AND t.day = $2 AND t.status = 'WAITING'`, [officeId, day]);
  }

  /** The ticket a desk is calling or serving. */
  async deskCurrent(deskId: string, db: Db = this.db): Promise<TicketRow | null> {
    const rows = await queryRows<TicketRow>(
      db,
      `${TICKET_SELECT} WHERE t.desk_id = $1 AND t.status IN ('CALLED', 'IN_SERVICE') ORDER BY t.called_at DESC LIMIT 1`,
      [deskId],
    );
    return rows[0] ?? null;
  }

  async updateTicket(
    tx: Tx,
    id: string,
    changes: {
      status?: TicketStatus;
      deskId?: string | null;
      calledAt?: Date;
      startedAt?: Date;
      completedAt?: Date;
      serviceId?: string;
      outcome?: string;
      callCountPlus?: number;
    },
  ): Promise<void> {
    const columns: Record<string, unknown> = {
      status: changes.status,
      desk_id: changes.deskId,
      called_at: changes.calledAt,
      started_at: changes.startedAt,
      completed_at: changes.completedAt,
      service_id: changes.serviceId,
      outcome: changes.outcome,
    };
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [column, value] of Object.entries(columns)) {
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    }
    if (changes.callCountPlus) sets.push(`call_count = call_count + ${Number(changes.callCountPlus)}`);
    // The wait of the statistics ends at the first call; later calls (after a transfer) keep it.
    if (changes.calledAt !== undefined) sets.push(`first_called_at = coalesce(first_called_at, $${params.indexOf(changes.calledAt) + 1})`);
    await tx.query(`UPDATE ticket SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  /**
   * Calls a waiting ticket to the desk, records the CALLED event and queues the
   * notification, in one statement: call-next holds the office's queue lock, and every
   * round trip under it delays the other desks. False when the desk has a ticket already
   * (a concurrent call from the same desk got the lock first).
   */
  async callTicket(tx: Tx, call: { ticketId: string; deskId: string; at: Date; staffUserId: string | null; notification: [string, string] }): Promise<boolean> {
    const rows = await queryRows(
      tx,
      `WITH called AS (
         UPDATE ticket SET status = 'CALLED', desk_id = $2, called_at = $3, first_called_at = coalesce(first_called_at, $3), call_count = call_count + 1
          WHERE id = $1 AND status = 'WAITING'
            AND NOT EXISTS (SELECT 1 FROM ticket WHERE desk_id = $2 AND status IN ('CALLED', 'IN_SERVICE'))
         RETURNING id, office_id, service_id),
       recorded AS (
         INSERT INTO ticket_event (ticket_id, office_id, service_id, type, at, desk_id, staff_user_id, outcome)
         SELECT id, office_id, service_id, 'CALLED', $3, $2, $4, NULL FROM called)
       SELECT pg_notify($5, $6) FROM called`,
      [call.ticketId, call.deskId, call.at, call.staffUserId, ...call.notification],
    );
    return rows.length === 1;
  }

  async desks(officeId: string): Promise<DeskRow[]> {
    return queryRows(
      this.db,
      `SELECT d.id, d.office_id, d.number, d.name, d.paused,
              coalesce(array_agg(ds.service_id ORDER BY ds.service_id) FILTER (WHERE ds.service_id IS NOT NULL), '{}') AS service_ids
         FROM desk d LEFT JOIN desk_service ds ON ds.desk_id = d.id
        WHERE d.office_id = $1 AND d.active
        GROUP BY d.id ORDER BY d.number`,
      [officeId],
    );
  }

  async desk(deskId: string): Promise<DeskRow | null> {
    const rows = await queryRows<DeskRow>(
      this.db,
      `SELECT d.id, d.office_id, d.number, d.name, d.paused,
              coalesce(array_agg(ds.service_id ORDER BY ds.service_id) FILTER (WHERE ds.service_id IS NOT NULL), '{}') AS service_ids
         FROM desk d LEFT JOIN desk_service ds ON ds.desk_id = d.id
        WHERE d.id = $1 AND d.active
        GROUP BY d.id`,
      [deskId],
    );
    return rows[0] ?? null;
  }

  async setDeskPaused(tx: Tx, deskId: string, paused: boolean): Promise<void> {
    await tx.query('UPDATE desk SET paused = $2 WHERE id = $1', [deskId, paused]);
  }

  /** The appointment behind a booking code, locked for the check-in. */
  async appointmentForCheckIn(tx: Tx, code: string): Promise<CheckInRow | null> {
    const rows = await queryRows<CheckInRow>(
      tx,
      `SELECT a.id, a.code, a.office_id, a.service_id, a.status, a.start_at, s.ticket_prefix, o.time_zone
         FROM appointment a JOIN service s ON s.id = a.service_id JOIN office o ON o.id = a.office_id
        WHERE a.code = $1 FOR UPDATE OF a`,
      [code],
    );
    return rows[0] ?? null;
  }

  /** Average minutes from start to completion today per service (only services with completions). */
  async averageServiceMinutes(officeId: string, day: string): Promise<Map<string, number>> {
    const rows = await queryRows<{ service_id: string; minutes: number }>(
      this.db,
      `SELECT service_id, avg(extract(epoch FROM completed_at - started_at) / 60)::float8 AS minutes
         FROM ticket WHERE office_id = $1 AND day = $2 AND status = 'DONE' AND started_at IS NOT NULL GROUP BY service_id`,
      [officeId, day],
    );
    return new Map(rows.map((r) => [r.service_id, r.minutes]));
  }

  /** Calls and recalls of today, newest first. */
  async recentCalls(officeId: string, day: string, limit: number): Promise<CallRow[]> {
    return queryRows(
      this.db,
      `SELECT e.id::text AS event_id, e.ticket_id, t.display_number, d.name AS desk_name, e.at, e.type
         FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id JOIN desk d ON d.id = e.desk_id
        WHERE e.office_id = $1 AND t.day = $2 AND e.type IN ('CALLED', 'RECALLED')
        ORDER BY e.id DESC LIMIT $3`,
      [officeId, day, limit],
    );
  }

  /** Tickets called and not yet started, with their latest call. */
  async currentCalls(officeId: string, day: string): Promise<CallRow[]> {
    return queryRows(
      this.db,
      `SELECT DISTINCT ON (t.id) e.id::text AS event_id, t.id AS ticket_id, t.display_number, d.name AS desk_name, e.at, e.type
         FROM ticket t JOIN desk d ON d.id = t.desk_id
         JOIN ticket_event e ON e.ticket_id = t.id AND e.type IN ('CALLED', 'RECALLED')
        WHERE t.office_id = $1 AND t.day = $2 AND t.status = 'CALLED'
        ORDER BY t.id, e.id DESC`,
      [officeId, day],
    );
  }

  /**
   * The day's appointments with their queue state; `q` matches code, name or codice fiscale,
   * and `fiscalCodeKey` (a whole codice fiscale searched for) every spelling of that person.
   */
  async agenda(officeId: string, from: Date, to: Date, q: string | null, fiscalCodeKey: string | null = null): Promise<AgendaRow[]> {
    return queryRows(
      this.db,
      `SELECT a.id, a.code, a.start_at, a.end_at, a.service_id, s.name_it, s.name_en, a.first_name, a.last_name, a.fiscal_code, a.phone,
              a.status, t.id AS ticket_id, t.status AS ticket_status, t.display_number
         FROM appointment a JOIN service s ON s.id = a.service_id LEFT JOIN ticket t ON t.appointment_id = a.id
        WHERE a.office_id = $1 AND a.start_at >= $2 AND a.start_at < $3
          AND ($4::text IS NULL OR a.code ILIKE '%' || $4 || '%' OR a.fiscal_code ILIKE '%' || $4 || '%'
               OR (a.first_name || ' ' || a.last_name) ILIKE '%' || $4 || '%' OR (a.last_name || ' ' || a.first_name) ILIKE '%' || $4 || '%'
               OR a.fiscal_code_key = $5)
        ORDER BY a.start_at, a.code`,
      [officeId, from, to, q, fiscalCodeKey],
    );
  }

  /** The last event of a ticket (the undo checks it is the action being undone). */
  async lastEvent(tx: Tx, ticketId: string): Promise<{ type: TicketEventType; at: Date; desk_id: string | null } | null> {
    const rows = await queryRows<{ type: TicketEventType; at: Date; desk_id: string | null }>(
      tx,
      `SELECT type, at, desk_id FROM ticket_event WHERE ticket_id = $1 ORDER BY id DESC LIMIT 1`,
      [ticketId],
    );
    return rows[0] ?? null;
  }

  /** Whether the ticket was started since it was last called (a completion then goes back to IN_SERVICE). */
  async startedSinceLastCall(tx: Tx, ticketId: string): Promise<boolean> {
    const rows = await queryRows<{ started: boolean }>(
      tx,
      `SELECT coalesce((SELECT type = 'STARTED' FROM ticket_event WHERE ticket_id = $1 AND type IN ('CALLED', 'STARTED') ORDER BY id DESC LIMIT 1), false) AS started`,
      [ticketId],
    );
    return rows[0]?.started ?? false;
  }

  /** Puts a completed or absent ticket back at its desk: status, end and outcome as before the action. */
  async reopenTicket(tx: Tx, ticketId: string, status: 'CALLED' | 'IN_SERVICE'): Promise<void> {
    await tx.query(
      `UPDATE ticket SET status = $2::varchar, completed_at = NULL, outcome = NULL, started_at = CASE WHEN $2::varchar = 'CALLED' THEN NULL ELSE started_at END WHERE id = $1`,
      [ticketId, status],
    );
  }

  /** Today's figures of an office for the staff home: appointments booked, and the queue's tickets. */
  async today(
    officeId: string,
    day: string,
    from: Date,
    to: Date,
  ): Promise<{ booked: number; arrived: number; walk_ins: number; waiting: number; served: number }> {
    const rows = await queryRows<{ booked: number; arrived: number; walk_ins: number; waiting: number; served: number }>(
      this.db,
      `SELECT (SELECT count(*)::int FROM appointment WHERE office_id = $1 AND start_at >= $3 AND start_at < $4 AND status = 'BOOKED') AS booked,
              count(*) FILTER (WHERE t.status <> 'CANCELLED')::int AS arrived,
              count(*) FILTER (WHERE t.status <> 'CANCELLED' AND t.kind = 'WALK_IN')::int AS walk_ins,
              count(*) FILTER (WHERE t.status = 'WAITING')::int AS waiting,
              count(*) FILTER (WHERE t.status = 'DONE')::int AS served
         FROM ticket t WHERE t.office_id = $1 AND t.day = $2`,
      [officeId, day, from, to],
    );
    return rows[0];
  }
}
