import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const WAITLIST_STATUSES = ['WAITING', 'NOTIFIED'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

/**
 * A citizen waiting for a place of one service at one office: only an e-mail address and a
 * language (personal data: never logged; deleted on unsubscribe, on expiry and a day after
 * the one notice). Told in order of `created_at` when places free up, once.
 */
@Entity('waitlist_entry')
@Index('uq_waitlist_entry_email_key', ['officeId', 'serviceId', 'emailKey'], { unique: true })
@Index('ix_waitlist_entry_queue', ['serviceId', 'createdAt'], { where: `"status" = 'WAITING'` })
@Index('uq_waitlist_entry_token', ['unsubscribeTokenHash'], { unique: true })
@Index('ix_waitlist_entry_expires', ['expiresAt'])
@Check('ck_waitlist_entry_status', `"status" IN ('WAITING', 'NOTIFIED')`)
@Check('ck_waitlist_entry_language', `"language" IN ('it', 'en')`)
export class WaitlistEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId: string;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  /** Normalised to lower case. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** The mailbox (emailKey of libs/domain): one place in the queue per mailbox, whatever the spelling. */
  @Column({ name: 'email_key', type: 'varchar', length: 254 })
  emailKey: string;

  @Column({ type: 'varchar', length: 2 })
  language: 'it' | 'en';

  @Column({ type: 'varchar', length: 16, default: 'WAITING' })
  status: WaitlistStatus;

  @Column({ name: 'privacy_accepted_at', type: 'timestamptz' })
  privacyAcceptedAt: Date;

  /** After this the entry is no longer told and the retention job deletes it (the booking horizon). */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'notified_at', type: 'timestamptz', nullable: true })
  notifiedAt: Date | null;

  /**
   * SHA-256 of the unsubscribe token minted for the notice e-mail (the plain token is only
   * in that e-mail); null until the notice is sent.
   */
  @Column({ name: 'unsubscribe_token_hash', type: 'bytea', nullable: true })
  unsubscribeTokenHash: Buffer | null;

  /** The place in the queue. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
