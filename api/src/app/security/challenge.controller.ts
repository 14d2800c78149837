import { ChallengeDtoSchema } from '@sportello/contracts/schemas';
import { Doc, DocTag } from '../common/openapi';
import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { ChallengeDto, ChallengeService } from './challenge.service';

@DocTag('booking')
@Controller('challenge')
export class ChallengeController {
  constructor(private readonly challenges: ChallengeService) {}

  @Get()
  @Doc({
    summary: 'A proof-of-work challenge (ALTCHA) for the next anonymous hold, booking or waitlist sign-up',
    description:
      "Solve it (the `altcha` widget does) and send the widget's base64 payload in the `X-Altcha` header of POST /api/holds, /api/appointments or /api/waitlist. Each challenge is good for one request within 5 minutes. Without a solution: 400 CHALLENGE_REQUIRED; wrong, expired or already used: 400 CHALLENGE_INVALID. With BOOKING_CHALLENGE=off the header is not needed (a challenge is still given).",
    ok: ChallengeDtoSchema,
    okDescription: '`{ parameters: { algorithm, nonce, salt, cost, keyLength, keyPrefix, keySignature, expiresAt }, signature }`',
  })
  @UseGuards(ThrottlerGuard)
  challenge(@Res({ passthrough: true }) reply: FastifyReply): Promise<ChallengeDto> {
    reply.header('Cache-Control', 'no-store');
    return this.challenges.create();
  }
}
