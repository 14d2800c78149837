import { Body, Controller, Get, HttpCode, Inject, Logger, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CitizenAppointmentDto, CitizenDto, Language, ManagedAppointmentDto, PublicConfigDto } from '@sportello/contracts';
import { END_SESSION_HEADER } from '@sportello/contracts';
import {
  CitizenAppointmentListSchema,
  CitizenCallbackQuerySchema,
  CitizenDtoSchema,
  CitizenLoginQuerySchema,
  ManagedAppointmentDtoSchema,
  PublicConfigDtoSchema,
  RescheduleRequestSchema,
} from '@sportello/contracts/schemas';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { readCookie } from '../auth/auth.cookies';
import { sendIcs } from '../booking/appointment-ics';
import { BookingService } from '../booking/booking.service';
import { ApiError } from '../common/api-error';
import { languageFromHeader } from '../common/language';
import { translate } from '../common/messages';
import type { MessageKey } from '../common/messages';
import { Doc, DocTag } from '../common/openapi';
import { Valid } from '../common/validation';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { CITIZEN_COOKIE, CITIZEN_XSRF_COOKIE, CitizenSessions, cookie } from './citizen-session.service';
import { CitizenService, LOGIN_MINUTES } from './citizen.service';
import { ProviderUnavailable, SignInRejected } from './oidc.client';

/** Ties the callback to the browser that started the sign-in (HttpOnly, SameSite=Lax: it comes back with the provider's redirect). */
const LOGIN_COOKIE = 'sportello_citizen_login';
const LOGIN_COOKIE_PATH = '/api/citizen';
const CODE_PARAM = z.string().max(40).meta({ description: 'The booking code (e.g. CIE-7K3P9Q; case, spaces and the dash do not matter)' });

const CSRF = `State-changing requests of a signed-in citizen need the header X-XSRF-TOKEN with the value of the readable cookie ${CITIZEN_XSRF_COOKIE} (403 CSRF_TOKEN_INVALID otherwise).`;

@DocTag('citizen')
@Controller('citizen')
export class CitizenController {
  private readonly logger = new Logger('CitizenSignIn');

  constructor(
    private readonly citizens: CitizenService,
    private readonly sessions: CitizenSessions,
    private readonly booking: BookingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('login')
  @Doc({
    summary: 'Sign in with SPID/CIE: redirect to the identity provider',
    description: `302 to the provider's authorisation endpoint (authorisation code, PKCE S256, state, nonce, redirect_uri \`PUBLIC_URL/api/citizen/callback\`). Sets \`${LOGIN_COOKIE}\` (HttpOnly, SameSite=Lax, Path=${LOGIN_COOKIE_PATH}, ${LOGIN_MINUTES} minutes) binding the callback to this browser. \`returnTo\` must be a same-origin path, else \`/\`. Errors are pages for a browser (text/html) and JSON for \`Accept: application/json\`.`,
    ok: null,
    status: 302,
    okDescription: "Redirect to the provider's authorisation endpoint",
    headers: { Location: { description: "The provider's authorisation endpoint with the request's parameters" } },
    query: CitizenLoginQuerySchema,
    noValidation: true,
    errorMedia: 'text/html',
    errors: {
      404: { codes: ['NOT_FOUND'], description: 'NOT_FOUND: sign-in is not configured (no OIDC_ISSUER)' },
      503: {
        codes: ['SERVICE_UNAVAILABLE'],
        description: 'SERVICE_UNAVAILABLE: the identity provider cannot be reached (discovery failed); tried again on the next sign-in',
      },
    },
  })
  async login(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!this.config.oidc) return this.fail(request, reply, new ApiError(404, 'NOT_FOUND', 'citizen.notConfigured'));
    try {
      const { url, browserToken } = await this.citizens.start(query['returnTo']);
      cookie(reply, LOGIN_COOKIE, browserToken, { path: LOGIN_COOKIE_PATH, httpOnly: true, maxAge: LOGIN_MINUTES * 60 }, this.config);
      reply.header('Cache-Control', 'no-store').redirect(url, 302);
    } catch (error) {
      if (error instanceof ProviderUnavailable) return this.fail(request, reply, unavailable());
      throw error;
    }
  }

