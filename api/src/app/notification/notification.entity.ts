import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationChannel, NotificationKind, NotificationStatus } from '@sportello/contracts';

// The vocabulary is the contract's (types only: the TypeORM CLI loads entities without the path aliases).
export type { NotificationChannel, NotificationKind, NotificationStatus } from '@sportello/contracts';
/** Kinds about an appointment (`appointment_id` set); WAITLIST is about a waitlist entry (`waitlist_entry_id` set). */
export type AppointmentNotificationKind = Exclude<NotificationKind, 'WAITLIST'>;

/** Kind-specific data a message needs when it is sent (no personal data). */
export interface NotificationPayload {
  /** CLOSURE: why the office is closed, as staff wrote it. */
  closureReason?: string | null;
  /** OFFICE_CHANGE: the service is no longer offered (the link to book again goes to the home page). */
  serviceWithdrawn?: boolean;
}

/**
 * The outbox: one row per message to send on one channel (e-mail, App IO…), written in the
 * same transaction as the booking change that causes it. `dedupe_key` is unique, so a message
 * can be queued once only per channel. A row is about exactly one appointment or one
 * waitlist entry (WAITLIST goes by e-mail only).
 */
@Entity('notification')
@Index('uq_notification_dedupe_key', ['dedupeKey'], { unique: true })
@Index('ix_notification_pending_due', ['dueAt'], { where: `"status" = 'PENDING'` })
@Index('ix_notification_appointment', ['appointmentId'])
@Index('ix_notification_created', ['createdAt'])
@Index('ix_notification_waitlist_entry', ['waitlistEntryId'])
@Check('ck_notification_kind', `"kind" IN ('CONFIRMATION', 'REMINDER', 'CANCELLATION', 'RESCHEDULE', 'RELEASED', 'CLOSURE', 'OFFICE_CHANGE', 'WAITLIST')`)
@Check(
  'ck_notification_subject',
  `("kind" = 'WAITLIST' AND "waitlist_entry_id" IS NOT NULL AND "appointment_id" IS NULL) OR ("kind" <> 'WAITLIST' AND "appointment_id" IS NOT NULL AND "waitlist_entry_id" IS NULL)`,
)
@Check('ck_notification_channel', `"channel" IN ('EMAIL', 'IO', 'TELEGRAM', 'WHATSAPP')`)
@Check('ck_notification_status', `"status" IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED')`)
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId: string;

  @Column({ name: 'appointment_id', type: 'uuid', nullable: true })
  appointmentId: string | null;

  @Column({ name: 'waitlist_entry_id', type: 'uuid', nullable: true })
  waitlistEntryId: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind: NotificationKind;

  /** How it goes; the address (e-mail, codice fiscale, chat id) is read from the booking when it is sent. */
  @Column({ type: 'varchar', length: 16, default: 'EMAIL' })
  channel: NotificationChannel;

  @Column({ type: 'jsonb', nullable: true })
  payload: NotificationPayload | null;

  /** The appointment's SEQUENCE this message is about (a reminder for an older one is not sent). */
  @Column({ type: 'integer', default: 0 })
  sequence: number;

  /** e.g. `CONFIRMATION:{appointmentId}`, `REMINDER:{appointmentId}:{sequence}`; other channels than e-mail add `:{CHANNEL}`. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200 })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status: NotificationStatus;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Why the last attempt failed (or why the row was skipped); e-mail addresses removed. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** A worker owns the row until then (FOR UPDATE SKIP LOCKED claim). */
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
