import { Check, Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { OfficeScoped } from './office-scoped';

/**
 * A closure of the office (or of one service) as the half-open interval of instants
 * [starts_at, ends_at): a whole day runs from local midnight to the next local midnight.
 */
@Entity('closure')
@Index('ix_closure_office_period', ['officeId', 'startsAt', 'endsAt'])
@Check('ck_closure_order', '"ends_at" > "starts_at"')
export class Closure extends OfficeScoped {
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
