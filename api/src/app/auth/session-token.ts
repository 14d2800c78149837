import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Session tokens: 256 random bits, base64url (43 characters). Only their SHA-256 is stored. */
export const SESSION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionTokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * The CSRF token of a session, derived from the session token (never the stored hash:
 * another input). Tying it to the session means a cookie planted by a sibling site
 * cannot pass the double-submit check without the session itself.
 */
export function xsrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`xsrf:${sessionToken}`).digest('base64url');
}

/** Constant-time comparison of two strings. */
export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
