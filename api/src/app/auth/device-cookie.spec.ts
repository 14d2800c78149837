import { randomBytes } from 'node:crypto';
import { DEVICE_COOKIE_DAYS, deviceCookieName, issueDeviceCookie, readDeviceCookie } from './device-cookie';

const key = randomBytes(32);
const user = '7b0f3c1e-5d2a-4e8b-9c61-2f4a8d9e0b13';
const other = '0e6a1f52-8c3d-4b7a-a1e9-5d2c7f8b3a64';
const now = new Date('2027-03-29T08:00:00Z');

describe('device cookies', () => {
  it('a cookie issued at login is read back as the same device of the same account', () => {
    const cookie = issueDeviceCookie(key, user, now);
    expect(cookie.name).toBe(deviceCookieName(user));
    expect(readDeviceCookie(key, user, cookie.value, new Date(now.getTime() + 86_400_000))).toBe(cookie.deviceId);
  });

  it('is bound to its account: another account, another name and signature', () => {
    const cookie = issueDeviceCookie(key, user, now);
    expect(deviceCookieName(other)).not.toBe(cookie.name);
    expect(readDeviceCookie(key, other, cookie.value, now)).toBeNull();
  });

  it('refuses a forged, altered, foreign-key or expired cookie', () => {
    const cookie = issueDeviceCookie(key, user, now);
    const [device, issued, signature] = cookie.value.split('.');
    expect(readDeviceCookie(key, user, `${device}.${Number(issued) + 1}.${signature}`, now)).toBeNull();
    expect(readDeviceCookie(key, user, `${'A'.repeat(22)}.${issued}.${signature}`, now)).toBeNull();
    expect(readDeviceCookie(randomBytes(32), user, cookie.value, now)).toBeNull();
    expect(readDeviceCookie(key, user, 'garbage', now)).toBeNull();
    expect(readDeviceCookie(key, user, undefined, now)).toBeNull();
    const later = new Date(now.getTime() + (DEVICE_COOKIE_DAYS + 1) * 86_400_000);
    expect(readDeviceCookie(key, user, cookie.value, later)).toBeNull();
  });
});
