import { WaitlistEntryCreatedDtoSchema, WaitlistUnsubscribedDtoSchema } from '@sportello/contracts/schemas';
import { Doc, DocTag } from '../common/openapi';
import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { WaitlistEntryCreatedDto, WaitlistUnsubscribedDto } from '@sportello/contracts';
import { ChallengeGuard } from '../security/challenge.guard';
import { WaitlistService } from './waitlist.service';
import { CreateWaitlistEntryRequestSchema } from '@sportello/contracts/schemas';
import { Valid } from '../common/validation';
import type { WaitlistInput } from './waitlist.validation';

@DocTag('waitlist')
@Controller('waitlist')
export class WaitlistController {
  constructor(private readonly waitlist: WaitlistService) {}

  @Post()
  @Doc({
    summary: 'Join the waiting list of a service with no free slot in the booking horizon',
    description:
      'When places free up, the first entries in order of sign-up (places + 1) get one e-mail each with the booking link; first to book wins. The same address again keeps its place. The entry is deleted at expiresAt, a day after its notice, or from the unsubscribe link in the notice.',
    ok: WaitlistEntryCreatedDtoSchema,
    errors: {
      404: { codes: ['NOT_FOUND'], description: 'Unknown office or service' },
      409: { codes: ['SLOTS_AVAILABLE'], description: 'SLOTS_AVAILABLE: the service has free slots, book one instead' },
    },
  })
  @UseGuards(ThrottlerGuard, ChallengeGuard)
  signUp(@Body(new Valid(CreateWaitlistEntryRequestSchema)) input: WaitlistInput): Promise<WaitlistEntryCreatedDto> {
    return this.waitlist.signUp(input);
  }

  @Post(':token/unsubscribe')
  @Doc({
    noNotFound: true,
    summary: 'Remove the address from the waiting list (token from the notice e-mail)',
    description: 'Idempotent; the same answer for every token.',
    ok: WaitlistUnsubscribedDtoSchema,
  })
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  async unsubscribe(@Param('token') token: string): Promise<WaitlistUnsubscribedDto> {
    await this.waitlist.unsubscribe(token);
    return { status: 'UNSUBSCRIBED' };
  }
}
