import { parseOptions } from '@node-rs/argon2';
import { ARGON2_PARAMS, hashPassword, needsRehash, verifyPassword } from './password';

describe('password hashing', () => {
  it('uses argon2id with the OWASP parameters (19 MiB, 2 iterations, 1 lane)', () => {
    expect(ARGON2_PARAMS).toEqual({ algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 });
  });

  it('stores a PHC string with those parameters and a random salt', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(second).not.toBe(first);
    expect(parseOptions(first)).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 });
    expect(needsRehash(first)).toBe(false);
  });

  it('verifies the right password only, and never throws on a malformed hash', async () => {
    const hash = await hashPassword('sportello-demo');
    await expect(verifyPassword(hash, 'sportello-demo')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'Sportello-demo')).resolves.toBe(false);
    await expect(verifyPassword(hash, 'sportello-demo ')).resolves.toBe(false);
    await expect(verifyPassword('not a hash', 'x')).resolves.toBe(false);
  });

  it('asks for a rehash of hashes made with weaker parameters', () => {
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0$aGFzaA')).toBe(true);
    expect(needsRehash('$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaA')).toBe(true);
  });
});
