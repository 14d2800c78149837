import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Proof-of-work challenges already used, so each is good for one request on any replica.
 * A row is needed only until the challenge expires; the hourly retention job deletes it then.
 */
@Entity('used_challenge')
@Index('ix_used_challenge_expires', ['expiresAt'])
export class UsedChallenge {
  /** SHA-256 of the challenge's signature. */
  @PrimaryColumn({ name: 'challenge_hash', type: 'bytea' })
  challengeHash: Buffer;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
