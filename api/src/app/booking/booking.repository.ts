import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { Closure } from '../calendar/closure.entity';
import { advisoryLock, queryRows, transaction, type Tx } from '../database/db';
import { Appointment, CancelReason } from './appointment.entity';
import { Hold } from './hold.entity';
import { IdempotencyRecord } from './idempotency-record.entity';

export type NewAppointment = Pick<
  Appointment,
  | 'id'
  | 'code'
  | 'officeId'
  | 'serviceId'
  | 'startAt'
  | 'endAt'
  | 'firstName'
  | 'lastName'
  | 'fiscalCode'
  | 'fiscalCodeKey'
  | 'email'
  | 'emailKey'
  | 'phone'
  | 'notes'
  | 'language'
  | 'confirmedAt'
>;

/** An appointment the release job gave away, with what the waitlist needs to know. */
export interface ReleasedAppointment {
  id: string;
  code: string;
  officeId: string;
  serviceId: string;
  startAt: Date;
  sequence: number;
  /** The office's minimum notice (null: the office saved no settings). */
  minNoticeMinutes: number | null;
}

/** A seat nobody holds: never claimed, released, or held by an expired hold. The seat check and the claim must agree on it. */
const FREE_SEAT = `(claim_kind IS NULL OR (claim_kind = 'HOLD' AND claim_expires_at <= now()))`;

export interface SeatCheck {
  /** The office's configuration counter; null for an unknown office. */
  version: string | null;
  seatsExist: boolean;
  looksFree: boolean;
}

export interface SeatKey {
  officeId: string;
  serviceId: string;
  startAt: Date;
  endAt: Date;
  capacity: number;
}

/** An appointment a closure would cancel. */
export interface BookedInsideRow {
  id: string;
  code: string;
  office_id: string;
  service_id: string;
  start_at: Date;
  sequence: number;
  name_it: string;
}

/**
 * All SQL of booking. Capacity lives in `slot_seat`: every claim is one conditional
 * UPDATE of a free seat, so PostgreSQL — not application code — decides who gets a place.
 */
@Injectable()
export class BookingRepository {
  constructor(@InjectDataSource() readonly db: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return transaction(this.db, work);
  }

  /**
   * Takes a free seat of the slot for a hold (with an expiry) or an appointment.
   * Returns the seat number, or null when the slot is full.
   */
  async claimSeat(
    tx: Tx,
    seat: SeatKey,
    claim: { kind: 'HOLD' | 'APPOINTMENT'; id: string; holdMinutes?: number },
    seatsExist = false,
  ): Promise<{ seatNo: number; expiresAt: Date | null } | null> {
    // Seats are created on first use; ON CONFLICT makes concurrent creation harmless.
    // Skipped when a seat check has just seen all of them (seats are never deleted ahead).
    if (!seatsExist) {
      await tx.query(
        `INSERT INTO slot_seat (service_id, start_at, seat_no, office_id, end_at)
         SELECT $1, $2, g, $3, $4 FROM generate_series(1, $5::int) AS g
         ON CONFLICT DO NOTHING`,
        [seat.serviceId, seat.startAt, seat.officeId, seat.endAt, seat.capacity],
      );
    }
    const rows = await queryRows<{ seat_no: number; claim_expires_at: Date | null }>(
      tx,
      `UPDATE slot_seat AS s
          SET claim_kind = $4::varchar, claim_id = $5,
              claim_expires_at = CASE WHEN $4::varchar = 'HOLD' THEN now() + make_interval(mins => $6::int) END
        WHERE (s.service_id, s.start_at, s.seat_no) = (
                SELECT service_id, start_at, seat_no FROM slot_seat
                 WHERE service_id = $1 AND start_at = $2 AND seat_no <= $3
                   AND ${FREE_SEAT}
                 ORDER BY seat_no
                 LIMIT 1
                   FOR UPDATE SKIP LOCKED)
       RETURNING s.seat_no, s.claim_expires_at`,
      [seat.serviceId, seat.startAt, seat.capacity, claim.kind, claim.id, claim.holdMinutes ?? 0],
    );
    return rows.length > 0 ? { seatNo: rows[0].seat_no, expiresAt: rows[0].claim_expires_at } : null;
  }

