import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type SeatClaimKind = 'HOLD' | 'APPOINTMENT';

/**
 * One place in one slot: a slot of capacity N has seats 1..N, created on first use.
 * Capacity is enforced by PostgreSQL: a hold or an appointment takes a seat with one
 * conditional UPDATE of a free seat (FOR UPDATE SKIP LOCKED), so two requests can never
 * take the same place, and an expired hold is free by definition — no job has to run.
 */
@Entity('slot_seat')
@Index('ix_slot_seat_office_start', ['officeId', 'startAt'])
@Index('ix_slot_seat_claim', ['claimId'])
@Check('ck_slot_seat_claim', `("claim_kind" IS NULL AND "claim_id" IS NULL) OR ("claim_kind" IS NOT NULL AND "claim_id" IS NOT NULL)`)
@Check('ck_slot_seat_hold_expiry', `("claim_kind" = 'HOLD') = ("claim_expires_at" IS NOT NULL)`)
export class SlotSeat {
  @PrimaryColumn({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  @PrimaryColumn({ name: 'start_at', type: 'timestamptz' })
  startAt: Date;

  @PrimaryColumn({ name: 'seat_no', type: 'smallint' })
  seatNo: number;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId: string;

  @Column({ name: 'end_at', type: 'timestamptz' })
  endAt: Date;

  @Column({ name: 'claim_kind', type: 'varchar', length: 16, nullable: true })
  claimKind: SeatClaimKind | null;

  /** The hold's or the appointment's id. */
  @Column({ name: 'claim_id', type: 'uuid', nullable: true })
  claimId: string | null;

  /** Holds only: after this instant the seat is free again. */
  @Column({ name: 'claim_expires_at', type: 'timestamptz', nullable: true })
  claimExpiresAt: Date | null;
}
