import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { WaitlistEntryCreatedDto, WaitlistUnsubscribedDto } from '@sportello/contracts';
import { ApiErrorDoc } from '../common/openapi';
import { ChallengeGuard } from '../security/challenge.guard';
import { ALTCHA_HEADER_DOC } from '../security/challenge.openapi';
import { CreateWaitlistEntryDoc, WaitlistEntryCreatedDoc, WaitlistUnsubscribedDoc } from './waitlist.openapi';
import { WaitlistService } from './waitlist.service';
import { CreateWaitlistEntryRequestSchema } from '@sportello/contracts/schemas';
import { Valid } from '../common/validation';
import type { WaitlistInput } from './waitlist.validation';

@ApiTags('waitlist')
@ApiTooManyRequestsResponse({ type: ApiErrorDoc, description: 'Rate limited (THROTTLE_LIMIT per minute per client); see Retry-After' })
@Controller('waitlist')
export class WaitlistController {
  constructor(private readonly waitlist: WaitlistService) {}

  @Post()
  @UseGuards(ThrottlerGuard, ChallengeGuard)
  @ApiHeader(ALTCHA_HEADER_DOC)
  @ApiOperation({
    summary: 'Join the waiting list of a service with no free slot in the booking horizon',
    description:
      'When places free up, the first entries in order of sign-up (places + 1) get one e-mail each with the booking link; first to book wins. The same address again keeps its place. The entry is deleted at expiresAt, a day after its notice, or from the unsubscribe link in the notice.',
  })
  @ApiBody({ type: CreateWaitlistEntryDoc })
  @ApiCreatedResponse({ type: WaitlistEntryCreatedDoc })
  @ApiBadRequestResponse({ type: ApiErrorDoc, description: 'Every wrong field listed' })
  @ApiNotFoundResponse({ type: ApiErrorDoc, description: 'Unknown office or service' })
  @ApiConflictResponse({ type: ApiErrorDoc, description: 'SLOTS_AVAILABLE: the service has free slots, book one instead' })
  signUp(@Body(new Valid(CreateWaitlistEntryRequestSchema)) input: WaitlistInput): Promise<WaitlistEntryCreatedDto> {
    return this.waitlist.signUp(input);
  }

  @Post(':token/unsubscribe')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Remove the address from the waiting list (token from the notice e-mail)', description: 'Idempotent; the same answer for every token.' })
  @ApiOkResponse({ type: WaitlistUnsubscribedDoc })
  async unsubscribe(@Param('token') token: string): Promise<WaitlistUnsubscribedDto> {
    await this.waitlist.unsubscribe(token);
    return { status: 'UNSUBSCRIBED' };
  }
}
