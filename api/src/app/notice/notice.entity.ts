import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { NoticePriority } from '@sportello/contracts';
import { Office } from '../calendar/office.entity';

/**
 * A notice of the comune on the office's screens (display and kiosk), shown in the
 * half-open interval [starts_at, ends_at). Closures are not copied here: the screens
 * get them from the closure table as notices of their own.
 */
@Entity('notice')
// "Showing now by office": office_id = $1 AND ends_at > now (AND starts_at <= now).
@Index('ix_notice_office_period', ['officeId', 'endsAt', 'startsAt'])
// The next one to start (the screens' next refetch).
@Index('ix_notice_office_start', ['officeId', 'startsAt'])
@Check('ck_notice_order', '"ends_at" > "starts_at"')
@Check('ck_notice_priority', `"priority" IN ('INFO', 'ALERT')`)
export class Notice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId: string;

  @ManyToOne(() => Office, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'office_id' })
  office?: Office;

  @Column({ type: 'varchar', length: 10 })
  priority: NoticePriority;

  @Column({ name: 'text_it', type: 'varchar', length: 500 })
  textIt: string;

  @Column({ name: 'text_en', type: 'varchar', length: 500, nullable: true })
  textEn: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  /** The username of the staff member who posted it (a copy, like the audit log's). */
  @Column({ name: 'created_by', type: 'varchar', length: 64, nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
