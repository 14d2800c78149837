import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type AppointmentStatus = 'BOOKED' | 'CANCELLED';

/**
 * Why a cancelled appointment was cancelled: by the citizen, released unconfirmed, an office
 * closure, or a confirmed change of the office's configuration that left it without a slot
 * (shorter hours, a withdrawn service, lower capacity, another slot length).
 */
export const CANCEL_REASONS = ['CITIZEN', 'RELEASED', 'CLOSURE', 'OFFICE_CHANGE'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

@Entity('appointment')
@Index('uq_appointment_code', ['code'], { unique: true })
@Index('ix_appointment_office_start', ['officeId', 'startAt'])
@Index('ix_appointment_service_fiscal_code_key', ['serviceId', 'fiscalCodeKey'])
// A signed-in citizen's bookings across services and offices (GET /api/citizen/appointments, recovery).
@Index('ix_appointment_fiscal_code_key', ['fiscalCodeKey'])
@Index('ix_appointment_office_email_key', ['officeId', 'emailKey'])
@Check('ck_appointment_status', `"status" IN ('BOOKED', 'CANCELLED')`)
@Check('ck_appointment_language', `"language" IN ('it', 'en')`)
@Check('ck_appointment_cancel_reason', `"cancel_reason" IN ('CITIZEN', 'RELEASED', 'CLOSURE', 'OFFICE_CHANGE')`)
@Index('ix_appointment_reconfirm_due', ['startAt'], { where: `"status" = 'BOOKED' AND "confirmed_at" IS NULL AND "reconfirm_requested_at" IS NOT NULL` })
export class Appointment {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Short, unambiguous, not sequential: e.g. CIE-7K3P9Q. */
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId: string;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  @Column({ name: 'start_at', type: 'timestamptz' })
  startAt: Date;

  @Column({ name: 'end_at', type: 'timestamptz' })
  endAt: Date;

  @Column({ type: 'varchar', length: 16, default: 'BOOKED' })
  status: AppointmentStatus;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName: string;

  /** Normalised (upper case, no spaces). */
  @Column({ name: 'fiscal_code', type: 'varchar', length: 16 })
  fiscalCode: string;

  /**
   * The person, not the spelling (fiscalCodeKey of libs/domain): the codice fiscale without its
   * check character, omocodia letters back to digits. Limits and searches compare this.
   */
  @Column({ name: 'fiscal_code_key', type: 'varchar', length: 16 })
  fiscalCodeKey: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** The mailbox, not the spelling (emailKey of libs/domain), for MAX_ACTIVE_PER_EMAIL. */
  @Column({ name: 'email_key', type: 'varchar', length: 254 })
  emailKey: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  notes: string | null;

  @Column({ type: 'varchar', length: 2 })
  language: 'it' | 'en';

  /** Bumped on every reschedule: the .ics SEQUENCE. */
  @Column({ type: 'integer', default: 0 })
  sequence: number;

  @Column({ name: 'privacy_accepted_at', type: 'timestamptz' })
  privacyAcceptedAt: Date;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 16, nullable: true })
  cancelReason: CancelReason | null;

  /**
   * When the citizen confirmed attendance (one click from the reminder or the manage
   * page); booking or moving within REMINDER_HOURS_BEFORE of the start counts as one.
   * Reset by a move to a later time, whose reminder asks again.
   */
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /**
   * When a reminder asking for that confirmation was sent (for the current `sequence`).
   * Only appointments whose citizen was actually asked can be released.
   */
  @Column({ name: 'reconfirm_requested_at', type: 'timestamptz', nullable: true })
  reconfirmRequestedAt: Date | null;

  /** When the personal data were overwritten (RETENTION_DAYS after the end). */
  @Column({ name: 'anonymised_at', type: 'timestamptz', nullable: true })
  anonymisedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
