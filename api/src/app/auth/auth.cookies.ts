import { XSRF_COOKIE } from '@sportello/contracts';
import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '../config/config';
import { xsrfTokenFor } from './session-token';

/** The session cookie: HttpOnly, SameSite=Strict, Path=/api, Secure behind https. */
export const SESSION_COOKIE = 'sportello_session';

/** The value of one cookie of the request (no cookie-parser middleware needed). */
export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0 || part.slice(0, index).trim() !== name) continue;
    const value = part.slice(index + 1).trim();
    try {
      return decodeURIComponent(value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function base(config: AppConfig): CookieOptions {
  return { sameSite: 'strict', secure: config.auth.secureCookies };
}

/**
 * Sets the session cookie and its CSRF cookie. The CSRF cookie is readable by the web app
 * (not HttpOnly) and lives at Path=/ so that pages under /staff can read it; Angular's
 * HttpClient copies it into the X-XSRF-TOKEN header of every unsafe request.
 */
export function setSessionCookies(response: Response, sessionToken: string, config: AppConfig): void {
  const maxAge = config.auth.sessionHours * 3_600_000;
  response.cookie(SESSION_COOKIE, sessionToken, { ...base(config), httpOnly: true, path: '/api', maxAge });
  setXsrfCookie(response, sessionToken, config);
}

export function setXsrfCookie(response: Response, sessionToken: string, config: AppConfig): void {
  const maxAge = config.auth.sessionHours * 3_600_000;
  response.cookie(XSRF_COOKIE, xsrfTokenFor(sessionToken), { ...base(config), httpOnly: false, path: '/', maxAge });
}

export function clearSessionCookies(response: Response, config: AppConfig): void {
  response.clearCookie(SESSION_COOKIE, { ...base(config), httpOnly: true, path: '/api' });
  response.clearCookie(XSRF_COOKIE, { ...base(config), httpOnly: false, path: '/' });
}
