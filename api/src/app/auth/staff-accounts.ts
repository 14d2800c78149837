import type { StaffRole } from '@sportello/contracts';
import { hashPassword } from './password';
import type { Tx } from '../database/db';
import { insertStaffUser } from './staff-user.repository';

/** Usernames: lower case letters, digits, `.`, `_` and `-`, 2 to 64 characters. */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** Usernames are case-insensitive: they are compared and stored in lower case. */
export function normaliseUsername(raw: string): string {
  return raw.normalize('NFC').trim().toLowerCase();
}

export interface NewStaffUser {
  username: string;
  displayName: string;
  role: StaffRole;
  password: string;
  /** Offices the account works for (an admin works for all of them anyway). */
  officeIds: string[];
}

/**
 * Creates an account with its offices (used by `create-admin` and the demo seed).
 * Returns its id, or null when the username is taken. Run it inside a transaction.
 */
export async function createStaffUser(tx: Tx, user: NewStaffUser): Promise<string | null> {
  const username = normaliseUsername(user.username);
  if (!USERNAME.test(username)) throw new Error('The username may contain only letters, digits, ".", "_" and "-" (2 to 64 characters).');
  const passwordHash = await hashPassword(user.password);
  return insertStaffUser(tx, { username, displayName: user.displayName, role: user.role, passwordHash, officeIds: user.officeIds });
}
