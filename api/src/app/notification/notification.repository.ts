import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { NotificationChannel, NotificationKind, NotificationPayload, NotificationStatus } from './notification.entity';
import { queryRows, type Tx } from '../database/db';

export interface NewNotification {
  officeId: string;
  /** Exactly one of appointmentId (every kind but WAITLIST) and waitlistEntryId (WAITLIST). */
  appointmentId: string | null;
  waitlistEntryId: string | null;
  kind: NotificationKind;
  channel: NotificationChannel;
  sequence: number;
  dedupeKey: string;
  dueAt: Date;
  /** SKIPPED rows are written for the record only (e.g. a reminder for a late booking). */
  status: 'PENDING' | 'SKIPPED';
  note: string | null;
  payload: NotificationPayload | null;
}

export interface ClaimedNotification {
  id: string;
  appointmentId: string | null;
  waitlistEntryId: string | null;
  kind: NotificationKind;
  channel: NotificationChannel;
  sequence: number;
  attempts: number;
  payload: NotificationPayload | null;
}

/** A channel besides e-mail that a booking opted into (`target`: chat id, phone; null for IO). */
export interface OptedChannel {
  channel: Exclude<NotificationChannel, 'EMAIL'>;
  target: string | null;
}

/** The office's contact columns of a message's context (table alias `o`). */
const OFFICE_COLUMNS = `o.name AS "officeName", o.address AS "officeAddress", o.city AS "officeCity", o.phone AS "officePhone", o.email AS "officeEmail",
              o.latitude AS "officeLatitude", o.longitude AS "officeLongitude"`;

/** What a message needs to know about its appointment, read when it is sent. */
export interface AppointmentContext {
  id: string;
  code: string;
  status: 'BOOKED' | 'CANCELLED';
  cancelReason: 'CITIZEN' | 'RELEASED' | 'CLOSURE' | 'OFFICE_CHANGE' | null;
  sequence: number;
  startAt: Date;
  endAt: Date;
  confirmedAt: Date | null;
  /** The office asks for reconfirmation of attendance. */
  reconfirmRequired: boolean;
  email: string;
  /** IO addresses the citizen by it. */
  fiscalCode: string;
  firstName: string;
  lastName: string;
  language: 'it' | 'en';
  anonymised: boolean;
  officeName: string;
  officeAddress: string;
  officeCity: string;
  officePhone: string | null;
  officeEmail: string | null;
  officeLatitude: number | null;
  officeLongitude: number | null;
  timeZone: string;
  nameIt: string;
  nameEn: string;
  serviceCode: string;
  documentsIt: string[];
  documentsEn: string[];
  feeCents: number | null;
  feeNoteIt: string | null;
  feeNoteEn: string | null;
}

/** What a WAITLIST message needs to know about its entry, read when it is sent. */
export interface WaitlistContext {
  id: string;
  email: string;
  language: 'it' | 'en';
  expiresAt: Date;
  officeName: string;
  officeAddress: string;
  officeCity: string;
  officePhone: string | null;
  officeEmail: string | null;
  officeLatitude: number | null;
  officeLongitude: number | null;
  serviceCode: string;
  nameIt: string;
  nameEn: string;
}

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  channel: NotificationChannel;
  status: NotificationStatus;
  attempts: number;
  last_error: string | null;
  due_at: Date;
  sent_at: Date | null;
  created_at: Date;
  code: string | null;
}

