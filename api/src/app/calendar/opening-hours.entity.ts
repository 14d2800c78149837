import { Check, Column, Entity, Index } from 'typeorm';
import { OfficeScoped } from './office-scoped';

/**
 * One weekly opening interval in the office's local time. Rows without a service apply
 * to every service; a service with rows of its own uses only those.
 */
@Entity('opening_hours')
@Index('ix_opening_hours_office', ['officeId', 'weekday'])
@Check('ck_opening_hours_weekday', '"weekday" BETWEEN 1 AND 7')
@Check('ck_opening_hours_order', '"end_time" > "start_time"')
export class OpeningHours extends OfficeScoped {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  @Column({ type: 'smallint' })
  weekday: number;

  /** Local wall-clock time, "HH:mm:ss" as PostgreSQL returns it. */
  @Column({ name: 'start_time', type: 'time' })
  startTime: string;

  @Column({ name: 'end_time', type: 'time' })
  endTime: string;
}
