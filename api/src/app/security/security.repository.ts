import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryRows } from '../database/db';

/** All SQL of the installation's keys, of used proof-of-work challenges and of what the challenge guard asks. */
@Injectable()
export class SecurityRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The stored key of this name; `candidate` becomes it when none is stored yet (the first replica wins). */
  async secret(name: string, candidate: Buffer): Promise<Buffer> {
    await this.db.query('INSERT INTO server_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, candidate]);
    const rows = await queryRows<{ value: Buffer }>(this.db, 'SELECT value FROM server_secret WHERE name = $1', [name]);
    return rows[0].value;
  }

  /** True the first time this challenge hash is recorded, false ever after. */
  async markChallengeUsed(hash: Buffer, expiresAt: Date): Promise<boolean> {
    const rows = await queryRows(
      this.db,
      'INSERT INTO used_challenge (challenge_hash, expires_at) VALUES ($1, $2) ON CONFLICT (challenge_hash) DO NOTHING RETURNING challenge_hash',
      [hash, expiresAt],
    );
    return rows.length === 1;
  }

  /** True when the service exists and is booked only by citizens signed in with SPID/CIE. */
  async serviceRequiresSignIn(serviceId: string): Promise<boolean> {
    const rows = await queryRows<{ sign_in_required: boolean }>(this.db, 'SELECT sign_in_required FROM service WHERE id = $1', [serviceId]);
    return rows[0]?.sign_in_required === true;
  }
}
