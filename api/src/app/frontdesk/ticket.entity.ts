import type { TicketEventType, TicketKind, TicketStatus } from '@sportello/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Office } from '../calendar/office.entity';
import { Service } from '../calendar/service.entity';

/**
 * A place in the queue: a walk-in's ticket or a checked-in appointment. The number
 * (`C012`) is gapless per office, day and prefix: it comes from `ticket_counter`, updated
 * in the same transaction.
 */
@Entity('ticket')
@Index('uq_ticket_number', ['officeId', 'day', 'prefix', 'number'], { unique: true })
@Index('uq_ticket_appointment', ['appointmentId'], { unique: true, where: '"appointment_id" IS NOT NULL' })
@Index('ix_ticket_office_day_status', ['officeId', 'day', 'status'])
// The retention job finds the walk-in names to remove without reading every ticket.
@Index('ix_ticket_holder_name_day', ['day'], { where: '"holder_name" IS NOT NULL' })
@Check('ck_ticket_kind', `"kind" IN ('APPOINTMENT', 'WALK_IN')`)
@Check('ck_ticket_status', `"status" IN ('WAITING', 'CALLED', 'IN_SERVICE', 'DONE', 'NO_SHOW', 'CANCELLED')`)
export class Ticket {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId: string;

  @ManyToOne(() => Office, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'office_id' })
  office?: Office;

  /** The service now (a transfer changes it; the event log keeps the history). */
  @Column({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  @ManyToOne(() => Service)
  @JoinColumn({ name: 'service_id' })
  service?: Service;

  /** The office's local date the ticket belongs to. */
  @Column({ type: 'date' })
  day: string;

  @Column({ type: 'varchar', length: 3 })
  prefix: string;

  @Column({ type: 'integer' })
  number: number;

  /** `C012`, as printed, shown and spoken. */
  @Column({ name: 'display_number', type: 'varchar', length: 12 })
  displayNumber: string;

  @Column({ type: 'varchar', length: 12 })
  kind: TicketKind;

  @Column({ name: 'appointment_id', type: 'uuid', nullable: true })
  appointmentId: string | null;

  @Column({ type: 'boolean', default: false })
  priority: boolean;

  /** Optional name a walk-in gives at the desk (personal data: anonymised with the rest). */
  @Column({ name: 'holder_name', type: 'varchar', length: 100, nullable: true })
  holderName: string | null;

  @Column({ type: 'varchar', length: 16, default: 'WAITING' })
  status: TicketStatus;

  /** Joined the queue: ticket taken or appointment checked in. */
  @Column({ name: 'queued_at', type: 'timestamptz' })
  queuedAt: Date;

  @Column({ name: 'called_at', type: 'timestamptz', nullable: true })
  calledAt: Date | null;

  /**
   * The first call (a recall or a call after a transfer does not change it): the wait of
   * the statistics is `first_called_at − queued_at`.
   */
  @Column({ name: 'first_called_at', type: 'timestamptz', nullable: true })
  firstCalledAt: Date | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'desk_id', type: 'uuid', nullable: true })
  deskId: string | null;

  @Column({ name: 'call_count', type: 'integer', default: 0 })
  callCount: number;

  @Column({ type: 'varchar', length: 40, nullable: true })
  outcome: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** The last number given per office, day and prefix; incremented atomically. */
@Entity('ticket_counter')
export class TicketCounter {
  @PrimaryColumn({ name: 'office_id', type: 'uuid' })
  officeId: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ type: 'varchar', length: 3 })
  prefix: string;

  @Column({ name: 'last_number', type: 'integer' })
  lastNumber: number;
}

/**
 * Every step of every ticket, with time, desk and operator: the basis of the statistics.
 * No foreign keys to desks or staff: the history outlives them.
 */
@Entity('ticket_event')
@Index('ix_ticket_event_office_at', ['officeId', 'at'])
@Index('ix_ticket_event_ticket', ['ticketId'])
@Check(
  'ck_ticket_event_type',
  `"type" IN ('ISSUED', 'CHECKED_IN', 'CALLED', 'RECALLED', 'STARTED', 'COMPLETED', 'NO_SHOW', 'TRANSFERRED', 'CANCELLED', 'REOPENED')`,
)
export class TicketEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId: string;

  /** The ticket's service at that moment (for a transfer: the new one). */
  @Column({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  @Column({ type: 'varchar', length: 16 })
  type: TicketEventType;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'desk_id', type: 'uuid', nullable: true })
  deskId: string | null;

  @Column({ name: 'staff_user_id', type: 'uuid', nullable: true })
  staffUserId: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  outcome: string | null;
}