  /**
   * Before any transaction, one read: the office's configuration counter, whether the
   * slot's seats exist, and whether one looks free (uncreated seats are free). "Not free"
   * lets a refused booking skip its transaction; "free" is only a hint, the claim decides.
   * A seat being claimed by an open transaction still looks free here.
   */
  async seatCheck(officeId: string, serviceId: string, startAt: Date, capacity: number): Promise<SeatCheck> {
    const rows = await queryRows<{ version: string | null; seats: number; free: boolean }>(
      this.db,
      `SELECT (SELECT version FROM office_config_version WHERE office_id = $1) AS version,
              count(*)::int AS seats,
              coalesce(bool_or(${FREE_SEAT}), false) AS free
         FROM slot_seat
        WHERE service_id = $2 AND start_at = $3 AND seat_no <= $4`,
      [officeId, serviceId, startAt, capacity],
    );
    const { version, seats, free } = rows[0];
    return { version, seatsExist: seats >= capacity, looksFree: free || seats < capacity };
  }

  /** Turns a live hold's seat into the appointment's. False when the hold expired or does not match. */
  async convertHold(tx: Tx, holdId: string, serviceId: string, startAt: Date, appointmentId: string): Promise<boolean> {
    const rows = await queryRows(
      tx,
      `UPDATE slot_seat SET claim_kind = 'APPOINTMENT', claim_id = $4, claim_expires_at = NULL
        WHERE claim_kind = 'HOLD' AND claim_id = $1 AND service_id = $2 AND start_at = $3 AND claim_expires_at > now()
       RETURNING seat_no`,
      [holdId, serviceId, startAt, appointmentId],
    );
    if (rows.length === 0) return false;
    await tx.query('UPDATE hold SET appointment_id = $2 WHERE id = $1', [holdId, appointmentId]);
    return true;
  }

  /** Gives a hold's place back at once (the citizen chose another time, or left). */
  async releaseHold(holdId: string, tx?: Tx): Promise<void> {
    await (tx ?? this.db).query(
      `UPDATE slot_seat SET claim_kind = NULL, claim_id = NULL, claim_expires_at = NULL WHERE claim_kind = 'HOLD' AND claim_id = $1`,
      [holdId],
    );
  }

  /** Frees the appointment's seats, except the one at `keepStartAt` (reschedule). */
  async releaseSeats(tx: Tx, appointmentId: string, keepStartAt?: Date): Promise<void> {
    await tx.query(
      `UPDATE slot_seat SET claim_kind = NULL, claim_id = NULL, claim_expires_at = NULL
        WHERE claim_kind = 'APPOINTMENT' AND claim_id = $1 AND ($2::timestamptz IS NULL OR start_at <> $2)`,
      [appointmentId, keepStartAt ?? null],
    );
  }

  /** Serialises work on one key (a client, a codice fiscale) until the transaction ends. */
  async lock(tx: Tx, key: string): Promise<void> {
    await advisoryLock(tx, key);
  }

  /**
   * Holds the office's configuration as it is until the transaction ends (a share lock on
   * its counter row) and tells whether it is still `version`. Every change of what makes the
   * calendar (closures, hours, services, settings) updates that row, so it waits for the
   * bookings that hold it, and they see it once it is committed: a booking checked against
   * rules that a change has meanwhile replaced is refused, and the change's own sweep sees
   * every booking made under the old rules.
   */
  async holdRules(tx: Tx, officeId: string, version: string): Promise<boolean> {
    const rows = await queryRows<{ version: string }>(tx, 'SELECT version FROM office_config_version WHERE office_id = $1 FOR SHARE', [officeId]);
    return rows[0]?.version === version;
  }

  /** The client's open holds: how many, and when the first of them runs out. */
  async liveHolds(tx: Tx, clientKey: string): Promise<{ count: number; firstExpiry: Date | null }> {
    const rows = await queryRows<{ n: number; first: Date | null }>(
      tx,
      `SELECT count(*)::int AS n, min(s.claim_expires_at) AS first FROM hold h
         JOIN slot_seat s ON s.claim_kind = 'HOLD' AND s.claim_id = h.id
        WHERE h.client_key = $1 AND s.claim_expires_at > now()`,
      [clientKey],
    );
    return { count: rows[0].n, firstExpiry: rows[0].first };
  }

  async insertHold(tx: Tx, hold: Pick<Hold, 'id' | 'officeId' | 'serviceId' | 'startAt' | 'clientKey' | 'expiresAt'>): Promise<void> {
    await tx.getRepository(Hold).insert(hold);
  }

  findHold(tx: Tx, id: string): Promise<Hold | null> {
    return tx.getRepository(Hold).findOneBy({ id });
  }

