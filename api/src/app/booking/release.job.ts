import { Inject, Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DEFAULT_MIN_NOTICE_MINUTES } from '../calendar/calendar.service';
import { Clock } from '../common/clock';
import { PollingJob } from '../common/polling-job';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { NotificationOutbox } from '../notification/notification.outbox';
import { WaitlistService } from '../waitlist/waitlist.service';
import { BookingRepository } from './booking.repository';

const INTERVAL = 'release-unconfirmed';
/** Appointments released per transaction. */
export const RELEASE_BATCH = 50;

/**
 * Releases appointments whose citizen was asked in the reminder to confirm attendance and
 * did not, RECONFIRM_DEADLINE_HOURS before the start (offices with `reconfirm_required`).
 * Every api instance runs it every MAIL_POLL_SECONDS: each batch is one UPDATE … FOR UPDATE
 * SKIP LOCKED, so instances never release the same appointment twice. In the same
 * transaction: the seat is freed, the citizen's RELEASED e-mail is queued and the waitlist
 * is told. "Now" comes from the injectable Clock.
 */
@Injectable()
export class ReleaseJob extends PollingJob<number> {
  protected readonly logger = new Logger('Reconfirmation');

  constructor(
    private readonly repository: BookingRepository,
    private readonly outbox: NotificationOutbox,
    private readonly waitlist: WaitlistService,
    private readonly clock: Clock,
    scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(INTERVAL, scheduler, config.mail.pollSeconds);
  }

  /** Releases every appointment due now, batch by batch. Returns how many. */
  protected async run(): Promise<number> {
    let total = 0;
    while (!this.stopped) {
      const released = await this.repository.transaction(async (tx) => {
        const now = this.clock.now();
        const batch = await this.repository.releaseUnconfirmed(tx, now, this.config.booking.reconfirmDeadlineHours, RELEASE_BATCH);
        for (const a of batch) {
          await this.repository.releaseSeats(tx, a.id);
          await this.outbox.released(tx, { appointmentId: a.id, officeId: a.officeId, startAt: a.startAt, sequence: a.sequence });
          await this.waitlist.seatsFreed(tx, {
            officeId: a.officeId,
            serviceId: a.serviceId,
            startAt: a.startAt,
            seats: 1,
            minNoticeMinutes: a.minNoticeMinutes ?? DEFAULT_MIN_NOTICE_MINUTES,
          });
        }
        return batch;
      });
      for (const a of released) this.logger.log(`released ${a.code}: attendance not confirmed by the deadline`);
      total += released.length;
      if (released.length < RELEASE_BATCH) break;
    }
    return total;
  }
}
