import { solveChallenge } from 'altcha-lib';
import type { Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';

/**
 * What the booking page's ALTCHA widget does, for tests that book through the public api:
 * take a challenge of GET /api/challenge, find its counter and send the base64 payload in
 * X-Altcha (single use: one call per request).
 */
export async function proofOfWork(baseUrl: string): Promise<{ 'x-altcha': string }> {
  const challenge = (await (await fetch(`${baseUrl}/api/challenge`)).json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('no solution found for the challenge');
  return {
    'x-altcha': Buffer.from(JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution })).toString('base64'),
  };
}
