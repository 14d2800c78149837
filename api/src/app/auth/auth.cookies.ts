import { XSRF_COOKIE } from '@sportello/contracts';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../config/config';
import { DEVICE_COOKIE_DAYS } from './device-cookie';
import { xsrfTokenFor } from './session-token';

/** The session cookie: HttpOnly, SameSite=Strict, Path=/api, Secure behind https. */
export const SESSION_COOKIE = 'sportello_session';

/** The value of one cookie of the request (no cookie plugin needed). */
export function readCookie(request: { headers: { cookie?: string } }, name: string): string | undefined {
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

interface CookieAttributes {
  path: string;
  httpOnly: boolean;
  /** Lifetime; without it the cookie is cleared (expired in 1970). */
  maxAgeMs?: number;
}

/** A Set-Cookie line, attribute for attribute as Express's `response.cookie()` writes it. */
function setCookie(reply: FastifyReply, name: string, value: string, attributes: CookieAttributes, config: AppConfig): void {
  const { path, httpOnly, maxAgeMs } = attributes;
  const parts = [`${name}=${encodeURIComponent(value)}`];
  if (maxAgeMs !== undefined) parts.push(`Max-Age=${Math.floor(maxAgeMs / 1000)}`);
  parts.push(`Path=${path}`, `Expires=${new Date(maxAgeMs === undefined ? 1 : Date.now() + maxAgeMs).toUTCString()}`);
  if (httpOnly) parts.push('HttpOnly');
  if (config.auth.secureCookies) parts.push('Secure');
  parts.push('SameSite=Strict');
  // Fastify adds each Set-Cookie header to the ones already set.
  reply.header('Set-Cookie', parts.join('; '));
}

/**
 * Sets the session cookie and its CSRF cookie. The CSRF cookie is readable by the web app
 * (not HttpOnly) and lives at Path=/ so that pages under /staff can read it; Angular's
 * HttpClient copies it into the X-XSRF-TOKEN header of every unsafe request.
 */
export function setSessionCookies(reply: FastifyReply, sessionToken: string, config: AppConfig): void {
  setCookie(reply, SESSION_COOKIE, sessionToken, { httpOnly: true, path: '/api', maxAgeMs: config.auth.sessionHours * 3_600_000 }, config);
  setXsrfCookie(reply, sessionToken, config);
}

export function setXsrfCookie(reply: FastifyReply, sessionToken: string, config: AppConfig): void {
  setCookie(reply, XSRF_COOKIE, xsrfTokenFor(sessionToken), { httpOnly: false, path: '/', maxAgeMs: config.auth.sessionHours * 3_600_000 }, config);
}

/** The account's device cookie (device-cookie.ts): HttpOnly, only sent to the login, for DEVICE_COOKIE_DAYS. */
export function setDeviceCookie(reply: FastifyReply, cookie: { name: string; value: string }, config: AppConfig): void {
  setCookie(reply, cookie.name, cookie.value, { httpOnly: true, path: '/api/auth', maxAgeMs: DEVICE_COOKIE_DAYS * 86_400_000 }, config);
}

export function clearSessionCookies(reply: FastifyReply, config: AppConfig): void {
  setCookie(reply, SESSION_COOKIE, '', { httpOnly: true, path: '/api' }, config);
  setCookie(reply, XSRF_COOKIE, '', { httpOnly: false, path: '/' }, config);
}
