import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Office } from './office.entity';
import { Service } from './service.entity';

/**
 * A closure of the office (or of one service) as the half-open interval of instants
 * [starts_at, ends_at): a whole day runs from local midnight to the next local midnight.
 */
@Entity('closure')
@Index('ix_closure_office_period', ['officeId', 'startsAt', 'endsAt'])
@Check('ck_closure_order', '"ends_at" > "starts_at"')
export class Closure {
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

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
