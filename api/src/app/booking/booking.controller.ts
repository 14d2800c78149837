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
import { sendIcs } from './appointment-ics';
import { BookingService } from './booking.service';
import type { BookingInput, HoldInput } from './booking.validation';
import { CitizenSessions } from '../citizen/citizen-session.service';
import type { CitizenPrincipal } from '../citizen/citizen-session.service';
import { RecoverAcceptedDtoSchema, RecoverRequestSchema } from '@sportello/contracts/schemas';
import type { RecoverAcceptedDto } from '@sportello/contracts';
import { fiscalCodeKey } from '@sportello/domain';
import { ApiError } from '../common/api-error';
import type { FieldProblem } from '../common/api-error';
import { translate } from '../common/messages';
import { Lang } from '../common/lang.decorator';
import type { Language } from '@sportello/contracts';
import { RecoverThrottleGuard } from './recover-throttle.guard';

@DocTag('booking')
@Controller()
export class BookingController {
  constructor(
    private readonly booking: BookingService,
    private readonly citizens: CitizenSessions,
  ) {}

  @Post('holds')
  @Doc({
    ok: HoldDtoSchema,
    errors: {
      401: { codes: ['SIGN_IN_REQUIRED'], description: 'SIGN_IN_REQUIRED: the service is booked only by citizens signed in with SPID/CIE (signInRequired)' },
      409: { codes: ['SLOT_UNAVAILABLE'], description: 'SLOT_UNAVAILABLE with up to five `alternatives`', schema: SlotUnavailableBodySchema },
      429: {
        codes: ['HOLD_LIMIT_REACHED', 'TOO_MANY_REQUESTS'],
        description: 'HOLD_LIMIT_REACHED: MAX_HOLDS_PER_CLIENT open holds; retryAt and Retry-After say when the first runs out',
      },
    },
    okDescription: 'The slot is kept for HOLD_MINUTES',
  })
  @UseGuards(ThrottlerGuard, ChallengeGuard)
  async hold(@Body(new Valid(CreateHoldRequestSchema)) input: HoldInput, @Req() request: FastifyRequest): Promise<HoldDto> {
    return this.booking.hold(input, request.ip ?? 'unknown', await this.citizens.ofRequest(request));
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
    description:
      'Signed in with SPID/CIE (cookie `sportello_citizen`, header X-XSRF-TOKEN): `citizen.fiscalCode`, `firstName` and `lastName` come from the identity and may be left out (values that differ: 400 naming the field), and no proof of work is needed.',
    ok: AppointmentCreatedDtoSchema,
    errors: {
      401: { codes: ['SIGN_IN_REQUIRED'], description: 'SIGN_IN_REQUIRED: the service is booked only by citizens signed in with SPID/CIE (signInRequired)' },
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
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppointmentCreatedDto> {
    const key = parse(IdempotencyKeySchema, header, 'Idempotency-Key');
    const citizen = await this.citizens.ofRequest(request);
    const input: BookingInput = parse(CreateAppointmentRequestSchema, citizen ? withIdentity(body, citizen) : body);
    const idempotency = key ? { key, requestHash: createHash('sha256').update(JSON.stringify(body)).digest('hex') } : null;
    const result = await this.booking.book(input, idempotency, citizen);
    if (result.replayed) reply.header('Idempotent-Replayed', 'true');
    reply.status(result.status);
    return result.body;
  }

  @Post('appointments/recover')
  @Doc({
    summary: 'E-mail the manage link of a booking again (the citizen lost the e-mail)',
    description:
      'Always 202 with the same body. When future bookings match both the codice fiscale (any omocodia spelling) and the e-mail address, each gets its confirmation again with a new manage link (at most once an hour per booking). Rate-limited per client address and per codice fiscale and address; the proof of work applies.',
    ok: RecoverAcceptedDtoSchema,
    status: 202,
    okDescription: 'Accepted (the same answer whether or not a booking matched)',
  })
  @HttpCode(202)
  @UseGuards(ThrottlerGuard, RecoverThrottleGuard, ChallengeGuard)
  async recover(@Body(new Valid(RecoverRequestSchema)) input: { fiscalCode: string; email: string }, @Lang() language: Language): Promise<RecoverAcceptedDto> {
    await this.booking.recover(input.fiscalCode, input.email);
    return { message: translate('recover.accepted', language) };
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
    okDescription: "RFC 5545 calendar file, times in the office's time zone",
  })
  async calendar(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    sendIcs(reply, await this.booking.calendarFile(token));
  }
}

/**
 * The booking body of a signed-in citizen: the codice fiscale and the names from the
 * identity. Left out they are filled in; given and different (the codice fiscale compared
 * as a person, the names without regard to case and spaces) they are refused, each named.
 */
function withIdentity(body: unknown, citizen: CitizenPrincipal): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const given = (body as Record<string, unknown>)['citizen'];
  const person: Record<string, unknown> = typeof given === 'object' && given !== null && !Array.isArray(given) ? { ...(given as Record<string, unknown>) } : {};
  const problems: FieldProblem[] = [];
  const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  const sameName = (a: unknown, b: string) => typeof a === 'string' && a.trim().replace(/\s+/g, ' ').toLowerCase() === b.toLowerCase();
  const sameCode = (a: unknown) => typeof a === 'string' && fiscalCodeKey(a.replace(/\s+/g, '').toUpperCase()) === citizen.fiscalCodeKey;
  if (blank(person['fiscalCode'])) person['fiscalCode'] = citizen.fiscalCode;
  else if (!sameCode(person['fiscalCode'])) problems.push({ field: 'citizen.fiscalCode', key: 'citizen.identityMismatch' });
  for (const name of ['firstName', 'lastName'] as const) {
    if (blank(person[name])) person[name] = citizen[name];
    else if (!sameName(person[name], citizen[name])) problems.push({ field: `citizen.${name}`, key: 'citizen.identityMismatch' });
  }
  if (problems.length > 0) throw ApiError.validation(problems);
  // The identity's spelling is the one kept.
  return { ...body, citizen: { ...person, fiscalCode: citizen.fiscalCode, firstName: citizen.firstName, lastName: citizen.lastName } };
}
