import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const NOTIFICATION_KINDS = ['CONFIRMATION', 'REMINDER', 'CANCELLATION', 'RESCHEDULE'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_STATUSES = ['PENDING', 'SENT', 'FAILED', 'SKIPPED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * The e-mail outbox: one row per message to send, written in the same transaction as the
 * booking change that causes it. `dedupe_key` is unique, so a message can be queued once only.
 */
@Entity('notification')
@Index('uq_notification_dedupe_key', ['dedupeKey'], { unique: true })
@Index('ix_notification_pending_due', ['dueAt'], { where: `"status" = 'PENDING'` })
@Index('ix_notification_appointment', ['appointmentId'])
@Index('ix_notification_created', ['createdAt'])
@Check('ck_notification_kind', `"kind" IN ('CONFIRMATION', 'REMINDER', 'CANCELLATION', 'RESCHEDULE')`)
@Check('ck_notification_status', `"status" IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED')`)
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId: string;

  @Column({ name: 'appointment_id', type: 'uuid', nullable: true })
  appointmentId: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind: NotificationKind;

  /** The appointment's SEQUENCE this message is about (a reminder for an older one is not sent). */
  @Column({ type: 'integer', default: 0 })
  sequence: number;

  /** e.g. `CONFIRMATION:{appointmentId}`, `REMINDER:{appointmentId}:{sequence}`. */
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
