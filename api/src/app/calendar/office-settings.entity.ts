import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Office } from './office.entity';

/** Booking rules of one office, editable by its managers. */
@Entity('office_settings')
@Check('ck_office_settings_mandate', `("mandate_start" IS NULL) = ("mandate_end" IS NULL) AND ("mandate_start" IS NULL OR "mandate_start" <= "mandate_end")`)
export class OfficeSettings {
  @PrimaryColumn({ name: 'office_id', type: 'uuid' })
  officeId: string;

  @OneToOne(() => Office, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'office_id' })
  office?: Office;

  /** How many days ahead citizens may book. */
  @Column({ name: 'booking_horizon_days', type: 'integer', default: 60 })
  bookingHorizonDays: number;

  /** How long before a slot's start booking closes. */
  @Column({ name: 'min_notice_minutes', type: 'integer', default: 120 })
  minNoticeMinutes: number;

  /**
   * The reminder asks the citizen to confirm attendance with one click; appointments
   * still unconfirmed RECONFIRM_DEADLINE_HOURS before the start are released.
   */
  @Column({ name: 'reconfirm_required', type: 'boolean', default: false })
  reconfirmRequired: boolean;

  /**
   * The administration's mandate (first and last local date), the "mandate" period of the
   * statistics; null when not set (the preset is then not offered).
   */
  @Column({ name: 'mandate_start', type: 'date', nullable: true })
  mandateStart: string | null;

  @Column({ name: 'mandate_end', type: 'date', nullable: true })
  mandateEnd: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
