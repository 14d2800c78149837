import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import type { AppointmentNotificationKind, NotificationChannel, NotificationPayload } from './notification.entity';
import { dedupeKey, reminderDueAt } from './notification.policy';
import { NewNotification, NotificationRepository, OptedChannel } from './notification.repository';
import type { Tx } from '../database/db';
import { ioKeyFor } from './channels/io.client';

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

  /**
   * A new booking: the confirmation now, the reminder before the start, by e-mail and by
   * each channel the booking opted into that the office has (stored with the booking: its
   * later messages go there too).
   */
  async booked(tx: Tx, change: AppointmentChange, optIn: { io: boolean } = { io: false }): Promise<void> {
    const now = this.clock.now();
    const channels: OptedChannel[] = [];
    if (optIn.io && ioKeyFor(this.config, await this.repository.officeIoApiKeyOf(tx, change.officeId))) channels.push({ channel: 'IO', target: null });
    await this.repository.insertChannels(tx, change.appointmentId, channels);
    const via = channels.map((c) => c.channel);
    await this.repository.insert(tx, [...this.rows(change, 'CONFIRMATION', now, via), ...this.reminders(change, now, via)]);
  }

  /** A cancellation by the citizen: whatever was still to be sent is dropped; the cancellation goes out now. */
  async cancelled(tx: Tx, change: AppointmentChange): Promise<void> {
    await this.repository.skipPending(tx, change.appointmentId, DROPPED_BY_CANCELLATION, 'appointment cancelled');
    await this.repository.insert(tx, this.rows(change, 'CANCELLATION', this.clock.now(), await this.channels(tx, change)));
  }

  /** A move (`sequence` is the new one): the old reminder is dropped; notice now, reminder for the new time. */
  async rescheduled(tx: Tx, change: AppointmentChange): Promise<void> {
    const now = this.clock.now();
    await this.repository.skipPending(tx, change.appointmentId, ['REMINDER', 'RESCHEDULE'], 'appointment moved');
    const via = await this.channels(tx, change);
    await this.repository.insert(tx, [...this.rows(change, 'RESCHEDULE', now, via), ...this.reminders(change, now, via)]);
  }

  /**
   * Released because attendance was not confirmed by the deadline: pending messages are
   * dropped; the citizen is told now, with a link to book again.
   */
  async released(tx: Tx, change: AppointmentChange): Promise<void> {
    await this.repository.skipPending(tx, change.appointmentId, DROPPED_BY_CANCELLATION, 'appointment released (attendance not confirmed)');
    await this.repository.insert(tx, this.rows(change, 'RELEASED', this.clock.now(), await this.channels(tx, change)));
  }

  /**
   * Cancelled because the office is closed (called by the staff closure endpoint, in the
   * transaction that cancels the appointment): pending messages are dropped; the citizen is
   * told now — the local time, the reason as staff wrote it (may be null), apologies and
   * a link to book again.
   */
  async closed(tx: Tx, change: AppointmentChange, reason: string | null): Promise<void> {
    await this.repository.skipPending(tx, change.appointmentId, DROPPED_BY_CANCELLATION, 'appointment cancelled: office closed');
    await this.repository.insert(
      tx,
      this.rows(change, 'CLOSURE', this.clock.now(), await this.channels(tx, change), { closureReason: reason?.trim() || null }),
    );
  }

  /**
   * Cancelled because a confirmed change of the office's configuration (shorter hours, a
   * withdrawn service, lower capacity, another slot length) left it without a slot: pending
   * messages are dropped; the citizen is told now, with apologies and a link to book again
   * (to the home page when the service itself was withdrawn).
   */
  async officeChanged(tx: Tx, change: AppointmentChange, serviceWithdrawn: boolean): Promise<void> {
    await this.repository.skipPending(tx, change.appointmentId, DROPPED_BY_CANCELLATION, 'appointment cancelled: office configuration changed');
    await this.repository.insert(tx, this.rows(change, 'OFFICE_CHANGE', this.clock.now(), await this.channels(tx, change), { serviceWithdrawn }));
  }

  /**
   * The citizen lost the e-mail (POST /api/appointments/recover): the confirmation goes out
   * again by e-mail only, with a new manage link. At most once per appointment per hour (the dedupe key
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
        channel: 'EMAIL',
        sequence: 0,
        dedupeKey: dedupeKey('WAITLIST', n.entryId, 0),
        dueAt: now,
        status: 'PENDING',
        note: null,
        payload: null,
      })),
    );
  }

  /** The booking's channels besides e-mail, as stored when it was made. */
  private channels(tx: Tx, change: AppointmentChange): Promise<Array<OptedChannel['channel']>> {
    return this.repository.channelsOf(tx, change.appointmentId);
  }

  private reminders(change: AppointmentChange, now: Date, via: Array<OptedChannel['channel']>): NewNotification[] {
    const due = reminderDueAt(change.startAt, change.reminderHoursBefore ?? this.config.mail.reminderHoursBefore, now);
    return due
      ? this.rows(change, 'REMINDER', due, via)
      : this.rows(change, 'REMINDER', now, via).map((r) => ({ ...r, status: 'SKIPPED' as const, note: LATE_BOOKING }));
  }

  /** One row per channel: e-mail first, then the booking's others. */
  private rows(
    change: AppointmentChange,
    kind: AppointmentNotificationKind,
    dueAt: Date,
    via: Array<OptedChannel['channel']>,
    payload: NotificationPayload | null = null,
  ): NewNotification[] {
    return (['EMAIL', ...via] as NotificationChannel[]).map((channel) => this.row(change, kind, dueAt, payload, channel));
  }

  private row(
    change: AppointmentChange,
    kind: AppointmentNotificationKind,
    dueAt: Date,
    payload: NotificationPayload | null = null,
    channel: NotificationChannel = 'EMAIL',
  ): NewNotification {
    return {
      officeId: change.officeId,
      appointmentId: change.appointmentId,
      waitlistEntryId: null,
      kind,
      channel,
      sequence: change.sequence,
      dedupeKey: dedupeKey(kind, change.appointmentId, change.sequence, channel),
      dueAt,
      status: 'PENDING',
      note: null,
      payload,
    };
  }
}
