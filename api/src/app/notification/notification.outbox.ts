import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { dedupeKey, reminderDueAt } from './notification.policy';
import { NewNotification, NotificationRepository } from './notification.repository';

export interface AppointmentChange {
  appointmentId: string;
  officeId: string;
  startAt: Date;
  sequence: number;
}

const LATE_BOOKING = 'booked less than REMINDER_HOURS_BEFORE ahead: the confirmation is the reminder';

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
  async booked(tx: EntityManager, change: AppointmentChange): Promise<void> {
    const now = this.clock.now();
    await this.repository.insert(tx, [this.row(change, 'CONFIRMATION', now), this.reminder(change, now)]);
  }

  /** A cancellation: whatever was still to be sent is dropped; the cancellation goes out now. */
  async cancelled(tx: EntityManager, change: AppointmentChange): Promise<void> {
    await this.repository.skipPending(tx, change.appointmentId, ['CONFIRMATION', 'REMINDER', 'RESCHEDULE'], 'appointment cancelled');
    await this.repository.insert(tx, [this.row(change, 'CANCELLATION', this.clock.now())]);
  }

  /** A move (`sequence` is the new one): the old reminder is dropped; notice now, reminder for the new time. */
  async rescheduled(tx: EntityManager, change: AppointmentChange): Promise<void> {
    const now = this.clock.now();
    await this.repository.skipPending(tx, change.appointmentId, ['REMINDER', 'RESCHEDULE'], 'appointment moved');
    await this.repository.insert(tx, [this.row(change, 'RESCHEDULE', now), this.reminder(change, now)]);
  }

  private reminder(change: AppointmentChange, now: Date): NewNotification {
    const due = reminderDueAt(change.startAt, this.config.mail.reminderHoursBefore, now);
    return due ? this.row(change, 'REMINDER', due) : { ...this.row(change, 'REMINDER', now), status: 'SKIPPED', note: LATE_BOOKING };
  }

  private row(change: AppointmentChange, kind: NewNotification['kind'], dueAt: Date): NewNotification {
    return {
      officeId: change.officeId,
      appointmentId: change.appointmentId,
      kind,
      sequence: change.sequence,
      dedupeKey: dedupeKey(kind, change.appointmentId, change.sequence),
      dueAt,
      status: 'PENDING',
      note: null,
    };
  }
}
