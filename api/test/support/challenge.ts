import { solveChallenge } from 'altcha-lib';
import type { Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { getJson } from './http';

/** What the widget does in the browser: fetch a challenge, find the counter, send base64 JSON. */
export async function solve(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('no solution found');
  return Buffer.from(JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution })).toString('base64');
}

/** The X-Altcha header of one anonymous write: a fresh challenge of this api, solved. */
export async function solvedHeader(baseUrl: string): Promise<{ 'x-altcha': string }> {
  return { 'x-altcha': await solve((await getJson<Challenge>(`${baseUrl}/api/challenge`)).body) };
}