  @Get('callback')
  @Doc({
    summary: "The identity provider's answer (redirect_uri)",
    description: `Checks, in this order, and fails closed with a page (no session) on any failure: this browser's pending sign-in (\`${LOGIN_COOKIE}\`; single use, ${LOGIN_MINUTES} minutes), \`state\`, the code (a replayed one is refused by the provider), the ID token's \`iss\`, \`aud\`, \`nonce\`, expiry and signature, and the fiscal-code claim (OIDC_FISCAL_CODE_CLAIM, \`TINIT-\` stripped, checked in full). Then 302 to \`returnTo\` with the session cookie \`${CITIZEN_COOKIE}\` (HttpOnly, SameSite=Lax, Path=/api, Secure under https, CITIZEN_SESSION_MINUTES) and the readable CSRF cookie \`${CITIZEN_XSRF_COOKIE}\`.`,
    ok: null,
    status: 302,
    okDescription: 'Signed in: redirect to returnTo',
    headers: { Location: { description: 'returnTo (a same-origin path)' } },
    query: CitizenCallbackQuerySchema,
    noValidation: true,
    errorMedia: 'text/html',
    errors: {
      400: { codes: ['SIGN_IN_FAILED'], description: 'SIGN_IN_FAILED: the answer failed a check (see above); no session' },
      404: { codes: ['NOT_FOUND'], description: 'NOT_FOUND: sign-in is not configured (no OIDC_ISSUER)' },
      503: { codes: ['SERVICE_UNAVAILABLE'], description: 'SERVICE_UNAVAILABLE: the identity provider cannot be reached' },
    },
  })
  async callback(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!this.config.oidc) return this.fail(request, reply, new ApiError(404, 'NOT_FOUND', 'citizen.notConfigured'));
    // Used or not, the pending sign-in is gone after this request.
    cookie(reply, LOGIN_COOKIE, '', { path: LOGIN_COOKIE_PATH, httpOnly: true, maxAge: 0 }, this.config);
    try {
      const { token, returnTo } = await this.citizens.finish(readCookie(request, LOGIN_COOKIE), query);
      this.sessions.setCookies(reply, token);
      reply.header('Cache-Control', 'no-store').redirect(returnTo, 302);
    } catch (error) {
      if (error instanceof SignInRejected) {
        this.logger.warn(`sign-in refused: ${error.message}`);
        return this.fail(request, reply, new ApiError(400, 'SIGN_IN_FAILED', 'citizen.signInFailed'));
      }
      if (error instanceof ProviderUnavailable) return this.fail(request, reply, unavailable());
      throw error;
    }
  }

  @Get('me')
  @Doc({
    summary: 'The signed-in citizen',
    ok: CitizenDtoSchema,
    errors: { 401: { codes: ['UNAUTHORIZED'], description: 'UNAUTHORIZED: not signed in, or the session expired' } },
  })
  async me(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CitizenDto> {
    const citizen = await this.sessions.require(request);
    reply.header('Cache-Control', 'no-store');
    return { fiscalCode: citizen.fiscalCode, firstName: citizen.firstName, lastName: citizen.lastName, email: citizen.email };
  }

  @Post('logout')
  @Doc({
    summary: 'Sign out',
    description: `Deletes the session server-side and clears the cookies (also without a session: 204). When the provider offers RP-initiated logout (end_session_endpoint), the answer carries its URL in the header \`${END_SESSION_HEADER}\` (with id_token_hint and post_logout_redirect_uri \`PUBLIC_URL/\`): open it to sign out at the provider too. ${CSRF}`,
    ok: null,
    okDescription: 'Signed out',
    errors: { 403: { codes: ['CSRF_TOKEN_INVALID'], description: 'CSRF_TOKEN_INVALID: signed in without a matching X-XSRF-TOKEN header' } },
  })
  @HttpCode(204)
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = readCookie(request, CITIZEN_COOKIE);
    const session = await this.sessions.find(token);
    if (token && session) {
      await this.sessions.ofRequest(request);
      const endSession = await this.citizens.logout(token, session.idToken);
      if (endSession) reply.header(END_SESSION_HEADER, endSession);
    }
    this.sessions.clearCookies(reply);
  }

  @Get('appointments')
  @Doc({
    summary: "The signed-in citizen's bookings",
    description:
      'Every booking with the signed-in codice fiscale (any omocodia spelling) not yet anonymised: the future ones first (soonest first), then the past ones (latest first).',
    ok: CitizenAppointmentListSchema,
    errors: { 401: { codes: ['UNAUTHORIZED'], description: 'UNAUTHORIZED: not signed in, or the session expired' } },
  })
  async appointments(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CitizenAppointmentDto[]> {
    const citizen = await this.sessions.require(request);
    reply.header('Cache-Control', 'no-store');
    return this.booking.citizenAppointments(citizen);
  }

  @Get('appointments/:code')
  @Doc({
    summary: 'One of my bookings',
    description:
      "What GET /api/appointments/manage/{token} answers for that booking, by its code. A cancelled booking of mine is shown too (status CANCELLED, canChange false), as the list shows it; confirm, calendar.ics, cancel and reschedule take only booked ones. Someone else's code, an unknown or a malformed one: the same 404.",
    ok: ManagedAppointmentDtoSchema,
    params: { code: CODE_PARAM },
    noValidation: true,
    errors: { 401: { codes: ['UNAUTHORIZED'], description: 'UNAUTHORIZED: not signed in, or the session expired' } },
  })
  async appointment(
    @Param('code') code: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ManagedAppointmentDto> {
    const citizen = await this.sessions.require(request);
    reply.header('Cache-Control', 'no-store');
    return this.booking.appointmentByCode(code, citizen);
  }

  @Post('appointments/:code/confirm')
  @Doc({
    summary: 'Confirm attendance of one of my bookings',
    description: `As POST /api/appointments/manage/{token}/confirm (idempotent: the first confirmation counts). Someone else's code, an unknown or a cancelled one: 404. ${CSRF}`,
    ok: ManagedAppointmentDtoSchema,
    okDescription: 'The booking with attendance.status CONFIRMED',
    params: { code: CODE_PARAM },
    noValidation: true,
    errors: {
      401: { codes: ['UNAUTHORIZED'], description: 'UNAUTHORIZED: not signed in' },
      403: { codes: ['CSRF_TOKEN_INVALID'], description: 'CSRF_TOKEN_INVALID' },
    },
  })
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  async confirm(@Param('code') code: string, @Req() request: FastifyRequest): Promise<ManagedAppointmentDto> {
    const citizen = await this.sessions.require(request);
    return this.booking.confirmByCode(code, citizen);
  }

  @Get('appointments/:code/calendar.ics')
  @Doc({
    summary: 'One of my bookings as a calendar file',
    description:
      "The file GET /api/appointments/manage/{token}/calendar.ics gives, except that its link is the booking's page `PUBLIC_URL/le-mie-prenotazioni/{code}` instead of the manage link. Someone else's code, an unknown or a cancelled one: 404.",
    ok: z.string(),
    produces: { type: 'text/calendar', only: true },
    headers: { 'Content-Disposition': { description: 'attachment; filename="<code>.ics"' } },
    okDescription: "RFC 5545 calendar file, times in the office's time zone",
    params: { code: CODE_PARAM },
    noValidation: true,
    errors: { 401: { codes: ['UNAUTHORIZED'], description: 'UNAUTHORIZED: not signed in, or the session expired' } },
  })
  async calendar(@Param('code') code: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const citizen = await this.sessions.require(request);
    sendIcs(reply, await this.booking.calendarFileByCode(code, citizen));
  }

  @Post('appointments/:code/cancel')
  @Doc({
    summary: 'Cancel one of my bookings',
    description: `As POST /api/appointments/manage/{token}/cancel (same rules, same e-mail). Someone else's code: 404, as an unknown one. ${CSRF}`,
    ok: ManagedAppointmentDtoSchema,
    params: { code: CODE_PARAM },
    errors: {
      401: { codes: ['UNAUTHORIZED'], description: 'UNAUTHORIZED: not signed in' },
      403: { codes: ['CSRF_TOKEN_INVALID'], description: 'CSRF_TOKEN_INVALID' },
      409: { codes: ['CHANGE_CLOSED'], description: 'CHANGE_CLOSED: less than CANCEL_CUTOFF_HOURS before the start' },
    },
  })
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  async cancel(@Param('code') code: string, @Req() request: FastifyRequest): Promise<ManagedAppointmentDto> {
    const citizen = await this.sessions.require(request);
    return this.booking.cancelByCode(code, citizen);
  }

  @Post('appointments/:code/reschedule')
  @Doc({
    summary: 'Move one of my bookings',
    description: `As POST /api/appointments/manage/{token}/reschedule. Someone else's code: 404, as an unknown one. ${CSRF}`,
    ok: ManagedAppointmentDtoSchema,
    params: { code: CODE_PARAM },
    errors: {
      401: { codes: ['UNAUTHORIZED'], description: 'UNAUTHORIZED: not signed in' },
      403: { codes: ['CSRF_TOKEN_INVALID'], description: 'CSRF_TOKEN_INVALID' },
      409: { codes: ['SLOT_UNAVAILABLE', 'CHANGE_CLOSED'], description: 'SLOT_UNAVAILABLE (with alternatives) or CHANGE_CLOSED' },
    },
  })
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  async reschedule(
    @Param('code') code: string,
    @Body(new Valid(RescheduleRequestSchema)) input: { start: Date },
    @Req() request: FastifyRequest,
  ): Promise<ManagedAppointmentDto> {
    const citizen = await this.sessions.require(request);
    return this.booking.rescheduleByCode(code, citizen, input.start);
  }

  /** A page for a browser's navigation, the error body for `Accept: application/json`. */
  private fail(request: FastifyRequest, reply: FastifyReply, error: ApiError): void {
    reply.code(error.statusCode).header('Cache-Control', 'no-store');
    for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
    const accept = String(request.headers.accept ?? '');
    if (accept.includes('application/json') && !accept.includes('text/html')) {
      reply.send({ statusCode: error.statusCode, code: error.code, message: translate(error.key, languageFromHeader(request.headers['accept-language'])) });
      return;
    }
    reply.type('text/html; charset=utf-8').send(errorPage(error.key, languageFromHeader(request.headers['accept-language'])));
  }
}

@DocTag('citizen')
@Controller('config')
export class PublicConfigController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Get()
  @Doc({
    summary: 'What the web shows before anything else: whether citizens can sign in with SPID/CIE, and the label; which channels besides e-mail are offered',
    ok: PublicConfigDtoSchema,
  })
  async read(): Promise<PublicConfigDto> {
    const oidc = this.config.oidc;
    return {
      signIn: { available: oidc !== null, providerName: oidc?.providerName ?? null, loginUrl: oidc ? '/api/citizen/login' : null },
      channels: { io: this.config.io.apiKey !== null || this.config.demoMode || (await this.anyOfficeIoKey()) },
    };
  }

  /** An office with an App IO key of its own offers IO even without IO_API_KEY. */
  private async anyOfficeIoKey(): Promise<boolean> {
    const rows = await this.db.query<Array<{ any: boolean }>>(`SELECT EXISTS (SELECT 1 FROM office_settings WHERE io_api_key IS NOT NULL) AS any`);
    return rows[0]?.any === true;
  }
}

function unavailable(): ApiError {
  return new ApiError(503, 'SERVICE_UNAVAILABLE', 'citizen.unavailable').withHeader('Retry-After', '60');
}

/** The page of a failed sign-in: both languages, the caller's first; a way back home. */
function errorPage(key: MessageKey, language: Language): string {
  const [first, second]: Language[] = language === 'en' ? ['en', 'it'] : ['it', 'en'];
  const title = { it: 'Accesso con SPID o CIE', en: 'Sign-in with SPID or CIE' };
  const back = { it: 'Torna alla pagina iniziale', en: 'Back to the home page' };
  const section = (l: Language) =>
    `<section lang="${l}"><h1>${title[l]}</h1><p>${escapeHtml(translate(key, l))}</p><p><a href="/">${back[l]}</a></p></section>`;
  return `<!DOCTYPE html><html lang="${first}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title[first]}</title></head><body><main>${section(first)}<hr>${section(second)}</main></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