  /**
   * Serialises the bookings of one person (codice fiscale key) for one service and of one
   * mailbox at one office, then counts their booked appointments that have not ended. Two
   * locks in one statement, always in this order, so two bookings never wait for each other
   * in a circle.
   */
  async lockAndCountActive(
    tx: Tx,
    who: { officeId: string; serviceId: string; fiscalCodeKey: string; emailKey: string },
  ): Promise<{ person: number; email: number }> {
    await advisoryLock(tx, `person:${who.serviceId}:${who.fiscalCodeKey}`, `email:${who.officeId}:${who.emailKey}`);
    const rows = await queryRows<{ person: number; email: number }>(
      tx,
      `SELECT (SELECT count(*)::int FROM appointment
                WHERE service_id = $1 AND fiscal_code_key = $2 AND status = 'BOOKED' AND end_at > now()) AS person,
              (SELECT count(*)::int FROM appointment
                WHERE office_id = $3 AND email_key = $4 AND status = 'BOOKED' AND end_at > now()) AS email`,
      [who.serviceId, who.fiscalCodeKey, who.officeId, who.emailKey],
    );
    return rows[0];
  }

  /** Inserts unless the code is taken (then returns false, to retry with another code). */
  async insertAppointment(tx: Tx, a: NewAppointment): Promise<boolean> {
    const rows = await queryRows(
      tx,
      `INSERT INTO appointment (id, code, office_id, service_id, start_at, end_at, first_name, last_name, fiscal_code, fiscal_code_key, email, email_key,
                                phone, notes, language, confirmed_at, privacy_accepted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, now())
       ON CONFLICT (code) DO NOTHING
       RETURNING id`,
      [
        a.id,
        a.code,
        a.officeId,
        a.serviceId,
        a.startAt,
        a.endAt,
        a.firstName,
        a.lastName,
        a.fiscalCode,
        a.fiscalCodeKey,
        a.email,
        a.emailKey,
        a.phone,
        a.notes,
        a.language,
        a.confirmedAt,
      ],
    );
    return rows.length > 0;
  }

  async insertManageToken(tx: Tx, appointmentId: string, hash: Buffer): Promise<void> {
    await tx.query('INSERT INTO manage_token (token_hash, appointment_id) VALUES ($1, $2)', [hash, appointmentId]);
  }

  findByTokenHash(hash: Buffer): Promise<Appointment | null> {
    return this.db
      .getRepository(Appointment)
      .createQueryBuilder('a')
      .innerJoin('manage_token', 't', 't.appointment_id = a.id')
      .where('t.token_hash = :hash', { hash })
      .andWhere(`a.status = 'BOOKED'`)
      .getOne();
  }

  /** A booked (or, with `cancelledToo`, also a cancelled) appointment of this person (the person key: every omocodia spelling), by its code. */
  findOwnByCode(code: string, fiscalCodeKey: string, cancelledToo = false): Promise<Appointment | null> {
    return this.db
      .getRepository(Appointment)
      .findOne({ where: { code, fiscalCodeKey, anonymisedAt: IsNull(), ...(cancelledToo ? {} : { status: 'BOOKED' as const }) } });
  }

  /** Locks the booked appointment for a change. */
  lockBooked(tx: Tx, id: string): Promise<Appointment | null> {
    return tx.getRepository(Appointment).findOne({ where: { id, status: 'BOOKED' }, lock: { mode: 'pessimistic_write' } });
  }

  async markCancelled(tx: Tx, id: string, reason: CancelReason): Promise<void> {
    await tx.query(`UPDATE appointment SET status = 'CANCELLED', cancel_reason = $2, cancelled_at = now(), updated_at = now() WHERE id = $1`, [id, reason]);
  }

  /**
   * Moves the appointment to a new time (a new SEQUENCE). Attendance starts over for the
   * new time: `confirmedAt` is set when moving counts as confirmation, else null, and the
   * new reminder asks again.
   */
  async moveAppointment(tx: Tx, id: string, startAt: Date, endAt: Date, confirmedAt: Date | null): Promise<number> {
    const rows = await queryRows<{ sequence: number }>(
      tx,
      `UPDATE appointment SET start_at = $2, end_at = $3, sequence = sequence + 1, confirmed_at = $4, reconfirm_requested_at = NULL, updated_at = now()
        WHERE id = $1 RETURNING sequence`,
      [id, startAt, endAt, confirmedAt],
    );
    return rows[0].sequence;
  }

  /** Records the citizen's confirmation of attendance (the first one counts). Null when the appointment is no longer booked. */
  async confirmAttendance(tx: Tx, id: string, now: Date): Promise<Date | null> {
    const rows = await queryRows<{ confirmed_at: Date }>(
      tx,
      `UPDATE appointment SET confirmed_at = coalesce(confirmed_at, $2), updated_at = now() WHERE id = $1 AND status = 'BOOKED' RETURNING confirmed_at`,
      [id, now],
    );
    return rows[0]?.confirmed_at ?? null;
  }

