import { InjectionToken } from '@angular/core';

/**
 * A new random UUID (v4), e.g. for an Idempotency-Key; replaced in tests. Uses
 * crypto.randomUUID where the page is a secure context, getRandomValues elsewhere.
 */
export const NEW_ID = new InjectionToken<() => string>('NEW_ID', {
  providedIn: 'root',
  factory: () => randomUuid,
});

export function randomUuid(): string {
  const cryptoApi = globalThis.crypto;
  if (typeof cryptoApi?.randomUUID === 'function') return cryptoApi.randomUUID();
  const bytes = cryptoApi.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
