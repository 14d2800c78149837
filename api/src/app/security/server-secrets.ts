import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/** The keys, each for one purpose only. */
export const SECRET_NAMES = ['device-cookie', 'client-key', 'challenge', 'challenge-key'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/**
 * Keys the installation makes for itself, stored in PostgreSQL so that every replica signs
 * and checks alike (device cookies, proof-of-work challenges, keyed hashes of client
 * addresses): the first replica to start creates each one, the others read it. Read once
 * at start-up; nothing to configure, nothing in the repository.
 */
@Injectable()
export class ServerSecrets implements OnModuleInit {
  private readonly keys = new Map<SecretName, Buffer>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onModuleInit(): Promise<void> {
    for (const name of SECRET_NAMES) {
      await this.db.query('INSERT INTO server_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, randomBytes(32)]);
      const rows: Array<{ value: Buffer }> = await this.db.query('SELECT value FROM server_secret WHERE name = $1', [name]);
      this.keys.set(name, rows[0].value);
    }
  }

  key(name: SecretName): Buffer {
    const key = this.keys.get(name);
    if (!key) throw new Error(`server secret ${name} not loaded`);
    return key;
  }

  /** HMAC-SHA-256 of `data` with the named key. */
  mac(name: SecretName, data: string): Buffer {
    return createHmac('sha256', this.key(name)).update(data).digest();
  }
}
