import { readCookie } from './auth.cookies';
import type { FastifyRequest } from 'fastify';
import { newSessionToken, sameToken, SESSION_TOKEN, sessionTokenHash, xsrfTokenFor } from './session-token';

describe('session tokens', () => {
  it('are 256 random bits in base64url; only a SHA-256 is stored', () => {
    const token = newSessionToken();
    expect(token).toMatch(SESSION_TOKEN);
    expect(newSessionToken()).not.toBe(token);
    expect(sessionTokenHash(token)).toHaveLength(32);
  });

  it('derive a CSRF token that differs from the token and from its stored hash', () => {
    const token = newSessionToken();
    const xsrf = xsrfTokenFor(token);
    expect(xsrf).toBe(xsrfTokenFor(token));
    expect(xsrf).not.toBe(token);
    expect(xsrf).not.toBe(sessionTokenHash(token).toString('base64url'));
    expect(xsrfTokenFor(newSessionToken())).not.toBe(xsrf);
  });

  it('compare in constant time, also strings of different lengths', () => {
    expect(sameToken('abc', 'abc')).toBe(true);
    expect(sameToken('abc', 'abd')).toBe(false);
    expect(sameToken('abc', 'abcd')).toBe(false);
  });
});

describe('readCookie', () => {
  const request = (cookie?: string) => ({ headers: cookie === undefined ? {} : { cookie } }) as FastifyRequest;

  it('finds a cookie among others, decoded', () => {
    expect(readCookie(request('a=1; sportello_session=abc%2Bdef; XSRF-TOKEN=x'), 'sportello_session')).toBe('abc+def');
    expect(readCookie(request('XSRF-TOKEN="quoted"'), 'XSRF-TOKEN')).toBe('quoted');
  });

  it('answers undefined for missing or undecodable cookies', () => {
    expect(readCookie(request(), 'a')).toBeUndefined();
    expect(readCookie(request('b=1'), 'a')).toBeUndefined();
    expect(readCookie(request('a=%E0%A4%A'), 'a')).toBeUndefined();
    expect(readCookie(request('xa=1'), 'a')).toBeUndefined();
  });
});
