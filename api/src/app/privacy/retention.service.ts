import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';

/** How long the answer to an Idempotency-Key is kept for replays. */
export const IDEMPOTENCY_RETENTION_HOURS = 24;

/**
 * How long a waitlist entry is kept after its one notice: long enough for the e-mail's
 * retries (MAIL_MAX_ATTEMPTS with backoff), then it has served its purpose.
 */
export const WAITLIST_NOTIFIED_RETENTION_HOURS = 24;

/** What personal fields become once the retention period is over. */
export const ANONYMISED = '-';

/**
 * GDPR retention: the office's retention period (its settings, else RETENTION_DAYS) after an
 * appointment ends, the citizen's personal data are overwritten; the appointment itself
 * (service, time, status) stays for statistics. One UPDATE, idempotent, so every replica
 * may run it. Also drops stored idempotent answers after a day, holds long expired,
 * waitlist entries (e-mail addresses) once expired or a day after their notice, and audit
 * log rows older than AUDIT_RETENTION_DAYS. Walk-in names on queue tickets go after the
 * same period, counted from the ticket's day.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Retention');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Runs once at start-up, before the api listens, then every hour. */
  async onApplicationBootstrap(): Promise<void> {
    await this.anonymiseExpired();
  }

  @Cron(CronExpression.EVERY_HOUR)
  async anonymiseExpired(): Promise<number> {
    const result = await this.db.query(
      `UPDATE appointment a
          SET first_name = $2, last_name = $2, fiscal_code = $2, fiscal_code_key = $2, email = $2, email_key = $2, phone = NULL, notes = NULL, anonymised_at = now()
         FROM office o LEFT JOIN office_settings os ON os.office_id = o.id
        WHERE a.office_id = o.id AND a.anonymised_at IS NULL
          AND a.end_at < now() - make_interval(days => coalesce(os.retention_days, $1::int))`,
      [this.config.retentionDays, ANONYMISED],
    );
    const count = Array.isArray(result) ? Number(result[1] ?? 0) : 0;
    // The name a walk-in may give at the desk goes the same way; the ticket itself (times,
    // service, outcome) stays for statistics.
    await this.db.query(
      `UPDATE ticket t SET holder_name = NULL FROM office o LEFT JOIN office_settings os ON os.office_id = o.id
        WHERE t.office_id = o.id AND t.holder_name IS NOT NULL
          AND t.day < (now() - make_interval(days => coalesce(os.retention_days, $1::int)))::date`,
      [this.config.retentionDays],
    );
    if (count > 0) this.logger.log(`anonymised ${count} appointment(s) past their office's retention period (default ${this.config.retentionDays} days)`);
    // A stored answer to an Idempotency-Key holds the booking's manage link, so it is kept
    // only as long as a client may reasonably retry: one day.
    await this.db.query(`DELETE FROM idempotency_record WHERE created_at < now() - interval '${IDEMPOTENCY_RETENTION_HOURS} hours'`);
    await this.db.query(`DELETE FROM hold WHERE expires_at < now() - interval '1 day'`);
    // Used proof-of-work challenges matter only until they expire; stale login failures only until their window and lock end.
    await this.db.query(`DELETE FROM used_challenge WHERE expires_at < now()`);
    await this.db.query(`DELETE FROM staff_login_failure WHERE stale_after < now()`);
    const waitlist = await this.db.query(
      `DELETE FROM waitlist_entry
        WHERE expires_at <= now() OR (status = 'NOTIFIED' AND notified_at < now() - make_interval(hours => $1::int))`,
      [WAITLIST_NOTIFIED_RETENTION_HOURS],
    );
    const removed = Array.isArray(waitlist) ? Number(waitlist[1] ?? 0) : 0;
    if (removed > 0) this.logger.log(`deleted ${removed} expired or already notified waitlist entr${removed === 1 ? 'y' : 'ies'}`);
    // The audit log holds no citizen's personal data, only staff accounts, ids and booking
    // codes; it is kept AUDIT_RETENTION_DAYS (one year by default) to answer who saw or changed what.
    const audit = await this.db.query(`DELETE FROM audit_entry WHERE at < now() - make_interval(days => $1::int)`, [this.config.auditRetentionDays]);
    const purged = Array.isArray(audit) ? Number(audit[1] ?? 0) : 0;
    if (purged > 0) this.logger.log(`deleted ${purged} audit log row(s) older than ${this.config.auditRetentionDays} days`);
    return count;
  }
}
