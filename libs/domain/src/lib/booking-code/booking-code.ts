/**
 * Booking codes such as `CIE-7K3P9Q`: the service code, a dash and 6 random characters.
 * Citizens read them out on the phone and type them at the kiosk, so the alphabet has no
 * look-alikes (0/O, 1/I/L) and no vowels (no accidental words).
 *
 * Randomness is injected: the domain has no crypto. The api passes bytes from a CSPRNG,
 * e.g. `(n) => Array.from(crypto.getRandomValues(new Uint8Array(n)))`.
 */

export const BOOKING_CODE_ALPHABET = '23456789BCDFGHJKMNPQRSTVWXYZ';
export const BOOKING_CODE_RANDOM_LENGTH = 6;
export const BOOKING_CODE_PREFIX_MAX_LENGTH = 10;

/** Returns `count` independent uniformly random integers in 0–255 (bytes). */
export type RandomBytes = (count: number) => number[];

/**
 * 28 characters do not divide 256, so `byte % 28` would favour the first 4 characters
 * (10/256 instead of 9/256). Rejection sampling keeps only bytes below 252 = 9 × 28, each
 * then mapping to exactly 9 byte values: every character has probability exactly 1/28.
 */
const ACCEPT_BELOW = 256 - (256 % BOOKING_CODE_ALPHABET.length);

/** 4/256 of bytes are rejected; 100 rounds all rejected is impossible with real randomness. */
const MAX_ROUNDS = 100;

const FORMAT = new RegExp(`^[A-Z0-9]{1,${BOOKING_CODE_PREFIX_MAX_LENGTH}}-[${BOOKING_CODE_ALPHABET}]{${BOOKING_CODE_RANDOM_LENGTH}}$`);

/** Service code → prefix: uppercase, letters and digits only, at most 10 characters. */
export function bookingCodePrefix(serviceCode: string): string {
  const prefix = String(serviceCode)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, BOOKING_CODE_PREFIX_MAX_LENGTH);
  if (prefix === '') throw new Error(`booking code prefix must contain a letter or digit, got ${JSON.stringify(serviceCode)}`);
  return prefix;
}

/** `CIE-7K3P9Q`. Throws if the prefix has no letter or digit, or `randomInts` misbehaves. */
export function generateBookingCode(prefix: string, randomInts: RandomBytes): string {
  return `${bookingCodePrefix(prefix)}-${randomSuffix(randomInts)}`;
}

/** Strict check of an already normalised code (see `normalizeBookingCode`). */
export function isBookingCodeFormat(s: string): boolean {
  return typeof s === 'string' && FORMAT.test(s);
}

/** Dashes people type instead of the ASCII one: en and em dash, minus sign, underscore. */
const DASH_LIKE = /[\u2010-\u2015\u2212_]/g;
const RANDOM_TAIL = new RegExp(`^([A-Z0-9]{1,${BOOKING_CODE_PREFIX_MAX_LENGTH}})([${BOOKING_CODE_ALPHABET}]{${BOOKING_CODE_RANDOM_LENGTH}})$`);

/**
 * What a person typed → the stored form: upper case, whitespace removed, any dash-like
 * character read as the dash, repeated dashes as one, and a missing dash put back before
 * the 6 random characters (`cie2q4bx9` → `CIE-2Q4BX9`). Anything else is left as it is,
 * for `isBookingCodeFormat` to refuse.
 */
export function normalizeBookingCode(input: string): string {
  if (typeof input !== 'string') return '';
  const compact = input.replace(/\s+/g, '').toUpperCase().replace(DASH_LIKE, '-').replace(/-{2,}/g, '-');
  if (compact.includes('-')) return compact;
  const parts = RANDOM_TAIL.exec(compact);
  return parts ? `${parts[1]}-${parts[2]}` : compact;
}

function randomSuffix(randomInts: RandomBytes): string {
  let suffix = '';
  for (let round = 0; round < MAX_ROUNDS && suffix.length < BOOKING_CODE_RANDOM_LENGTH; round++) {
    const needed = BOOKING_CODE_RANDOM_LENGTH - suffix.length;
    for (const byte of takeBytes(randomInts, needed)) {
      if (byte < ACCEPT_BELOW) suffix += BOOKING_CODE_ALPHABET[byte % BOOKING_CODE_ALPHABET.length];
    }
  }
  if (suffix.length < BOOKING_CODE_RANDOM_LENGTH) {
    throw new Error(`randomInts gave only rejected bytes (252–255) for ${MAX_ROUNDS} rounds: it is not random`);
  }
  return suffix;
}

/** Calls `randomInts(count)` and insists on `count` integers 0–255, to catch wiring mistakes. */
function takeBytes(randomInts: RandomBytes, count: number): number[] {
  const bytes = randomInts(count);
  if (!bytes || bytes.length !== count) {
    throw new Error(`randomInts(${count}) must return ${count} values, got ${bytes ? bytes.length : bytes}`);
  }
  for (const byte of bytes) {
    if (!Number.isInteger(byte) || byte < 0 || byte > 255) throw new Error(`randomInts must return integers 0–255 (bytes), got ${byte}`);
  }
  return Array.from(bytes);
}
