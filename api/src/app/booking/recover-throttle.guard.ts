import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerRequest } from '@nestjs/throttler';
import { emailKey, fiscalCodeKey, validateFiscalCode } from '@sportello/domain';

/** Recovery requests per person (codice fiscale as a person, and mailbox) in RECOVER_WINDOW_MS. */
export const RECOVER_LIMIT = 3;
const RECOVER_WINDOW_MS = 15 * 60_000;

/**
 * POST /api/appointments/recover per normalised identity: RECOVER_LIMIT requests per
 * quarter of an hour for one codice fiscale (every omocodia spelling, any case or spacing)
 * and one mailbox, from any address, then 429. The per-address limit is the ThrottlerGuard
 * before it (THROTTLE_LIMIT). In memory, per api instance, as the other limits.
 */
@Injectable()
export class RecoverThrottleGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const body = (typeof request['body'] === 'object' && request['body'] !== null ? request['body'] : {}) as Record<string, unknown>;
    const code = typeof body['fiscalCode'] === 'string' ? validateFiscalCode(body['fiscalCode']).normalized : '';
    const email = typeof body['email'] === 'string' ? body['email'] : '';
    return Promise.resolve(`recover:${code ? fiscalCodeKey(code) : ''}:${emailKey(email)}`);
  }

  protected override handleRequest(request: ThrottlerRequest): Promise<boolean> {
    return super.handleRequest({ ...request, limit: RECOVER_LIMIT, ttl: RECOVER_WINDOW_MS, blockDuration: RECOVER_WINDOW_MS });
  }
}
