/**
 * What a staff password must be, shared by the api (which refuses it), `create-admin` and
 * the admin page (which shows why as it is typed). The strength score comes from zxcvbn-ts
 * with the common and Italian dictionaries (each side builds its own checker: the
 * dictionaries are large, and this file stays free of them); the account's own username and
 * display name are given to it as words to recognise, and may not appear in the password.
 */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password read: hashing megabytes would be a denial of service. */
export const MAX_PASSWORD_LENGTH = 256;
/** zxcvbn's scale is 0–4; 3 is "safely unguessable: moderate protection from offline slow-hash scenario". */
export const MIN_PASSWORD_SCORE = 3;

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'CONTAINS_NAME' | 'WEAK';

export interface PasswordOwner {
  username: string;
  displayName: string;
}

/** Lower case without accents, so that "Zoë" and "zoe" are the same word. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The words of the account that a password may not contain: the username (and its parts
 * split at ".", "_", "-"), the display name and its words, three characters or longer.
 */
export function ownerWords(owner: PasswordOwner): string[] {
  const parts = [owner.username, ...owner.username.split(/[._-]+/), owner.displayName, ...owner.displayName.split(/[\s'’.-]+/)];
  return [...new Set(parts.map((p) => fold(p.trim())).filter((p) => p.length >= 3))];
}

/**
 * Why a new password is refused, or null: length in characters (code points), the owner's
 * words, then the strength `score` (0–4) that zxcvbn gave it with `ownerWords` as user inputs.
 */
export function passwordProblem(password: string, owner: PasswordOwner, score: number): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'TOO_SHORT';
  if (length > MAX_PASSWORD_LENGTH) return 'TOO_LONG';
  const folded = fold(password);
  if (ownerWords(owner).some((word) => folded.includes(word))) return 'CONTAINS_NAME';
  if (score < MIN_PASSWORD_SCORE) return 'WEAK';
  return null;
}
