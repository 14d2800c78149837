import { createHash, randomBytes } from 'node:crypto';

/**
 * Manage tokens: 256 random bits, base64url (43 characters). Only their SHA-256 is
 * stored (table manage_token). An appointment may have several: the one in the booking
 * answer and one per e-mail that carries a link, minted when the e-mail is sent — so no
 * plain token is ever stored, not even in the outbox.
 */
export const MANAGE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newManageToken(): string {
  return randomBytes(32).toString('base64url');
}

export function manageTokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
