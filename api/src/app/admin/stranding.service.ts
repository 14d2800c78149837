import { Injectable, Logger } from '@nestjs/common';
import type { AffectedItemDto } from '@sportello/contracts';
import { BookingRepository } from '../booking/booking.repository';
import { ApiError } from '../common/api-error';
import { NotificationOutbox } from '../notification/notification.outbox';
import type { BookedRow, WaitingTicketRow } from './admin.repository';
import type { Tx } from '../database/db';

/**
 * The stranding check of configuration changes. A change that would leave booked future
 * appointments without their slot (shorter or removed opening hours, a deactivated service,
 * lower capacity, another slot length) or checked-in people without a desk (fewer desks
 * serving a service with tickets waiting) first answers 409 CONFIRMATION_REQUIRED listing
 * them, and writes nothing. Repeated with `confirm: true`, the change goes ahead and, in
 * the same transaction, each stranded appointment is cancelled (reason OFFICE_CHANGE, seat
 * freed) with an e-mail to the citizen (apologies and a link to book again); waiting
 * tickets stay in the queue, for staff to transfer.
 */
@Injectable()
export class StrandingService {
  private readonly logger = new Logger('Administration');

  constructor(
    private readonly booking: BookingRepository,
    private readonly outbox: NotificationOutbox,
  ) {}

  appointments(rows: BookedRow[]): AffectedItemDto[] {
    return rows.map((a) => ({ kind: 'APPOINTMENT', id: a.id, code: a.code, start: a.start_at.toISOString(), serviceId: a.service_id, serviceName: a.name_it }));
  }

  tickets(rows: WaitingTicketRow[]): AffectedItemDto[] {
    return rows.map((t) => ({
      kind: 'TICKET',
      id: t.id,
      code: t.display_number,
      start: t.queued_at.toISOString(),
      serviceId: t.service_id,
      serviceName: t.name_it,
    }));
  }

  /** Throws 409 CONFIRMATION_REQUIRED (rolling the transaction back) unless nothing is affected or the change is confirmed. */
  requireConfirmation(affected: AffectedItemDto[], confirm: boolean): void {
    if (affected.length > 0 && !confirm) {
      throw new ApiError(409, 'CONFIRMATION_REQUIRED', 'change.confirm', [], { count: affected.length }, { affected });
    }
  }

  /** Cancels the stranded appointments, each with its e-mail, in the caller's transaction. Returns their codes. */
  async cancel(tx: Tx, rows: BookedRow[], serviceWithdrawn: boolean): Promise<string[]> {
    for (const a of rows) {
      await this.booking.markCancelled(tx, a.id, 'OFFICE_CHANGE');
      await this.booking.releaseSeats(tx, a.id);
      await this.outbox.officeChanged(tx, { appointmentId: a.id, officeId: a.office_id, startAt: a.start_at, sequence: a.sequence }, serviceWithdrawn);
    }
    if (rows.length > 0) this.logger.log(`${rows.length} appointment(s) cancelled by a confirmed office change`);
    return rows.map((a) => a.code);
  }
}
