import { hash, verify } from '@node-rs/argon2';
import type { Algorithm } from '@node-rs/argon2';

/**
 * argon2id with the OWASP Password Storage Cheat Sheet's first recommendation:
 * 19 MiB of memory, 2 iterations, 1 lane (about 30 ms on the development machine).
 * `Algorithm` is a const enum, which isolated modules cannot read: 2 is Argon2id.
 */
export const ARGON2_PARAMS = {
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@sportello/domain';

const PHC_PREFIX = `$argon2id$v=19$m=${ARGON2_PARAMS.memoryCost},t=${ARGON2_PARAMS.timeCost},p=${ARGON2_PARAMS.parallelism}$`;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

/** False for a wrong password and for a malformed hash; never throws. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash made with other parameters: rehash it at the next successful login. */
export function needsRehash(passwordHash: string): boolean {
  return !passwordHash.startsWith(PHC_PREFIX);
}

let dummy: Promise<string> | null = null;
/**
 * A hash of a random password, verified when the username is unknown so that an unknown
 * user and a wrong password take the same time.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`);
  return dummy;
}
