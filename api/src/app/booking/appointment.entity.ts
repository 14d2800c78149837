import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type AppointmentStatus = 'BOOKED' | 'CANCELLED';

@Entity('appointment')
@Index('uq_appointment_code', ['code'], { unique: true })
@Index('ix_appointment_office_start', ['officeId', 'startAt'])
@Index('ix_appointment_service_fiscal_code', ['serviceId', 'fiscalCode'])
@Check('ck_appointment_status', `"status" IN ('BOOKED', 'CANCELLED')`)
@Check('ck_appointment_language', `"language" IN ('it', 'en')`)
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

  @Column({ type: 'varchar', length: 254 })
  email: string;

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

  /** When the personal data were overwritten (RETENTION_DAYS after the end). */
  @Column({ name: 'anonymised_at', type: 'timestamptz', nullable: true })
  anonymisedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
