import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a browser that logged in stays a known device of the account. */
export const DEVICE_COOKIE_DAYS = 180;

/**
 * OWASP's device cookies ("Slow Down Online Guessing Attacks with Device Cookies"): a
 * successful login gives the browser a cookie, signed by the server and bound to the
 * account, naming a random device id. Wrong passwords from a browser with a valid one are
 * counted against that device alone, and it still gets in when the account is closed to
 * unknown clients, so an attacker cannot lock the staff out; without one, guessing is
 * bounded per address and per account. One cookie per account (a shared desk PC knows
 * each of its operators), HttpOnly, SameSite=Strict, only sent to /api/auth.
 *
 * Value: `<device id>.<issued, epoch seconds>.<HMAC-SHA-256 of "account.device.issued">`.
 */
export function deviceCookieName(userId: string): string {
  return `sportello_device_${createHash('sha256').update(userId).digest('hex').slice(0, 12)}`;
}

export function issueDeviceCookie(key: Buffer, userId: string, now: Date): { name: string; value: string; deviceId: string } {
  const deviceId = randomBytes(16).toString('base64url');
  const issued = Math.floor(now.getTime() / 1000);
  return { name: deviceCookieName(userId), value: `${deviceId}.${issued}.${sign(key, userId, deviceId, issued)}`, deviceId };
}

/** The device id of a valid, unexpired cookie of this account (the value of its cookie `deviceCookieName`), or null. */
export function readDeviceCookie(key: Buffer, userId: string, raw: string | undefined, now: Date): string | null {
  const match = raw ? /^([A-Za-z0-9_-]{22})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(raw) : null;
  if (!match) return null;
  const [, deviceId, issuedText, signature] = match;
  const issued = Number(issuedText);
  const age = now.getTime() / 1000 - issued;
  if (age < -300 || age > DEVICE_COOKIE_DAYS * 86_400) return null;
  const expected = Buffer.from(sign(key, userId, deviceId, issued));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? deviceId : null;
}

function sign(key: Buffer, userId: string, deviceId: string, issued: number): string {
  return createHmac('sha256', key).update(`${userId}.${deviceId}.${issued}`).digest('base64url');
}
