import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { affected, queryRows, transaction, type Tx } from '../database/db';

export interface NewWaitlistEntry {
  officeId: string;
  serviceId: string;
  email: string;
  emailKey: string;
  language: 'it' | 'en';
  expiresAt: Date;
}

/** All SQL of the waitlist. */
@Injectable()
export class WaitlistRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return transaction(this.db, work);
  }

  /**
   * Adds the address to the end of the queue; a mailbox already waiting (the same e-mail key:
   * a+1@ and a+2@ are one mailbox) keeps its place
   * (its language is updated and its expiry extended). One already told starts again at
   * the end. Returns the entry's expiry.
   */
  async upsert(tx: Tx, entry: NewWaitlistEntry): Promise<Date> {
    await tx.query(`DELETE FROM waitlist_entry WHERE office_id = $1 AND service_id = $2 AND email_key = $3 AND status = 'NOTIFIED'`, [
      entry.officeId,
      entry.serviceId,
      entry.emailKey,
    ]);
    const inserted = await queryRows<{ expires_at: Date }>(
      tx,
      `INSERT INTO waitlist_entry (office_id, service_id, email, email_key, language, privacy_accepted_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, now(), $6)
       ON CONFLICT (office_id, service_id, email_key)
       DO UPDATE SET email = EXCLUDED.email, language = EXCLUDED.language, expires_at = GREATEST(waitlist_entry.expires_at, EXCLUDED.expires_at)
       RETURNING expires_at`,
      [entry.officeId, entry.serviceId, entry.email, entry.emailKey, entry.language, entry.expiresAt],
    );
    return inserted[0].expires_at;
  }

  /**
   * Takes the first `limit` waiting, unexpired entries of the service in order of sign-up
   * and marks them told. SKIP LOCKED: two changes freeing places at once tell different
   * people, never the same one twice.
   */
  async takeWaiting(tx: Tx, officeId: string, serviceId: string, limit: number, now: Date): Promise<string[]> {
    const taken = await queryRows<{ id: string; created_at: Date }>(
      tx,
      `UPDATE waitlist_entry AS w SET status = 'NOTIFIED', notified_at = $4
         FROM (SELECT id FROM waitlist_entry
                WHERE service_id = $2 AND office_id = $1 AND status = 'WAITING' AND expires_at > $4
                ORDER BY created_at, id
                LIMIT $3
                  FOR UPDATE SKIP LOCKED) AS first
        WHERE w.id = first.id
       RETURNING w.id, w.created_at`,
      [officeId, serviceId, limit, now],
    );
    return taken.sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id)).map((r) => r.id);
  }

  /** Deletes the entry whose unsubscribe token has this hash (nothing when there is none). */
  async deleteByTokenHash(hash: Buffer): Promise<number> {
    return affected(this.db, 'DELETE FROM waitlist_entry WHERE unsubscribe_token_hash = $1', [hash]);
  }
}
