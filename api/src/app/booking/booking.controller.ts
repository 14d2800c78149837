import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AppointmentCreatedDto, HoldDto, ManagedAppointmentDto } from '@sportello/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { CreateAppointmentRequestSchema, CreateHoldRequestSchema, IdempotencyKeySchema, RescheduleRequestSchema, uuidParam } from '@sportello/contracts/schemas';
import { parse, Valid } from '../common/validation';
import { ApiErrorDoc } from '../common/openapi';
import { AppointmentCreatedDoc, CreateAppointmentDoc, CreateHoldDoc, HoldDoc, HoldLimitDoc, ManagedAppointmentDoc, RescheduleDoc, SlotUnavailableDoc } from './booking.openapi';
import { ALTCHA_HEADER_DOC } from '../security/challenge.openapi';
import { ChallengeGuard } from '../security/challenge.guard';
import { BookingService } from './booking.service';
import type { BookingInput, HoldInput } from './booking.validation';

@ApiTags('booking')
@ApiTooManyRequestsResponse({ type: ApiErrorDoc, description: 'Rate limited (THROTTLE_LIMIT per minute per client); see Retry-After' })
@Controller()
export class BookingController {
  constructor(private readonly booking: BookingService) {}

  @Post('holds')
  @UseGuards(ThrottlerGuard, ChallengeGuard)
  @ApiHeader(ALTCHA_HEADER_DOC)
  @ApiBody({ type: CreateHoldDoc })
  @ApiCreatedResponse({ type: HoldDoc, description: 'The slot is kept for HOLD_MINUTES' })
  @ApiConflictResponse({ type: SlotUnavailableDoc })
  @ApiTooManyRequestsResponse({ type: HoldLimitDoc, description: 'HOLD_LIMIT_REACHED: MAX_HOLDS_PER_CLIENT open holds; retryAt and Retry-After say when the first runs out' })
  hold(@Body(new Valid(CreateHoldRequestSchema)) input: HoldInput, @Req() request: FastifyRequest): Promise<HoldDto> {
    return this.booking.hold(input, request.ip ?? 'unknown');
  }

  @Delete('holds/:holdId')
  @HttpCode(204)
  @UseGuards(ThrottlerGuard)
  @ApiNoContentResponse({ description: 'The place is free again (nothing happens for unknown, expired or used holds)' })
  async releaseHold(@Param('holdId', new Valid(uuidParam())) holdId: string): Promise<void> {
    await this.booking.releaseHold(holdId);
  }

  @Post('appointments')
  @UseGuards(ThrottlerGuard, ChallengeGuard)
  @ApiHeader(ALTCHA_HEADER_DOC)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeats with the same key return the first answer and book nothing more' })
  @ApiBody({ type: CreateAppointmentDoc })
  @ApiCreatedResponse({ type: AppointmentCreatedDoc })
  @ApiConflictResponse({ type: SlotUnavailableDoc, description: 'SLOT_UNAVAILABLE (with alternatives), LIMIT_REACHED (MAX_ACTIVE_PER_CF per person and service, every omocodia spelling counted as one; MAX_ACTIVE_PER_EMAIL per e-mail address) or IDEMPOTENCY_KEY_REUSED' })
  async book(
    @Body() body: unknown,
    @Headers('idempotency-key') header: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppointmentCreatedDto> {
    const key = parse(IdempotencyKeySchema, header, 'Idempotency-Key');
    const input: BookingInput = parse(CreateAppointmentRequestSchema, body);
    const idempotency = key ? { key, requestHash: createHash('sha256').update(JSON.stringify(body)).digest('hex') } : null;
    const result = await this.booking.book(input, idempotency);
    if (result.replayed) reply.header('Idempotent-Replayed', 'true');
    reply.status(result.status);
    return result.body;
  }

  @Get('appointments/manage/:token')
  @ApiOkResponse({ type: ManagedAppointmentDoc })
  @ApiNotFoundResponse({ type: ApiErrorDoc, description: 'Unknown, cancelled or malformed token (always the same answer)' })
  manage(@Param('token') token: string): Promise<ManagedAppointmentDto> {
    return this.booking.manage(token);
  }

  @Post('appointments/manage/:token/cancel')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({ type: ManagedAppointmentDoc })
  @ApiNotFoundResponse({ type: ApiErrorDoc })
  @ApiConflictResponse({ type: ApiErrorDoc, description: 'CHANGE_CLOSED: less than CANCEL_CUTOFF_HOURS before the start' })
  cancel(@Param('token') token: string): Promise<ManagedAppointmentDto> {
    return this.booking.cancel(token);
  }

  @Post('appointments/manage/:token/confirm')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({
    summary: 'Confirm attendance (the one-click link of the reminder opens a page that POSTs here)',
    description: 'Idempotent: the first confirmation counts. Where the office asks for reconfirmation, appointments not confirmed RECONFIRM_DEADLINE_HOURS before the start are released.',
  })
  @ApiOkResponse({ type: ManagedAppointmentDoc, description: 'The booking with attendance.status CONFIRMED' })
  @ApiNotFoundResponse({ type: ApiErrorDoc, description: 'Unknown, cancelled (also released) or malformed token' })
  confirm(@Param('token') token: string): Promise<ManagedAppointmentDto> {
    return this.booking.confirm(token);
  }

  @Post('appointments/manage/:token/reschedule')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiBody({ type: RescheduleDoc })
  @ApiOkResponse({ type: ManagedAppointmentDoc, description: 'Same code; the old slot is released only once the new one is taken' })
  @ApiNotFoundResponse({ type: ApiErrorDoc })
  @ApiConflictResponse({ type: SlotUnavailableDoc, description: 'SLOT_UNAVAILABLE (with alternatives) or CHANGE_CLOSED' })
  reschedule(@Param('token') token: string, @Body(new Valid(RescheduleRequestSchema)) input: { start: Date }): Promise<ManagedAppointmentDto> {
    return this.booking.reschedule(token, input.start);
  }

  @Get('appointments/manage/:token/calendar.ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'RFC 5545 calendar file, times in Europe/Rome' })
  @ApiNotFoundResponse({ type: ApiErrorDoc })
  async calendar(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const { code, ics } = await this.booking.calendarFile(token);
    reply.header('Content-Type', 'text/calendar; charset=utf-8');
    reply.header('Content-Disposition', `attachment; filename="${code}.ics"`);
    reply.header('Cache-Control', 'no-store');
    reply.send(ics);
  }
}

