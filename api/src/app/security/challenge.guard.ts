import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../common/api-error';
import { MetricsService } from '../metrics/metrics.service';
import { ChallengeService } from './challenge.service';
import { CitizenSessions } from '../citizen/citizen-session.service';
import { isUuid } from '@sportello/contracts/schemas';
import { SecurityRepository } from './security.repository';

/** The header that carries the widget's payload. */
export const CHALLENGE_HEADER = 'x-altcha';

/**
 * `@UseGuards(ThrottlerGuard, ChallengeGuard)` on an anonymous write: the request needs a
 * fresh ALTCHA solution in X-Altcha (400 CHALLENGE_REQUIRED / CHALLENGE_INVALID otherwise).
 * A citizen signed in with SPID/CIE needs none: the identity provider vouched for a person
 * (their session's CSRF header is checked instead, 403 CSRF_TOKEN_INVALID).
 */
@Injectable()
export class ChallengeGuard implements CanActivate {
  constructor(
    private readonly challenges: ChallengeService,
    private readonly metrics: MetricsService,
    private readonly citizens: CitizenSessions,
    private readonly repository: SecurityRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (await this.citizens.ofRequest(request)) return true;
    // A service only signed-in citizens book refuses an anonymous request whatever its proof
    // of work: the answer is 401 SIGN_IN_REQUIRED (from the booking service), never a challenge to solve first.
    const serviceId = (request.body as { serviceId?: unknown } | undefined)?.serviceId;
    if (typeof serviceId === 'string' && isUuid(serviceId) && (await this.repository.serviceRequiresSignIn(serviceId.toLowerCase()))) return true;
    try {
      await this.challenges.verify(request.headers[CHALLENGE_HEADER]);
    } catch (error) {
      // A refused solution (not a database failure while checking it). Only the booking flow's writes (hold, booking, waitlist sign-up) carry this guard.
      if (error instanceof ApiError) this.metrics.booking('challenge_failed');
      throw error;
    }
    return true;
  }
}
