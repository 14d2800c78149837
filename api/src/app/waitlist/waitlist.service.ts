import { Injectable, Logger } from '@nestjs/common';
import type { WaitlistEntryCreatedDto } from '@sportello/contracts';
import { emailKey, freedSeatIsBookable, waitlistExpiry, waitlistNoticeCount } from '@sportello/domain';
import { manageTokenHash } from '../booking/manage-token';
import { CalendarService } from '../calendar/calendar.service';
import { ApiError } from '../common/api-error';
import { Clock } from '../common/clock';
import { NotificationOutbox } from '../notification/notification.outbox';
import { WaitlistRepository } from './waitlist.repository';
import { WaitlistInput } from './waitlist.validation';
import type { Tx } from '../database/db';

/** Unsubscribe tokens look like manage tokens: 256 random bits, base64url. */
const UNSUBSCRIBE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Places of a slot that became free again (a cancellation, a move away, a release). */
export interface FreedSeats {
  officeId: string;
  serviceId: string;
  startAt: Date;
  seats: number;
  /** The office's minimum notice: a place starting sooner cannot be booked, so nobody is told. */
  minNoticeMinutes: number;
}

/**
 * The waitlist of a service with no free slot in the booking horizon. When places free
 * up, the first entries in order of sign-up are told — as many as places plus a margin,
 * each once — through the outbox, in the transaction of the change that freed them.
 * First to book wins.
 */
@Injectable()
export class WaitlistService {
  private readonly logger = new Logger('Waitlist');

  constructor(
    private readonly repository: WaitlistRepository,
    private readonly calendar: CalendarService,
    private readonly outbox: NotificationOutbox,
    private readonly clock: Clock,
  ) {}

  /** Joins the waitlist; 409 SLOTS_AVAILABLE while the service still has a free place. */
  async signUp(input: WaitlistInput): Promise<WaitlistEntryCreatedDto> {
    const target = await this.calendar.requireOfficeService(input.officeId, input.serviceId);
    if (await this.calendar.hasFreeSlot(target)) throw new ApiError(409, 'SLOTS_AVAILABLE', 'waitlist.slotsAvailable');
    const expiresAt = await this.repository.transaction((tx) =>
      this.repository.upsert(tx, {
        officeId: target.office.id,
        serviceId: target.service.id,
        email: input.email,
        emailKey: emailKey(input.email),
        language: input.language,
        expiresAt: waitlistExpiry(this.clock.now(), target.rules.horizonDays),
      }),
    );
    // Never the address.
    this.logger.log(`waitlist sign-up for ${target.service.code}`);
    return { officeId: target.office.id, serviceId: target.service.id, expiresAt: expiresAt.toISOString() };
  }

  /** Removes the entry of the notice's unsubscribe link. Same answer for every token: idempotent, reveals nothing. */
  async unsubscribe(token: string): Promise<void> {
    if (!UNSUBSCRIBE_TOKEN.test(token)) return;
    if ((await this.repository.deleteByTokenHash(manageTokenHash(token))) > 0) this.logger.log('waitlist entry removed by its owner');
  }

  /**
   * Inside the transaction that freed the places (cancellation, move away, release): tells
   * the first waiting entries. Nothing happens when the place can no longer be booked.
   */
  async seatsFreed(tx: Tx, freed: FreedSeats): Promise<number> {
    if (!freedSeatIsBookable(freed.startAt, this.clock.now(), freed.minNoticeMinutes)) return 0;
    return this.notify(tx, freed.officeId, freed.serviceId, freed.seats);
  }

  /**
   * Inside the transaction that adds places to a service (e.g. staff adding opening hours
   * or raising capacity): tells the first waiting entries about `seats` new places.
   */
  async placesAdded(tx: Tx, officeId: string, serviceId: string, seats: number): Promise<number> {
    return this.notify(tx, officeId, serviceId, seats);
  }

  private async notify(tx: Tx, officeId: string, serviceId: string, seats: number): Promise<number> {
    const count = waitlistNoticeCount(seats);
    if (count === 0) return 0;
    const entries = await this.repository.takeWaiting(tx, officeId, serviceId, count, this.clock.now());
    await this.outbox.waitlistNotified(
      tx,
      entries.map((entryId) => ({ entryId, officeId })),
    );
    return entries.length;
  }
}
