import { Injectable, OnModuleInit } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { SecurityRepository } from './security.repository';

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

  constructor(private readonly repository: SecurityRepository) {}

  async onModuleInit(): Promise<void> {
    for (const name of SECRET_NAMES) {
      this.keys.set(name, await this.repository.secret(name, randomBytes(32)));
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
