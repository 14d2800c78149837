import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import type { AppointmentNotificationKind, NotificationPayload } from './notification.entity';
import { dedupeKey, reminderDueAt } from './notification.policy';
import { NewNotification, NotificationRepository } from './notification.repository';
import type { Tx } from '../database/db';

export interface AppointmentChange {
  appointmentId: string;
  officeId: string;
  startAt: Date;
  sequence: number;
  /** The office's reminder lead (its settings); REMINDER_HOURS_BEFORE when not given. */
  reminderHoursBefore?: number;
}

/** A waitlist entry to tell that places are free (see WaitlistService.seatsFreed). */
export interface WaitlistNotice {
  entryId: string;
  officeId: string;
}

const LATE_BOOKING = 'booked less than REMINDER_HOURS_BEFORE ahead: the confirmation is the reminder';
/** What a cancellation of any kind makes pointless. */
const DROPPED_BY_CANCELLATION: AppointmentNotificationKind[] = ['CONFIRMATION', 'REMINDER', 'RESCHEDULE'];

/**
 * Writes the messages a booking change causes, with the caller's transaction: they are
 * committed together with the change or not at all.
 */
@Injectable()
export class NotificationOutbox {
  constructor(
    private readonly repository: NotificationRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new booking: the confirmation now, the reminder before the start. */
  async booked(tx: Tx, change: AppointmentChange): Promise<void> {
    const now = this.clock.now();
    await this.repository.insert(tx, [this.row(change, 'CONFIRMATION', now), this.reminder(change, now)]);
  }

  /** A cancellation by the citizen: whatever was still to be sent is dropped; the cancellation goes out now. */
  async cancelled(tx: Tx, change: AppointmentChange): Promise<void> {
    await this.repository.skipPending(tx, change.appointmentId, DROPPED_BY_CANCELLATION, 'appointment cancelled');
    await this.repository.insert(tx, [this.row(change, 'CANCELLATION', this.clock.now())]);
  }

  /** A move (`sequence` is the new one): the old reminder is dropped; notice now, reminder for the new time. */
  async rescheduled(tx: Tx, change: AppointmentChange): Promise<void> {
    const now = this.clock.now();
    await this.repository.skipPending(tx, change.appointmentId, ['REMINDER', 'RESCHEDULE'], 'appointment moved');
    await this.repository.insert(tx, [this.row(change, 'RESCHEDULE', now), this.reminder(change, now)]);
  }

  /**
   * Released because attendance was not confirmed by the deadline: pending messages are
   * dropped; the citizen is told now, with a link to book again.
   */
  async released(tx: Tx, change: AppointmentChange): Promise<void> {
    await this.repository.skipPending(tx, change.appointmentId, DROPPED_BY_CANCELLATION, 'appointment released (attendance not confirmed)');
    await this.repository.insert(tx, [this.row(change, 'RELEASED', this.clock.now())]);
  }

  /**
   * Cancelled because the office is closed (called by the staff closure endpoint, in the
   * transaction that cancels the appointment): pending messages are dropped; the citizen is
   * told now — the local time, the reason as staff wrote it (may be null), apologies and
   * a link to book again.
   */
  async closed(tx: Tx, change: AppointmentChange, reason: string | null): Promise<void> {
    await this.repository.skipPending(tx, change.appointmentId, DROPPED_BY_CANCELLATION, 'appointment cancelled: office closed');
    await this.repository.insert(tx, [this.row(change, 'CLOSURE', this.clock.now(), { closureReason: reason?.trim() || null })]);
  }

  /**
   * Cancelled because a confirmed change of the office's configuration (shorter hours, a
   * withdrawn service, lower capacity, another slot length) left it without a slot: pending
   * messages are dropped; the citizen is told now, with apologies and a link to book again
   * (to the home page when the service itself was withdrawn).
   */
  async officeChanged(tx: Tx, change: AppointmentChange, serviceWithdrawn: boolean): Promise<void> {
    await this.repository.skipPending(tx, change.appointmentId, DROPPED_BY_CANCELLATION, 'appointment cancelled: office configuration changed');
    await this.repository.insert(tx, [this.row(change, 'OFFICE_CHANGE', this.clock.now(), { serviceWithdrawn })]);
  }

  /**
   * The citizen lost the e-mail (POST /api/appointments/recover): the confirmation goes out
   * again, with a new manage link. At most once per appointment per hour (the dedupe key
   * carries the hour), however often it is asked for.
   */
  async resent(tx: Tx, change: AppointmentChange): Promise<void> {
    const now = this.clock.now();
    const hour = Math.floor(now.getTime() / 3_600_000);
    await this.repository.insert(tx, [{ ...this.row(change, 'CONFIRMATION', now), dedupeKey: `RECOVER:${change.appointmentId}:${hour}` }]);
  }

  /** Places are free: these waitlist entries are told now, each once (dedupe key per entry). */
  async waitlistNotified(tx: Tx, notices: WaitlistNotice[]): Promise<void> {
    const now = this.clock.now();
    await this.repository.insert(
      tx,
      notices.map((n) => ({
        officeId: n.officeId,
        appointmentId: null,
        waitlistEntryId: n.entryId,
        kind: 'WAITLIST',
        sequence: 0,
        dedupeKey: dedupeKey('WAITLIST', n.entryId, 0),
        dueAt: now,
        status: 'PENDING',
        note: null,
        payload: null,
      })),
    );
  }

  private reminder(change: AppointmentChange, now: Date): NewNotification {
    const due = reminderDueAt(change.startAt, change.reminderHoursBefore ?? this.config.mail.reminderHoursBefore, now);
    return due ? this.row(change, 'REMINDER', due) : { ...this.row(change, 'REMINDER', now), status: 'SKIPPED', note: LATE_BOOKING };
  }

  private row(change: AppointmentChange, kind: AppointmentNotificationKind, dueAt: Date, payload: NotificationPayload | null = null): NewNotification {
    return {
      officeId: change.officeId,
      appointmentId: change.appointmentId,
      waitlistEntryId: null,
      kind,
      sequence: change.sequence,
      dedupeKey: dedupeKey(kind, change.appointmentId, change.sequence),
      dueAt,
      status: 'PENDING',
      note: null,
      payload,
    };
  }
}
