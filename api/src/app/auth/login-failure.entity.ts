import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StaffUser } from './staff-user.entity';

/**
 * Wrong passwords for one account from one client: an address (an HMAC of it, never the
 * address) or a device cookie. LOGIN_MAX_FAILURES of them lock that client out of that
 * account only; the account-wide budget for clients without a device cookie is on
 * `staff_user` (see auth.service.ts). Rows go once their lock and window have passed.
 */
@Entity('staff_login_failure')
@Index('ix_staff_login_failure_stale', ['staleAfter'])
@Check('ck_staff_login_failure_scope', `"scope" IN ('ADDRESS', 'DEVICE')`)
export class StaffLoginFailure {
  @PrimaryColumn({ name: 'staff_user_id', type: 'uuid' })
  staffUserId: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  scope: 'ADDRESS' | 'DEVICE';

  /** HMAC-SHA-256 of the client address, or of the device cookie's id. */
  @PrimaryColumn({ name: 'client_key', type: 'bytea' })
  clientKey: Buffer;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_user_id' })
  staffUser?: StaffUser;

  @Column({ name: 'failed_attempts', type: 'integer' })
  failedAttempts: number;

  @Column({ name: 'first_failed_at', type: 'timestamptz' })
  firstFailedAt: Date;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /** When the row no longer matters (window and lock over): deleted after that. */
  @Column({ name: 'stale_after', type: 'timestamptz' })
  staleAfter: Date;
}
