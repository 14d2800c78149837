import { StaffSessionDtoSchema } from '@sportello/contracts/schemas';
import { Doc, DocTag } from '../common/openapi';
import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { StaffSessionDto } from '@sportello/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../common/api-error';
import { LoginRequestSchema } from '@sportello/contracts/schemas';
import { parse } from '../common/validation';
import { hasBodyOfType } from '../common/express-compat';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { clearSessionCookies, readCookie, SESSION_COOKIE, setDeviceCookie, setSessionCookies, setXsrfCookie } from './auth.cookies';
import { AuthService } from './auth.service';
import { LoginThrottleGuard } from './login-throttle.guard';
import { assertCsrf, CurrentStaff, Staff } from './staff.guard';
import type { StaffPrincipal } from './staff.guard';

@DocTag('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Doc({
    summary: 'Staff login',
    description:
      "Sets the session cookie `sportello_session` (HttpOnly, SameSite=Strict, Path=/api, Secure behind https), the CSRF cookie `XSRF-TOKEN` (readable by the page; send it back as header `X-XSRF-TOKEN` on every POST/PUT/PATCH/DELETE) and the account's device cookie `sportello_device_…` (HttpOnly, Path=/api/auth: later logins from this browser are known, OWASP device cookies). Unknown usernames and wrong passwords get the same 401.",
    ok: StaffSessionDtoSchema,
    errors: {
      401: { codes: ['INVALID_CREDENTIALS'], description: 'INVALID_CREDENTIALS: unknown username or wrong password (the same answer)' },
      415: { codes: ['UNSUPPORTED_MEDIA_TYPE'], description: 'UNSUPPORTED_MEDIA_TYPE: the body must be JSON' },
      429: {
        codes: ['TOO_MANY_REQUESTS', 'ACCOUNT_LOCKED'],
        description:
          'ACCOUNT_LOCKED (LOGIN_MAX_FAILURES wrong passwords from this address, or this device, within LOGIN_LOCK_MINUTES; or LOGIN_ACCOUNT_MAX_FAILURES from clients without a device cookie of the account) or TOO_MANY_REQUESTS (LOGIN_THROTTLE_LIMIT per minute per client); see Retry-After',
      },
    },
    body: LoginRequestSchema,
  })
  @HttpCode(200)
  @UseGuards(LoginThrottleGuard)
  async login(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<StaffSessionDto> {
    // JSON only: a form on another site can post urlencoded fields but not JSON, so no
    // one can log a browser into an account of theirs (login CSRF).
    if (!hasBodyOfType(request, 'application/json')) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'body.json');
    const { username, password } = parse(LoginRequestSchema, body);
    const { token, user, device } = await this.auth.login(username, password, { address: request.ip, headers: request.headers });
    setSessionCookies(reply, token, this.config);
    setDeviceCookie(reply, device, this.config);
    reply.header('Cache-Control', 'no-store');
    return { user };
  }

  @Post('logout')
  @Doc({
    summary: 'Staff logout',
    description: 'Ends the session (also without one: 204). Needs the X-XSRF-TOKEN header when logged in.',
    ok: null,
    okDescription: 'Logged out; both cookies cleared',
    errors: { 403: { codes: ['CSRF_TOKEN_INVALID'], description: 'CSRF_TOKEN_INVALID: logged in without a matching X-XSRF-TOKEN header' } },
  })
  @HttpCode(204)
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = readCookie(request, SESSION_COOKIE);
    const staff = token ? await this.auth.principal(token) : null;
    if (token && staff) {
      assertCsrf(request, token);
      await this.auth.logout(staff, token);
    }
    clearSessionCookies(reply, this.config);
  }

  @Get('me')
  @Doc({ summary: 'The logged-in staff member', description: 'Also renews the XSRF-TOKEN cookie.', ok: StaffSessionDtoSchema })
  @Staff()
  async me(@CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<StaffSessionDto> {
    const token = readCookie(request, SESSION_COOKIE);
    if (token) setXsrfCookie(reply, token, this.config);
    reply.header('Cache-Control', 'no-store');
    return { user: await this.auth.profile(staff) };
  }
}
