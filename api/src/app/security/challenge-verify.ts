import type { Challenge, Solution } from 'altcha-lib';
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The widget's base64 payload; anything longer is not one. */
const MAX_PAYLOAD_LENGTH = 4096;

/** The widget's payload: base64 of `{ challenge: { parameters, signature }, solution: { counter, derivedKey } }`. */
export function parsePayload(header: string): { challenge: Challenge; solution: Solution } | null {
  if (header.length > MAX_PAYLOAD_LENGTH || !/^[A-Za-z0-9+/=_-]+$/.test(header)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
    if (!isObject(value) || !isObject(value['challenge']) || !isObject(value['solution'])) return null;
    const challenge = value['challenge'];
    const solution = value['solution'];
    const parameters = challenge['parameters'];
    if (!isObject(parameters) || typeof challenge['signature'] !== 'string' || typeof parameters['expiresAt'] !== 'number') return null;
    if (typeof solution['counter'] !== 'number' || typeof solution['derivedKey'] !== 'string') return null;
    return { challenge: challenge as unknown as Challenge, solution: solution as unknown as Solution };
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * altcha-lib's verifySolution for challenges whose derived key it signed (deterministic
 * mode, the only kind this api makes), with node:crypto's HMAC instead of WebCrypto: the
 * same checks in the same order — expiry, the challenge's HMAC over its canonical JSON, the
 * solution's form, the derived key's HMAC — in microseconds rather than half a millisecond
 * (two WebCrypto key imports and signatures per request). A unit test checks it agrees with
 * verifySolution on valid, tampered and expired payloads.
 */
export function verifyKeySignedSolution(
  payload: { challenge: Challenge; solution: Solution },
  secrets: { signature: string; key: string },
  now = Date.now(),
): boolean {
  const { challenge, solution } = payload;
  const parameters = challenge.parameters;
  if (!isObject(parameters) || typeof parameters.expiresAt !== 'number' || parameters.expiresAt < now / 1000) return false;
  if (typeof challenge.signature !== 'string' || typeof parameters.keySignature !== 'string') return false;
  const signature = createHmac('sha256', secrets.signature).update(canonicalJson(parameters)).digest('hex');
  if (!sameText(challenge.signature, signature)) return false;
  if (typeof solution.derivedKey !== 'string' || !/^(?:[0-9a-f]{2})+$/.test(solution.derivedKey)) return false;
  if (!Number.isInteger(solution.counter) || solution.counter < 0 || solution.counter > 0xffffffff) return false;
  const keySignature = createHmac('sha256', secrets.key).update(Buffer.from(solution.derivedKey, 'hex')).digest('hex');
  return sameText(parameters.keySignature, keySignature);
}

/** JSON with every object's keys sorted and undefined members left out (altcha-lib's canonical form). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .flatMap((key) => (value[key] === undefined ? [] : [[key, sortKeys(value[key])]])),
  );
}

function sameText(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}
