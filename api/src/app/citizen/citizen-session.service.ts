import { CITIZEN_XSRF_COOKIE } from '@sportello/contracts';
import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { readCookie } from '../auth/auth.cookies';
import { isUnsafeMethod } from '../auth/staff-access';
import { newSessionToken, sameToken, sessionTokenHash, SESSION_TOKEN, xsrfTokenFor } from '../auth/session-token';
import { ApiError } from '../common/api-error';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { affected, queryRows } from '../database/db';

/** The citizen's session cookie: HttpOnly, SameSite=Lax (it arrives with the provider's redirect), Path=/api, Secure under https. */
export const CITIZEN_COOKIE = 'sportello_citizen';
/** The web and the api share the cookie's name (libs/contracts). */
export { CITIZEN_XSRF_COOKIE };
export const XSRF_HEADER_NAME = 'x-xsrf-token';

/** A citizen signed in with SPID/CIE, as the provider vouched for them. */
export interface CitizenPrincipal {
  fiscalCode: string;
  fiscalCodeKey: string;
  firstName: string;
  lastName: string;
  email: string | null;
}

export type CitizenRequest = FastifyRequest & { citizen?: CitizenPrincipal | null };

interface SessionRow {
  fiscal_code: string;
  fiscal_code_key: string;
  first_name: string;
  last_name: string;
  email: string | null;
  id_token: string | null;
}

/** Citizens' sessions: random tokens, only their SHA-256 stored, expiring after CITIZEN_SESSION_MINUTES. */
@Injectable()
export class CitizenSessions {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async open(identity: CitizenPrincipal, idToken: string | null): Promise<string> {
    const token = newSessionToken();
    const expiresAt = new Date(this.clock.now().getTime() + this.config.citizenSessionMinutes * 60_000);
    await this.db.query(
      `INSERT INTO citizen_session (token_hash, fiscal_code, fiscal_code_key, first_name, last_name, email, id_token, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [sessionTokenHash(token), identity.fiscalCode, identity.fiscalCodeKey, identity.firstName, identity.lastName, identity.email, idToken, expiresAt],
    );
    // Expired sessions and abandoned sign-ins go at each sign-in: no job needed for a small table.
    await this.db.query(`DELETE FROM citizen_session WHERE expires_at < $1`, [this.clock.now()]);
    await this.db.query(`DELETE FROM citizen_login WHERE expires_at < $1`, [this.clock.now()]);
    return token;
  }

  /** The live session of a cookie value, or null (unknown, malformed or expired). */
  async find(token: string | undefined): Promise<(CitizenPrincipal & { idToken: string | null }) | null> {
    if (!token || !SESSION_TOKEN.test(token)) return null;
    const rows = await queryRows<SessionRow>(
      this.db,
      `SELECT fiscal_code, fiscal_code_key, first_name, last_name, email, id_token FROM citizen_session WHERE token_hash = $1 AND expires_at > $2`,
      [sessionTokenHash(token), this.clock.now()],
    );
    const r = rows[0];
    if (!r) return null;
    return { fiscalCode: r.fiscal_code, fiscalCodeKey: r.fiscal_code_key, firstName: r.first_name, lastName: r.last_name, email: r.email, idToken: r.id_token };
  }

  async close(token: string): Promise<boolean> {
    return (await affected(this.db, `DELETE FROM citizen_session WHERE token_hash = $1`, [sessionTokenHash(token)])) > 0;
  }

  /**
   * The signed-in citizen of a request, or null when anonymous. A live session on an unsafe
   * method needs the X-XSRF-TOKEN header equal to the CITIZEN-XSRF-TOKEN cookie of this
   * session (403 CSRF_TOKEN_INVALID), as staff requests do.
   */
  async ofRequest(fastifyRequest: FastifyRequest): Promise<CitizenPrincipal | null> {
    const request = fastifyRequest as CitizenRequest;
    if (request.citizen !== undefined) return request.citizen;
    const token = readCookie(request, CITIZEN_COOKIE);
    const session = await this.find(token);
    if (session && token && isUnsafeMethod(request.method)) assertCitizenCsrf(request, token);
    request.citizen = session ? principalOf(session) : null;
    return request.citizen;
  }

  /** The signed-in citizen, or 401 UNAUTHORIZED. */
  async require(request: FastifyRequest): Promise<CitizenPrincipal> {
    const citizen = await this.ofRequest(request);
    if (!citizen) throw new ApiError(401, 'UNAUTHORIZED', 'citizen.required');
    return citizen;
  }

  setCookies(reply: FastifyReply, token: string): void {
    const maxAge = this.config.citizenSessionMinutes * 60;
    cookie(reply, CITIZEN_COOKIE, token, { path: '/api', httpOnly: true, maxAge }, this.config);
    cookie(reply, CITIZEN_XSRF_COOKIE, xsrfTokenFor(token), { path: '/', httpOnly: false, maxAge }, this.config);
  }

  clearCookies(reply: FastifyReply): void {
    cookie(reply, CITIZEN_COOKIE, '', { path: '/api', httpOnly: true, maxAge: 0 }, this.config);
    cookie(reply, CITIZEN_XSRF_COOKIE, '', { path: '/', httpOnly: false, maxAge: 0 }, this.config);
  }
}

function principalOf(session: CitizenPrincipal): CitizenPrincipal {
  return {
    fiscalCode: session.fiscalCode,
    fiscalCodeKey: session.fiscalCodeKey,
    firstName: session.firstName,
    lastName: session.lastName,
    email: session.email,
  };
}

function assertCitizenCsrf(request: FastifyRequest, token: string): void {
  const header = request.headers[XSRF_HEADER_NAME];
  const cookieValue = readCookie(request, CITIZEN_XSRF_COOKIE);
  if (typeof header !== 'string' || !cookieValue || !sameToken(header, cookieValue) || !sameToken(header, xsrfTokenFor(token))) {
    throw new ApiError(403, 'CSRF_TOKEN_INVALID', 'auth.csrf');
  }
}

/** A Set-Cookie line with SameSite=Lax (maxAge 0 clears it). */
export function cookie(reply: FastifyReply, name: string, value: string, a: { path: string; httpOnly: boolean; maxAge: number }, config: AppConfig): void {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    `Max-Age=${a.maxAge}`,
    `Path=${a.path}`,
    `Expires=${new Date(a.maxAge === 0 ? 1 : Date.now() + a.maxAge * 1000).toUTCString()}`,
  ];
  if (a.httpOnly) parts.push('HttpOnly');
  if (config.auth.secureCookies) parts.push('Secure');
  parts.push('SameSite=Lax');
  reply.header('Set-Cookie', parts.join('; '));
}

/** Global: the booking guards and the citizen endpoints read the same sessions. */
@Global()
@Module({ providers: [CitizenSessions], exports: [CitizenSessions] })
export class CitizenSessionModule {}
