import { Inject, Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../common/clock';
import { PollingJob } from '../common/polling-job';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import type { AppointmentNotificationKind } from './notification.entity';
import { ChannelError, ChannelSender, ChannelSenders } from './channels/channel';
import { EmailChannel } from './channels/email.channel';
import { BATCH_SIZE, CLAIM_MS, SEND_CONCURRENCY, channelRetryDelayMs, cleanError, skipReason, waitlistSkipReason } from './notification.policy';
import { ClaimedNotification, NotificationRepository } from './notification.repository';

const INTERVAL = 'notification-outbox';

export type Outcome = 'SENT' | 'SKIPPED' | 'RETRY' | 'FAILED';

/**
 * Sends the outbox. Every api instance runs it every MAIL_POLL_SECONDS; rows are claimed
 * with FOR UPDATE SKIP LOCKED, so instances share the work and never send a row twice.
 * Whether a message is still due is decided here, for every channel alike; the row's
 * channel (e-mail, App IO…) renders and sends it, with its own backoff and rate.
 * "Now" comes from the injectable Clock.
 */
@Injectable()
export class NotificationWorker extends PollingJob<Outcome[]> {
  protected readonly logger = new Logger('Notifications');

  constructor(
    private readonly repository: NotificationRepository,
    private readonly senders: ChannelSenders,
    private readonly email: EmailChannel,
    private readonly clock: Clock,
    scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(INTERVAL, scheduler, config.mail.pollSeconds);
  }

  override onApplicationBootstrap(): void {
    super.onApplicationBootstrap();
    this.logger.log(
      `outbox worker every ${this.config.mail.pollSeconds} s: ${this.senders
        .all()
        .map((s) => s.describe())
        .join('; ')}`,
    );
  }

  /**
   * Claims due rows batch after batch while batches come back full (a backlog drains in one
   * poll), sending up to SEND_CONCURRENCY messages at a time over pooled SMTP connections.
   */
  protected async run(): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    const started = Date.now();
    for (;;) {
      const now = this.clock.now();
      const claimed = await this.repository.claim(now, new Date(now.getTime() + CLAIM_MS), BATCH_SIZE);
      let next = 0;
      const sendNext = async (): Promise<void> => {
        for (let i = next++; i < claimed.length; i = next++) {
          // Stay well inside the claim: what is left goes back for the next poll.
          if (this.stopped || Date.now() - started > CLAIM_MS / 2) {
            await this.repository.release([claimed[i].id]);
            continue;
          }
          outcomes.push(await this.deliver(claimed[i]));
        }
      };
      await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, claimed.length) }, sendNext));
      if (claimed.length < BATCH_SIZE || this.stopped || Date.now() - started > CLAIM_MS / 2) return outcomes;
    }
  }

  private async deliver(row: ClaimedNotification): Promise<Outcome> {
    return row.kind === 'WAITLIST' ? this.deliverWaitlist(row) : this.deliverAppointment(row, row.kind);
  }

  private async deliverAppointment(row: ClaimedNotification, kind: AppointmentNotificationKind): Promise<Outcome> {
    let label = { id: row.id, kind: `${row.kind}/${row.channel}`, code: '-' };
    const sender = this.senders.get(row.channel);
    if (!sender) {
      await this.repository.markSkipped(row.id, `channel ${row.channel} is not configured`);
      return 'SKIPPED';
    }
    try {
      const appointment = row.appointmentId ? await this.repository.appointmentContext(row.appointmentId) : null;
      const skip = skipReason(kind, row.sequence, appointment, this.clock.now());
      if (skip || !appointment) {
        await this.repository.markSkipped(row.id, skip ?? 'appointment not found');
        return 'SKIPPED';
      }
      label = { ...label, code: appointment.code };
      await sender.rules.limiter?.take();
      const delivery = await sender.deliver(row, kind, appointment, this.clock.now());
      if (delivery.outcome === 'SKIPPED') {
        await this.repository.markSkipped(row.id, delivery.reason);
        return 'SKIPPED';
      }
      // Only once the question has gone out can an unanswered appointment be released.
      if (delivery.askedReconfirmation) await this.repository.markReconfirmRequested(appointment.id, row.sequence, this.clock.now());
    } catch (error) {
      return this.failed(row, sender, label, error);
    }
    await this.repository.markSent(row.id, this.clock.now());
    return 'SENT';
  }

  /** WAITLIST goes by e-mail only. */
  private async deliverWaitlist(row: ClaimedNotification): Promise<Outcome> {
    const label = { id: row.id, kind: row.kind, code: '-' };
    try {
      const entry = row.waitlistEntryId ? await this.repository.waitlistContext(row.waitlistEntryId) : null;
      const skip = waitlistSkipReason(entry, this.clock.now());
      if (skip || !entry) {
        await this.repository.markSkipped(row.id, skip ?? 'waitlist entry gone');
        return 'SKIPPED';
      }
      label.code = entry.serviceCode;
      await this.email.deliverWaitlist(row, entry);
    } catch (error) {
      return this.failed(row, this.email, label, error);
    }
    await this.repository.markSent(row.id, this.clock.now());
    return 'SENT';
  }

  /** Retried with the channel's backoff (or when the server said), FAILED at once when retrying cannot help. */
  private async failed(row: ClaimedNotification, sender: ChannelSender, label: { kind: string; code: string }, error: unknown): Promise<Outcome> {
    const attempts = row.attempts + 1;
    const message = cleanError(error);
    const permanent = error instanceof ChannelError && error.permanent;
    if (permanent || attempts >= sender.rules.maxAttempts) {
      await this.repository.markFailed(row.id, attempts, message);
      this.logger.error(`${label.kind} ${label.code} failed for good after ${attempts} attempt(s): ${message}`);
      return 'FAILED';
    }
    const delay = channelRetryDelayMs(row.attempts, sender.rules.retryBaseMs, error instanceof ChannelError ? error.retryAfterMs : null);
    await this.repository.markRetry(row.id, attempts, new Date(this.clock.now().getTime() + delay), message);
    this.logger.warn(`${label.kind} ${label.code} attempt ${attempts} failed, retry in ${Math.round(delay / 1000)} s: ${message}`);
    return 'RETRY';
  }
}
