import { Inject, Injectable } from '@nestjs/common';
import { createChallenge, randomInt } from 'altcha-lib';
import type { Challenge, Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { createHash } from 'node:crypto';
import { ApiError } from '../common/api-error';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { parsePayload, verifyKeySignedSolution } from './challenge-verify';
import { SecurityRepository } from './security.repository';
import { ServerSecrets } from './server-secrets';

/**
 * The proof of work (ALTCHA v2, deterministic mode): the server picks a counter at random
 * in [COUNTER_MIN, COUNTER_MAX], derives its key once (PBKDF2-SHA-256, COST iterations)
 * and signs the key; the browser must try counters from 0 until it finds the key's prefix,
 * i.e. on average (COUNTER_MIN + COUNTER_MAX) / 2 derivations, and the server checks the
 * answer with two HMACs, without deriving anything. Measured in Chromium on a mid-range
 * phone profile (4× CPU slowdown): see the README (Security).
 */
export const CHALLENGE_ALGORITHM = 'PBKDF2/SHA-256';
export const CHALLENGE_COST = 1000;
export const CHALLENGE_COUNTER_MIN = 250;
export const CHALLENGE_COUNTER_MAX = 500;
/** A challenge is good for one request, within this time. */
export const CHALLENGE_MINUTES = 5;

export type ChallengeDto = Challenge;

/**
 * ALTCHA on the anonymous writes (POST /api/holds, /api/appointments, /api/waitlist): a
 * self-hosted proof of work, no third party, no cookie. The solution comes in the X-Altcha
 * header; each challenge is accepted once, on any replica (its signature's hash is stored in
 * PostgreSQL until it expires), and for CHALLENGE_MINUTES. BOOKING_CHALLENGE=off skips the check.
 */
@Injectable()
export class ChallengeService {
  constructor(
    private readonly secrets: ServerSecrets,
    private readonly repository: SecurityRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get required(): boolean {
    return this.config.booking.challenge;
  }

  create(now = new Date()): Promise<ChallengeDto> {
    return createChallenge({
      algorithm: CHALLENGE_ALGORITHM,
      cost: CHALLENGE_COST,
      // altcha-lib's randomInt takes the maximum first.
      counter: randomInt(CHALLENGE_COUNTER_MAX, CHALLENGE_COUNTER_MIN),
      deriveKey,
      expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
      hmacSignatureSecret: this.secrets.key('challenge').toString('hex'),
      hmacKeySignatureSecret: this.secrets.key('challenge-key').toString('hex'),
    });
  }

  /**
   * Checks the X-Altcha header of a request: 400 CHALLENGE_REQUIRED without one, 400
   * CHALLENGE_INVALID for a wrong, expired, malformed or already used solution.
   */
  async verify(header: string | string[] | undefined): Promise<void> {
    if (!this.required) return;
    if (header === undefined || header === '') throw new ApiError(400, 'CHALLENGE_REQUIRED', 'challenge.required');
    const payload = typeof header === 'string' ? parsePayload(header) : null;
    if (!payload || !this.solves(payload) || !(await this.markUsed(payload.challenge))) {
      throw new ApiError(400, 'CHALLENGE_INVALID', 'challenge.invalid');
    }
  }

  /** The cryptographic check alone (no database): expiry, signature, solution. */
  solves(payload: { challenge: Challenge; solution: Solution }, now = Date.now()): boolean {
    return verifyKeySignedSolution(
      payload,
      { signature: this.secrets.key('challenge').toString('hex'), key: this.secrets.key('challenge-key').toString('hex') },
      now,
    );
  }

  /** True the first time a challenge is used, on whichever replica; false ever after. */
  private async markUsed(challenge: Challenge): Promise<boolean> {
    const hash = createHash('sha256').update(String(challenge.signature)).digest();
    const expiresAt = new Date((challenge.parameters.expiresAt ?? 0) * 1000);
    return this.repository.markChallengeUsed(hash, expiresAt);
  }
}
