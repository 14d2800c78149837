import { AppointmentCreatedDtoSchema, HoldDtoSchema, ManagedAppointmentDtoSchema, SlotUnavailableBodySchema } from '@sportello/contracts/schemas';
import * as z from 'zod';
import { Doc, DocTag } from '../common/openapi';
import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AppointmentCreatedDto, HoldDto, ManagedAppointmentDto } from '@sportello/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import {
  CreateAppointmentRequestSchema,
  CreateHoldRequestSchema,
  IdempotencyKeySchema,
  RescheduleRequestSchema,
  uuidParam,
} from '@sportello/contracts/schemas';
import { parse, Valid } from '../common/validation';
import { ChallengeGuard } from '../security/challenge.guard';
import { BookingService } from './booking.service';
import type { BookingInput, HoldInput } from './booking.validation';

@DocTag('booking')
@Controller()
export class BookingController {
  constructor(private readonly booking: BookingService) {}

  @Post('holds')
  @Doc({
    ok: HoldDtoSchema,
    errors: {
      409: { codes: ['SLOT_UNAVAILABLE'], description: 'SLOT_UNAVAILABLE with up to five `alternatives`', schema: SlotUnavailableBodySchema },
      429: {
        codes: ['HOLD_LIMIT_REACHED', 'TOO_MANY_REQUESTS'],
        description: 'HOLD_LIMIT_REACHED: MAX_HOLDS_PER_CLIENT open holds; retryAt and Retry-After say when the first runs out',
      },
    },
    okDescription: 'The slot is kept for HOLD_MINUTES',
  })
  @UseGuards(ThrottlerGuard, ChallengeGuard)
  hold(@Body(new Valid(CreateHoldRequestSchema)) input: HoldInput, @Req() request: FastifyRequest): Promise<HoldDto> {
    return this.booking.hold(input, request.ip ?? 'unknown');
  }

  @Delete('holds/:holdId')
  @Doc({ ok: null, okDescription: 'The place is free again (nothing happens for unknown, expired or used holds)' })
  @HttpCode(204)
  @UseGuards(ThrottlerGuard)
  async releaseHold(@Param('holdId', new Valid(uuidParam())) holdId: string): Promise<void> {
    await this.booking.releaseHold(holdId);
  }

  @Post('appointments')
  @Doc({
    ok: AppointmentCreatedDtoSchema,
    errors: {
      409: {
        codes: ['SLOT_UNAVAILABLE', 'LIMIT_REACHED', 'IDEMPOTENCY_KEY_REUSED'],
        description:
          'SLOT_UNAVAILABLE (with alternatives), LIMIT_REACHED (MAX_ACTIVE_PER_CF per person and service, every omocodia spelling counted as one; MAX_ACTIVE_PER_EMAIL per e-mail address) or IDEMPOTENCY_KEY_REUSED',
      },
    },
    body: CreateAppointmentRequestSchema,
    requestHeaders: [{ name: 'Idempotency-Key', schema: IdempotencyKeySchema }],
    also: [
      {
        status: 200,
        schema: AppointmentCreatedDtoSchema,
        description: 'A repeat with the same Idempotency-Key: the first answer again (Idempotent-Replayed: true)',
      },
    ],
  })
  @UseGuards(ThrottlerGuard, ChallengeGuard)
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
  @Doc({ ok: ManagedAppointmentDtoSchema })
  manage(@Param('token') token: string): Promise<ManagedAppointmentDto> {
    return this.booking.manage(token);
  }

  @Post('appointments/manage/:token/cancel')
  @Doc({
    ok: ManagedAppointmentDtoSchema,
    errors: { 409: { codes: ['CHANGE_CLOSED'], description: 'CHANGE_CLOSED: less than CANCEL_CUTOFF_HOURS before the start' } },
  })
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  cancel(@Param('token') token: string): Promise<ManagedAppointmentDto> {
    return this.booking.cancel(token);
  }

  @Post('appointments/manage/:token/confirm')
  @Doc({
    summary: 'Confirm attendance (the one-click link of the reminder opens a page that POSTs here)',
    description:
      'Idempotent: the first confirmation counts. Where the office asks for reconfirmation, appointments not confirmed RECONFIRM_DEADLINE_HOURS before the start are released.',
    ok: ManagedAppointmentDtoSchema,
    okDescription: 'The booking with attendance.status CONFIRMED',
  })
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  confirm(@Param('token') token: string): Promise<ManagedAppointmentDto> {
    return this.booking.confirm(token);
  }

  @Post('appointments/manage/:token/reschedule')
  @Doc({
    ok: ManagedAppointmentDtoSchema,
    errors: { 409: { codes: ['SLOT_UNAVAILABLE', 'CHANGE_CLOSED'], description: 'SLOT_UNAVAILABLE (with alternatives) or CHANGE_CLOSED' } },
    okDescription: 'Same code; the old slot is released only once the new one is taken',
  })
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  reschedule(@Param('token') token: string, @Body(new Valid(RescheduleRequestSchema)) input: { start: Date }): Promise<ManagedAppointmentDto> {
    return this.booking.reschedule(token, input.start);
  }

  @Get('appointments/manage/:token/calendar.ics')
  @Doc({
    ok: z.string(),
    produces: { type: 'text/calendar', only: true },
    headers: { 'Content-Disposition': { description: 'attachment; filename="<code>.ics"' } },
    okDescription: 'RFC 5545 calendar file, times in Europe/Rome',
  })
  async calendar(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const { code, ics } = await this.booking.calendarFile(token);
    reply.header('Content-Type', 'text/calendar; charset=utf-8');
    reply.header('Content-Disposition', `attachment; filename="${code}.ics"`);
    reply.header('Cache-Control', 'no-store');
    reply.send(ics);
  }
}
