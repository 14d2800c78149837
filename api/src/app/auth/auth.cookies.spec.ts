import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../config/config';
import { clearSessionCookies, setSessionCookies } from './auth.cookies';
import { xsrfTokenFor } from './session-token';

/** The Set-Cookie lines written to a reply (Fastify adds each one to those already set). */
function setCookies(write: (reply: FastifyReply) => void): string[] {
  const lines: string[] = [];
  const reply = {
    header(name: string, value: string) {
      expect(name).toBe('Set-Cookie');
      lines.push(value);
      return reply;
    },
  };
  write(reply as unknown as FastifyReply);
  return lines;
}

const config = (secureCookies: boolean) => ({ auth: { sessionHours: 12, secureCookies } }) as AppConfig;
const EXPIRES = /Expires=([^;]+)/;

describe('session cookies, attribute for attribute as Express wrote them', () => {
  it('sets the HttpOnly session cookie at /api and the readable CSRF cookie at /, for the session hours', () => {
    const before = Date.now();
    const [session, xsrf] = setCookies((reply) => setSessionCookies(reply, 'tok+en', config(false)));
    expect(session).toMatch(/^sportello_session=tok%2Ben; Max-Age=43200; Path=\/api; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    expect(xsrf).toBe(`XSRF-TOKEN=${encodeURIComponent(xsrfTokenFor('tok+en'))}; Max-Age=43200; Path=/; Expires=${EXPIRES.exec(xsrf)?.[1]}; SameSite=Strict`);
    const expires = Date.parse(EXPIRES.exec(session)?.[1] ?? '');
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 43_200_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 43_200_000);
  });

  it('adds Secure behind https', () => {
    const lines = setCookies((reply) => setSessionCookies(reply, 'token', config(true)));
    expect(lines[0]).toMatch(/; HttpOnly; Secure; SameSite=Strict$/);
    expect(lines[1]).toMatch(/; Expires=[^;]+; Secure; SameSite=Strict$/);
  });

  it('clears both with an expiry in 1970 and no Max-Age', () => {
    expect(setCookies((reply) => clearSessionCookies(reply, config(false)))).toEqual([
      'sportello_session=; Path=/api; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict',
      'XSRF-TOKEN=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Strict',
    ]);
  });
});