  /**
   * Releases up to `limit` appointments whose citizen was asked to confirm attendance, did
   * not, and whose deadline (`deadlineHours` before the start) has passed, at offices that
   * still ask for it. SKIP LOCKED: every api instance may run this at once, and a
   * confirmation in flight (it holds the row) is never overtaken.
   */
  async releaseUnconfirmed(tx: Tx, now: Date, deadlineHours: number, limit: number): Promise<ReleasedAppointment[]> {
    const released = await queryRows<{
      id: string;
      code: string;
      office_id: string;
      service_id: string;
      start_at: Date;
      sequence: number;
      min_notice_minutes: number | null;
    }>(
      tx,
      `UPDATE appointment AS a SET status = 'CANCELLED', cancel_reason = 'RELEASED', cancelled_at = $1, updated_at = now()
         FROM (SELECT d.id FROM appointment d
                 JOIN office_settings os ON os.office_id = d.office_id AND os.reconfirm_required
                WHERE d.status = 'BOOKED' AND d.confirmed_at IS NULL AND d.reconfirm_requested_at IS NOT NULL
                  AND d.start_at > $1 AND d.start_at <= $1::timestamptz + make_interval(hours => $2::int)
                ORDER BY d.start_at
                LIMIT $3
                  FOR UPDATE OF d SKIP LOCKED) AS due
        WHERE a.id = due.id
       RETURNING a.id, a.code, a.office_id, a.service_id, a.start_at, a.sequence,
                 (SELECT os.min_notice_minutes FROM office_settings os WHERE os.office_id = a.office_id) AS min_notice_minutes`,
      [now, deadlineHours, limit],
    );
    return released.map((r) => ({
      id: r.id,
      code: r.code,
      officeId: r.office_id,
      serviceId: r.service_id,
      startAt: r.start_at,
      sequence: r.sequence,
      minNoticeMinutes: r.min_notice_minutes,
    }));
  }

  findIdempotencyRecord(tx: Tx, key: string): Promise<IdempotencyRecord | null> {
    return tx.getRepository(IdempotencyRecord).findOneBy({ key });
  }

  async saveIdempotencyRecord(tx: Tx, record: Omit<IdempotencyRecord, 'createdAt'>): Promise<void> {
    await tx.query('INSERT INTO idempotency_record (key, request_hash, response_status, response_body) VALUES ($1, $2, $3, $4)', [
      record.key,
      record.requestHash,
      record.responseStatus,
      JSON.stringify(record.responseBody),
    ]);
  }

  /**
   * Rows of a statement. TypeORM's plain query() answers UPDATE … RETURNING with
   * [rows, count], so go through the structured result, which is the same for every command.
   */
  /** Closures of the office that end after `from`, soonest first. */
  closuresFrom(officeId: string, from: Date): Promise<Closure[]> {
    return this.db.getRepository(Closure).find({ where: { officeId, endsAt: MoreThan(from) }, order: { startsAt: 'ASC' } });
  }

  insertClosure(tx: Tx, closure: Pick<Closure, 'officeId' | 'serviceId' | 'startsAt' | 'endsAt' | 'reason'>): Promise<Closure> {
    const closures = tx.getRepository(Closure);
    return closures.save(closures.create(closure));
  }

  findClosure(tx: Tx, officeId: string, closureId: string): Promise<Closure | null> {
    return tx.getRepository(Closure).findOneBy({ id: closureId, officeId });
  }

  async deleteClosure(tx: Tx, officeId: string, closureId: string): Promise<void> {
    await tx.getRepository(Closure).delete({ id: closureId, officeId });
  }

  /** The booked appointments of the office (or one service) that overlap [start, end), locked for cancelling. */
  bookedInside(tx: Tx, officeId: string, serviceId: string | null, start: Date, end: Date): Promise<BookedInsideRow[]> {
    return queryRows<BookedInsideRow>(
      tx,
      `SELECT a.id, a.code, a.office_id, a.service_id, a.start_at, a.sequence, s.name_it
         FROM appointment a JOIN service s ON s.id = a.service_id
        WHERE a.office_id = $1 AND ($2::uuid IS NULL OR a.service_id = $2) AND a.status = 'BOOKED'
          AND a.start_at < $4 AND a.end_at > $3
        ORDER BY a.start_at
          FOR UPDATE OF a`,
      [officeId, serviceId, start, end],
    );
  }
}
