import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Office } from './office.entity';

/** A service of an office that citizens book (CIE, SPID, residency change …). */
@Entity('service')
@Index('uq_service_office_code', ['officeId', 'code'], { unique: true })
@Check('ck_service_duration', '"duration_minutes" > 0')
@Check('ck_service_capacity', '"capacity" >= 0')
export class Service {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId: string;

  @ManyToOne(() => Office, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'office_id' })
  office?: Office;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ name: 'name_it', type: 'varchar', length: 200 })
  nameIt: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200 })
  nameEn: string;

  @Column({ name: 'description_it', type: 'text', default: '' })
  descriptionIt: string;

  @Column({ name: 'description_en', type: 'text', default: '' })
  descriptionEn: string;

  /** Slot length. */
  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes: number;

  /** Parallel desks serving this service: citizens per slot. */
  @Column({ type: 'integer', default: 1 })
  capacity: number;

  /** "Cosa serve": documents to bring. */
  @Column({ name: 'documents_it', type: 'jsonb', default: () => "'[]'" })
  documentsIt: string[];

  @Column({ name: 'documents_en', type: 'jsonb', default: () => "'[]'" })
  documentsEn: string[];

  /** Fee in euro cents; null when free. */
  @Column({ name: 'fee_cents', type: 'integer', nullable: true })
  feeCents: number | null;

  @Column({ name: 'fee_note_it', type: 'text', nullable: true })
  feeNoteIt: string | null;

  @Column({ name: 'fee_note_en', type: 'text', nullable: true })
  feeNoteEn: string | null;

  /** Where the same thing can be done online (e.g. residency changes through ANPR). */
  @Column({ name: 'online_url', type: 'varchar', length: 500, nullable: true })
  onlineUrl: string | null;

  @Column({ name: 'online_description_it', type: 'text', nullable: true })
  onlineDescriptionIt: string | null;

  @Column({ name: 'online_description_en', type: 'text', nullable: true })
  onlineDescriptionEn: string | null;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Letter(s) before queue numbers of this service: `C` → C012. */
  @Column({ name: 'ticket_prefix', type: 'varchar', length: 3, default: 'A' })
  ticketPrefix: string;

  /** Anonymous holds and bookings are refused (401 SIGN_IN_REQUIRED): only citizens signed in with SPID/CIE book it. */
  @Column({ name: 'sign_in_required', type: 'boolean', default: false })
  signInRequired: boolean;

  /** What a desk records when it completes a ticket of this service. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  outcomes: ServiceOutcome[];
}

export interface ServiceOutcome {
  code: string;
  it: string;
  en: string;
}
