import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { StaffRole } from '@sportello/contracts';
import { Office } from '../calendar/office.entity';

/**
 * A staff account: operator, manager, admin or kiosk (a totem). Usernames are stored in
 * lower case (the unique index makes them unique case-insensitively). Only an argon2id
 * hash of the password is kept. `failed_attempts`/`first_failed_at`/`locked_until` carry
 * the lock-out state (see lockout.ts).
 */
@Entity('staff_user')
@Index('uq_staff_user_username', ['username'], { unique: true })
@Check('ck_staff_user_role', `"role" IN ('operator', 'manager', 'admin', 'kiosk')`)
@Check('ck_staff_user_username_lower', `"username" = lower("username")`)
export class StaffUser {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  displayName: string;

  @Column({ type: 'varchar', length: 16 })
  role: StaffRole;

  /** An inactive account cannot log in, and its open sessions stop working. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** PHC string: `$argon2id$v=19$m=19456,t=2,p=1$…`. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  /** Wrong passwords since `first_failed_at` (reset by a successful login). */
  @Column({ name: 'failed_attempts', type: 'integer', default: 0 })
  failedAttempts: number;

  @Column({ name: 'first_failed_at', type: 'timestamptz', nullable: true })
  firstFailedAt: Date | null;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** The offices a staff account works for (an admin works for every office without rows here). */
@Entity('staff_user_office')
@Index('ix_staff_user_office_office', ['officeId'])
export class StaffUserOffice {
  @PrimaryColumn({ name: 'staff_user_id', type: 'uuid' })
  staffUserId: string;

  @PrimaryColumn({ name: 'office_id', type: 'uuid' })
  officeId: string;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_user_id' })
  staffUser?: StaffUser;

  @ManyToOne(() => Office, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'office_id' })
  office?: Office;
}
