import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Office } from './office.entity';
import { Service } from './service.entity';

/**
 * One weekly opening interval in the office's local time. Rows without a service apply
 * to every service; a service with rows of its own uses only those.
 */
@Entity('opening_hours')
@Index('ix_opening_hours_office', ['officeId', 'weekday'])
@Check('ck_opening_hours_weekday', '"weekday" BETWEEN 1 AND 7')
@Check('ck_opening_hours_order', '"end_time" > "start_time"')
export class OpeningHours {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId: string;

  @ManyToOne(() => Office, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'office_id' })
  office?: Office;

  @Column({ name: 'service_id', type: 'uuid', nullable: true })
  serviceId: string | null;

  @ManyToOne(() => Service, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'service_id' })
  service?: Service | null;

  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  @Column({ type: 'smallint' })
  weekday: number;

  /** Local wall-clock time, "HH:mm:ss" as PostgreSQL returns it. */
  @Column({ name: 'start_time', type: 'time' })
  startTime: string;

  @Column({ name: 'end_time', type: 'time' })
  endTime: string;
}
