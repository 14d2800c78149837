import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ChallengeService } from './challenge.service';

/** The header that carries the widget's payload. */
export const CHALLENGE_HEADER = 'x-altcha';

/**
 * `@UseGuards(ThrottlerGuard, ChallengeGuard)` on an anonymous write: the request needs a
 * fresh ALTCHA solution in X-Altcha (400 CHALLENGE_REQUIRED / CHALLENGE_INVALID otherwise).
 */
@Injectable()
export class ChallengeGuard implements CanActivate {
  constructor(private readonly challenges: ChallengeService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    await this.challenges.verify(request.headers[CHALLENGE_HEADER]);
    return true;
  }
}
