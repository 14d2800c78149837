import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { affected } from '../database/db';

/** All SQL of retention: each statement one idempotent UPDATE or DELETE, safe on every replica. */
@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Overwrites the personal fields of appointments ended more than the office's retention period ago. */
  anonymiseAppointments(defaultDays: number, placeholder: string): Promise<number> {
    return affected(
      this.db,
      `UPDATE appointment a
          SET first_name = $2, last_name = $2, fiscal_code = $2, fiscal_code_key = $2, email = $2, email_key = $2, phone = NULL, notes = NULL, anonymised_at = now()
         FROM office o LEFT JOIN office_settings os ON os.office_id = o.id
        WHERE a.office_id = o.id AND a.anonymised_at IS NULL
          AND a.end_at < now() - make_interval(days => coalesce(os.retention_days, $1::int))`,
      [defaultDays, placeholder],
    );
  }

  /**
   * The channels of anonymised appointments (chat ids, phone numbers: personal data) go
   * with the rest of their personal data.
   */
  deleteChannelsOfAnonymised(): Promise<number> {
    return affected(this.db, `DELETE FROM appointment_channel c USING appointment a WHERE a.id = c.appointment_id AND a.anonymised_at IS NOT NULL`);
  }

  /** Drops the names walk-ins gave at the desk, counted from the ticket's day. */
  forgetWalkInNames(defaultDays: number): Promise<number> {
    return affected(
      this.db,
      `UPDATE ticket t SET holder_name = NULL FROM office o LEFT JOIN office_settings os ON os.office_id = o.id
        WHERE t.office_id = o.id AND t.holder_name IS NOT NULL
          AND t.day < (now() - make_interval(days => coalesce(os.retention_days, $1::int)))::date`,
      [defaultDays],
    );
  }

  deleteIdempotencyRecords(olderThanHours: number): Promise<number> {
    return affected(this.db, `DELETE FROM idempotency_record WHERE created_at < now() - make_interval(hours => $1::int)`, [olderThanHours]);
  }

  deleteHoldsExpiredADayAgo(): Promise<number> {
    return affected(this.db, `DELETE FROM hold WHERE expires_at < now() - interval '1 day'`);
  }

  deleteExpiredChallenges(): Promise<number> {
    return affected(this.db, `DELETE FROM used_challenge WHERE expires_at < now()`);
  }

  deleteStaleLoginFailures(): Promise<number> {
    return affected(this.db, `DELETE FROM staff_login_failure WHERE stale_after < now()`);
  }

  /** Waitlist entries expired, or notified more than `notifiedHours` ago. */
  deleteWaitlistEntries(notifiedHours: number): Promise<number> {
    return affected(
      this.db,
      `DELETE FROM waitlist_entry
        WHERE expires_at <= now() OR (status = 'NOTIFIED' AND notified_at < now() - make_interval(hours => $1::int))`,
      [notifiedHours],
    );
  }

  deleteAuditEntries(olderThanDays: number): Promise<number> {
    return affected(this.db, `DELETE FROM audit_entry WHERE at < now() - make_interval(days => $1::int)`, [olderThanDays]);
  }
}
