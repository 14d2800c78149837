import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A short reservation of one seat while the citizen fills in the form. */
@Entity('hold')
@Index('ix_hold_client_expiry', ['clientKey', 'expiresAt'])
export class Hold {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId: string;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  @Column({ name: 'start_at', type: 'timestamptz' })
  startAt: Date;

  /** A hash of the client's address, to cap open holds per client (never the address). */
  @Column({ name: 'client_key', type: 'varchar', length: 64 })
  clientKey: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  /** Set when the hold became an appointment. */
  @Column({ name: 'appointment_id', type: 'uuid', nullable: true })
  appointmentId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
