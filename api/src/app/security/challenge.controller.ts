import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { ApiErrorDoc } from '../common/openapi';
import { CHALLENGE_MINUTES, ChallengeDto, ChallengeService } from './challenge.service';

@ApiTags('booking')
@Controller('challenge')
export class ChallengeController {
  constructor(private readonly challenges: ChallengeService) {}

  @Get()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({
    summary: 'A proof-of-work challenge (ALTCHA) for the next anonymous hold, booking or waitlist sign-up',
    description:
      `Solve it (the \`altcha\` widget does) and send the widget's base64 payload in the \`X-Altcha\` header of POST /api/holds, /api/appointments or /api/waitlist. ` +
      `Each challenge is good for one request within ${CHALLENGE_MINUTES} minutes. Without a solution: 400 CHALLENGE_REQUIRED; wrong, expired or already used: 400 CHALLENGE_INVALID. ` +
      'With BOOKING_CHALLENGE=off the header is not needed (a challenge is still given).',
  })
  @ApiOkResponse({ description: '`{ parameters: { algorithm, nonce, salt, cost, keyLength, keyPrefix, keySignature, expiresAt }, signature }`' })
  @ApiTooManyRequestsResponse({ type: ApiErrorDoc, description: 'THROTTLE_LIMIT per minute per client' })
  challenge(@Res({ passthrough: true }) reply: FastifyReply): Promise<ChallengeDto> {
    reply.header('Cache-Control', 'no-store');
    return this.challenges.create();
  }
}
