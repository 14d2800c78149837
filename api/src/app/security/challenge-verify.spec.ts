import { createChallenge, randomInt, solveChallenge, verifySolution } from 'altcha-lib';
import type { Challenge, Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { parsePayload, verifyKeySignedSolution } from './challenge-verify';

const secrets = { signature: 'a'.repeat(64), key: 'b'.repeat(64) };

async function solved(expiresInSeconds = 300): Promise<{ challenge: Challenge; solution: Solution }> {
  const challenge = await createChallenge({
    algorithm: 'PBKDF2/SHA-256',
    cost: 10,
    counter: randomInt(40, 20),
    deriveKey,
    expiresAt: Math.floor(Date.now() / 1000) + expiresInSeconds,
    hmacSignatureSecret: secrets.signature,
    hmacKeySignatureSecret: secrets.key,
  });
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('unsolved');
  return { challenge, solution };
}

/** What altcha-lib itself says about a payload. */
async function reference(payload: { challenge: Challenge; solution: Solution }): Promise<boolean> {
  return (await verifySolution({ ...payload, deriveKey, hmacSignatureSecret: secrets.signature, hmacKeySignatureSecret: secrets.key })).verified;
}

describe('verifyKeySignedSolution agrees with altcha-lib verifySolution', () => {
  it('on valid payloads and on every kind of tampering', async () => {
    const cases: Array<[string, { challenge: Challenge; solution: Solution }]> = [];
    for (let i = 0; i < 5; i++) {
      const good = await solved();
      const p = good.challenge.parameters;
      cases.push(
        ['valid', good],
        ['cheaper cost', { ...good, challenge: { ...good.challenge, parameters: { ...p, cost: 1 } } }],
        ['later expiry', { ...good, challenge: { ...good.challenge, parameters: { ...p, expiresAt: (p.expiresAt ?? 0) + 3600 } } }],
        ['other prefix', { ...good, challenge: { ...good.challenge, parameters: { ...p, keyPrefix: '00' } } }],
        ['extra parameter', { ...good, challenge: { ...good.challenge, parameters: { ...p, data: { x: 1 } } } }],
        ['no signature', { ...good, challenge: { parameters: p } }],
        ['other signature', { ...good, challenge: { ...good.challenge, signature: good.challenge.signature?.replace(/./, (c) => (c === 'f' ? 'e' : 'f')) } }],
        ['wrong key', { ...good, solution: { ...good.solution, derivedKey: good.solution.derivedKey.replace(/.$/, (c) => (c === '0' ? '1' : '0')) } }],
        ['upper-case key', { ...good, solution: { ...good.solution, derivedKey: good.solution.derivedKey.toUpperCase() } }],
        ['odd key', { ...good, solution: { ...good.solution, derivedKey: good.solution.derivedKey.slice(1) } }],
        ['negative counter', { ...good, solution: { ...good.solution, counter: -1 } }],
      );
    }
    cases.push(['expired', await solved(-10)]);
    const disagreements: string[] = [];
    for (const [name, payload] of cases) {
      const expected = await reference(payload);
      if (verifyKeySignedSolution(payload, secrets) !== expected) disagreements.push(name);
      if (name === 'valid' && !expected) disagreements.push('valid is not valid');
    }
    expect(disagreements).toEqual([]);
    expect(cases.filter(([name]) => name === 'valid').every(([, payload]) => verifyKeySignedSolution(payload, secrets))).toBe(true);
  });
});

describe('parsePayload', () => {
  it('reads the widget payload and refuses anything else', async () => {
    const payload = await solved();
    const header = Buffer.from(JSON.stringify(payload)).toString('base64');
    expect(parsePayload(header)).toEqual(payload);
    for (const bad of ['', '!!!', Buffer.from('null').toString('base64'), Buffer.from('{"challenge":{},"solution":{}}').toString('base64'), 'A'.repeat(5000)])
      expect(parsePayload(bad)).toBeNull();
  });
});
