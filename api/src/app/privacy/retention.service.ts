import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { RetentionRepository } from './retention.repository';

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
    private readonly repository: RetentionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Runs once at start-up, before the api listens, then every hour. */
  async onApplicationBootstrap(): Promise<void> {
    await this.anonymiseExpired();
  }

  @Cron(CronExpression.EVERY_HOUR)
  async anonymiseExpired(): Promise<number> {
    const days = this.config.retentionDays;
    const count = await this.repository.anonymiseAppointments(days, ANONYMISED);
    // The name a walk-in may give at the desk goes the same way; the ticket itself (times,
    // service, outcome) stays for statistics.
    await this.repository.forgetWalkInNames(days);
    // Where else the citizen was reached (App IO, a chat id, a phone) goes with the booking's data.
    await this.repository.deleteChannelsOfAnonymised();
    if (count > 0) this.logger.log(`anonymised ${count} appointment(s) past their office's retention period (default ${days} days)`);
    // A stored answer to an Idempotency-Key holds the booking's manage link, so it is kept
    // only as long as a client may reasonably retry: one day.
    await this.repository.deleteIdempotencyRecords(IDEMPOTENCY_RETENTION_HOURS);
    await this.repository.deleteHoldsExpiredADayAgo();
    // Used proof-of-work challenges matter only until they expire; stale login failures only until their window and lock end.
    await this.repository.deleteExpiredChallenges();
    await this.repository.deleteStaleLoginFailures();
    const removed = await this.repository.deleteWaitlistEntries(WAITLIST_NOTIFIED_RETENTION_HOURS);
    if (removed > 0) this.logger.log(`deleted ${removed} expired or already notified waitlist entr${removed === 1 ? 'y' : 'ies'}`);
    // The audit log holds no citizen's personal data, only staff accounts, ids and booking
    // codes; it is kept AUDIT_RETENTION_DAYS (one year by default) to answer who saw or changed what.
    const purged = await this.repository.deleteAuditEntries(this.config.auditRetentionDays);
    if (purged > 0) this.logger.log(`deleted ${purged} audit log row(s) older than ${this.config.auditRetentionDays} days`);
    return count;
  }
}