/** All SQL of the outbox. */
@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inside the booking transaction; a row with the same dedupe key already there wins. */
  async insert(tx: Tx, rows: NewNotification[]): Promise<void> {
    for (const n of rows) {
      await tx.query(
        `INSERT INTO notification (office_id, appointment_id, waitlist_entry_id, kind, sequence, dedupe_key, status, due_at, last_error, payload, channel)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (dedupe_key) DO NOTHING`,
        [
          n.officeId,
          n.appointmentId,
          n.waitlistEntryId,
          n.kind,
          n.sequence,
          n.dedupeKey,
          n.status,
          n.dueAt,
          n.note,
          n.payload === null ? null : JSON.stringify(n.payload),
          n.channel,
        ],
      );
    }
  }

  /** Inside the booking transaction: the channels the booking opted into, besides e-mail. */
  async insertChannels(tx: Tx, appointmentId: string, channels: OptedChannel[]): Promise<void> {
    for (const c of channels)
      await tx.query(
        `INSERT INTO appointment_channel (appointment_id, channel, target) VALUES ($1, $2, $3)
         ON CONFLICT (appointment_id, channel) DO UPDATE SET target = EXCLUDED.target`,
        [appointmentId, c.channel, c.target],
      );
  }

  /** The channels of a booking besides e-mail (read in the transaction of the change). */
  async channelsOf(tx: Tx, appointmentId: string): Promise<Array<OptedChannel['channel']>> {
    const rows = await queryRows<{ channel: OptedChannel['channel'] }>(
      tx,
      `SELECT channel FROM appointment_channel WHERE appointment_id = $1 ORDER BY channel`,
      [appointmentId],
    );
    return rows.map((r) => r.channel);
  }

  /** The App IO key of the appointment's office, if it has its own (a secret: used to send, never shown). */
  async officeIoApiKey(appointmentId: string): Promise<string | null> {
    const rows = await queryRows<{ key: string | null }>(
      this.db,
      `SELECT os.io_api_key AS key FROM appointment a JOIN office_settings os ON os.office_id = a.office_id WHERE a.id = $1`,
      [appointmentId],
    );
    return rows[0]?.key ?? null;
  }

  /** The office's own App IO key, read in the booking's transaction. */
  async officeIoApiKeyOf(tx: Tx, officeId: string): Promise<string | null> {
    const rows = await queryRows<{ key: string | null }>(tx, `SELECT io_api_key AS key FROM office_settings WHERE office_id = $1`, [officeId]);
    return rows[0]?.key ?? null;
  }

  /** Inside the booking transaction: pending messages of these kinds will never be sent. */
  async skipPending(tx: Tx, appointmentId: string, kinds: NotificationKind[], reason: string): Promise<void> {
    await tx.query(
      `UPDATE notification SET status = 'SKIPPED', last_error = $3, claimed_until = NULL
        WHERE appointment_id = $1 AND status = 'PENDING' AND kind = ANY($2::varchar[])`,
      [appointmentId, kinds, reason],
    );
  }

  /**
   * Claims up to `limit` due rows for this worker until `claimUntil`. SKIP LOCKED lets
   * every instance claim at once without waiting; the claim itself keeps a row from being
   * taken again while it is being sent.
   */
  async claim(now: Date, claimUntil: Date, limit: number): Promise<ClaimedNotification[]> {
    const rows = await this.rows<{
      id: string;
      appointment_id: string | null;
      waitlist_entry_id: string | null;
      kind: NotificationKind;
      channel: NotificationChannel;
      sequence: number;
      attempts: number;
      payload: NotificationPayload | null;
    }>(
      `UPDATE notification AS n SET claimed_until = $2
        WHERE n.id IN (
                SELECT id FROM notification
                 WHERE status = 'PENDING' AND due_at <= $1 AND (claimed_until IS NULL OR claimed_until < $1)
                 ORDER BY due_at
                 LIMIT $3
                   FOR UPDATE SKIP LOCKED)
       RETURNING n.id, n.appointment_id, n.waitlist_entry_id, n.kind, n.channel, n.sequence, n.attempts, n.payload`,
      [now, claimUntil, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      appointmentId: r.appointment_id,
      waitlistEntryId: r.waitlist_entry_id,
      kind: r.kind,
      channel: r.channel,
      sequence: r.sequence,
      attempts: r.attempts,
      payload: r.payload,
    }));
  }

  async appointmentContext(appointmentId: string): Promise<AppointmentContext | null> {
    // Columns named as the fields they fill: the row is the context, no mapping by hand.
    const rows = await queryRows<AppointmentContext>(
      this.db,
      `SELECT a.id, a.code, a.status, a.cancel_reason AS "cancelReason", a.sequence, a.start_at AS "startAt", a.end_at AS "endAt", a.confirmed_at AS "confirmedAt",
              a.email, a.fiscal_code AS "fiscalCode", a.first_name AS "firstName", a.last_name AS "lastName", a.language,
              a.anonymised_at IS NOT NULL AS anonymised, coalesce(os.reconfirm_required, false) AS "reconfirmRequired",
              ${OFFICE_COLUMNS}, o.time_zone AS "timeZone",
              s.code AS "serviceCode", s.name_it AS "nameIt", s.name_en AS "nameEn", s.documents_it AS "documentsIt", s.documents_en AS "documentsEn",
              s.fee_cents AS "feeCents", s.fee_note_it AS "feeNoteIt", s.fee_note_en AS "feeNoteEn"
         FROM appointment a
         JOIN office o ON o.id = a.office_id
         JOIN service s ON s.id = a.service_id
         LEFT JOIN office_settings os ON os.office_id = a.office_id
        WHERE a.id = $1`,
      [appointmentId],
    );
    return rows[0] ?? null;
  }

  async waitlistContext(entryId: string): Promise<WaitlistContext | null> {
    const rows = await queryRows<WaitlistContext>(
      this.db,
      `SELECT w.id, w.email, w.language, w.expires_at AS "expiresAt", ${OFFICE_COLUMNS},
              s.code AS "serviceCode", s.name_it AS "nameIt", s.name_en AS "nameEn"
         FROM waitlist_entry w
         JOIN office o ON o.id = w.office_id
         JOIN service s ON s.id = w.service_id
        WHERE w.id = $1`,
      [entryId],
    );
    return rows[0] ?? null;
  }

  /**
   * Stores the hash of the unsubscribe token minted for the entry's notice (the plain
   * token goes only into that e-mail; a retry mints a new one and replaces it).
   */
  async setUnsubscribeToken(entryId: string, hash: Buffer): Promise<void> {
    await this.db.query('UPDATE waitlist_entry SET unsubscribe_token_hash = $2 WHERE id = $1', [entryId, hash]);
  }

  /**
   * A reminder asking for reconfirmation went out: from now on the appointment can be
   * released if not confirmed by the deadline. Only for the time the reminder was about
   * (`sequence`): a move meanwhile starts over.
   */
  async markReconfirmRequested(appointmentId: string, sequence: number, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE appointment SET reconfirm_requested_at = $3
        WHERE id = $1 AND sequence = $2 AND status = 'BOOKED' AND confirmed_at IS NULL AND reconfirm_requested_at IS NULL`,
      [appointmentId, sequence, now],
    );
  }

  async markSent(id: string, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE notification SET status = 'SENT', sent_at = $2, attempts = attempts + 1, last_error = NULL, claimed_until = NULL WHERE id = $1`,
      [id, now],
    );
  }

  async markSkipped(id: string, reason: string): Promise<void> {
    await this.db.query(`UPDATE notification SET status = 'SKIPPED', last_error = $2, claimed_until = NULL WHERE id = $1`, [id, reason]);
  }

  async markRetry(id: string, attempts: number, dueAt: Date, error: string): Promise<void> {
    await this.db.query(`UPDATE notification SET attempts = $2, due_at = $3, last_error = $4, claimed_until = NULL WHERE id = $1`, [
      id,
      attempts,
      dueAt,
      error,
    ]);
  }

  async markFailed(id: string, attempts: number, error: string): Promise<void> {
    await this.db.query(`UPDATE notification SET status = 'FAILED', attempts = $2, last_error = $3, claimed_until = NULL WHERE id = $1`, [id, attempts, error]);
  }

  /** Gives claimed rows back (a batch that ran out of claim time). */
  async release(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.db.query(`UPDATE notification SET claimed_until = NULL WHERE id = ANY($1::uuid[]) AND status = 'PENDING'`, [ids]);
  }

  /** Newest first, of the given offices only. */
  list(status: NotificationStatus | null, limit: number, officeIds: string[], channel: NotificationChannel | null = null): Promise<NotificationRow[]> {
    return queryRows(
      this.db,
      `SELECT n.id, n.kind, n.channel, n.status, n.attempts, n.last_error, n.due_at, n.sent_at, n.created_at, a.code
         FROM notification n
         LEFT JOIN appointment a ON a.id = n.appointment_id
        WHERE ($1::varchar IS NULL OR n.status = $1) AND n.office_id = ANY($3::uuid[]) AND ($4::varchar IS NULL OR n.channel = $4)
        ORDER BY n.created_at DESC, n.id
        LIMIT $2`,
      [status, limit, officeIds, channel],
    );
  }

  /** UPDATE … RETURNING through the structured result (TypeORM's query() answers [rows, count]). */
  private async rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    const runner = this.db.createQueryRunner();
    try {
      const result = await runner.query(sql, params, true);
      return result.records as T[];
    } finally {
      await runner.release();
    }
  }

  /**
   * Stores the hash of a fresh manage token for the link in an e-mail; the plain token
   * goes only into that e-mail (see booking/manage-token.ts).
   */
  async insertManageToken(appointmentId: string, hash: Buffer): Promise<void> {
    await this.db.query('INSERT INTO manage_token (token_hash, appointment_id) VALUES ($1, $2)', [hash, appointmentId]);
  }
}
