import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Office } from './office.entity';

/** Booking rules of one office, editable by its managers. */
@Entity('office_settings')
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

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
