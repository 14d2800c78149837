import { createChallenge, randomInt } from 'altcha-lib';
import type { Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { solve } from './support/challenge';
import { at, bookingBody, nextWeekday, post } from './support/booking';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { getJson } from './support/http';

describe('the proof of work on anonymous writes (ALTCHA, BOOKING_CHALLENGE on; two replicas)', () => {
  let db: TestDatabase;
  let a: RunningApi;
  let b: RunningApi;
  let office: OfficeFixture;
  const monday = nextWeekday(1, 5);

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    a = await startApi(db.url, { BOOKING_CHALLENGE: 'on', THROTTLE_LIMIT: '100000' });
    b = await startApi(db.url, { BOOKING_CHALLENGE: 'on', THROTTLE_LIMIT: '100000' });
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  const challengeOf = async (api: RunningApi) => (await getJson<Challenge>(`${api.baseUrl}/api/challenge`)).body;
  const hold = (api: RunningApi, time: string, headers: Record<string, string> = {}) =>
    post(`${api.baseUrl}/api/holds`, { officeId: office.officeId, serviceId: office.serviceId, start: at(monday, time) }, headers);

  it('GET /api/challenge gives a signed challenge that expires within minutes and is never cached', async () => {
    const response = await getJson<Challenge>(`${a.baseUrl}/api/challenge`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toEqual({
      parameters: expect.objectContaining({
        algorithm: 'PBKDF2/SHA-256',
        cost: expect.any(Number),
        keyPrefix: expect.stringMatching(/^[0-9a-f]+$/),
        keySignature: expect.any(String),
        expiresAt: expect.any(Number),
      }),
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const minutes = ((response.body.parameters.expiresAt ?? 0) * 1000 - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(4);
    expect(minutes).toBeLessThanOrEqual(5);
  });

  it('no solution: 400 CHALLENGE_REQUIRED on holds, bookings and the waitlist, nothing written', async () => {
    const before = (
      await db.sql.query('SELECT (SELECT count(*) FROM hold)::int + (SELECT count(*) FROM appointment)::int + (SELECT count(*) FROM waitlist_entry)::int AS n')
    ).rows[0].n;
    const answers = [
      await hold(a, '08:30'),
      await post(`${a.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, at(monday, '08:30'), 1)),
      await post(
        `${a.baseUrl}/api/waitlist`,
        { officeId: office.officeId, serviceId: office.serviceId, email: 'attesa@example.it', language: 'en', privacyAccepted: true },
        { 'accept-language': 'en' },
      ),
    ];
    expect(answers.map((x) => [x.status, x.body.code])).toEqual([
      [400, 'CHALLENGE_REQUIRED'],
      [400, 'CHALLENGE_REQUIRED'],
      [400, 'CHALLENGE_REQUIRED'],
    ]);
    expect(answers[2].body.message).toContain('X-Altcha');
    expect(
      (
        await db.sql.query(
          'SELECT (SELECT count(*) FROM hold)::int + (SELECT count(*) FROM appointment)::int + (SELECT count(*) FROM waitlist_entry)::int AS n',
        )
      ).rows[0].n,
    ).toBe(before);
  });

  it('a solved challenge is good for one request, on either replica; used again, tampered with or garbage: 400 CHALLENGE_INVALID', async () => {
    const payload = await solve(await challengeOf(a));
    // Solved against replica A, sent to replica B: the key is shared through PostgreSQL.
    expect((await hold(b, '09:00', { 'x-altcha': payload })).status).toBe(201);
    for (const api of [a, b]) expect((await hold(api, '09:30', { 'x-altcha': payload })).body.code).toBe('CHALLENGE_INVALID');

    const decoded = JSON.parse(Buffer.from(await solve(await challengeOf(a)), 'base64').toString());
    const wrongKey = {
      ...decoded,
      solution: { ...decoded.solution, derivedKey: decoded.solution.derivedKey.replace(/^./, (c: string) => (c === '0' ? '1' : '0')) },
    };
    const cheaper = { ...decoded, challenge: { ...decoded.challenge, parameters: { ...decoded.challenge.parameters, cost: 1 } } };
    for (const forged of [wrongKey, cheaper]) {
      expect((await hold(a, '10:00', { 'x-altcha': Buffer.from(JSON.stringify(forged)).toString('base64') })).body.code).toBe('CHALLENGE_INVALID');
    }
    for (const garbage of ['nonsense', 'e30=', Buffer.from('[1,2]').toString('base64'), 'x'.repeat(5000)]) {
      expect([garbage.slice(0, 10), (await hold(a, '10:00', { 'x-altcha': garbage })).body.code]).toEqual([garbage.slice(0, 10), 'CHALLENGE_INVALID']);
    }
    // A booking with its own fresh solution.
    const booking = await post(`${a.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, at(monday, '10:30'), 2), {
      'x-altcha': await solve(await challengeOf(b)),
    });
    expect(booking.status).toBe(201);
  });

  it('an expired challenge is refused even with the right solution', async () => {
    const secret = async (name: string) =>
      ((await db.sql.query('SELECT value FROM server_secret WHERE name = $1', [name])).rows[0].value as Buffer).toString('hex');
    const expired = await createChallenge({
      algorithm: 'PBKDF2/SHA-256',
      cost: 100,
      counter: randomInt(20, 10),
      deriveKey,
      expiresAt: new Date(Date.now() - 1000),
      hmacSignatureSecret: await secret('challenge'),
      hmacKeySignatureSecret: await secret('challenge-key'),
    });
    expect((await hold(a, '11:00', { 'x-altcha': await solve(expired) })).body.code).toBe('CHALLENGE_INVALID');
  });

  it('used challenges are kept only until they expire (the retention job of every replica removes them)', async () => {
    const used = (await db.sql.query('SELECT count(*)::int AS n FROM used_challenge WHERE expires_at > now()')).rows[0].n;
    expect(used).toBe(2);
    await db.sql.query(`UPDATE used_challenge SET expires_at = now() - interval '1 second'`);
    // The job runs at start-up and every hour: a third replica starting is enough to see it.
    const c = await startApi(db.url, { BOOKING_CHALLENGE: 'on' });
    await c.stop();
    expect((await db.sql.query('SELECT count(*)::int AS n FROM used_challenge')).rows[0].n).toBe(0);
  });

  it('BOOKING_CHALLENGE=off: no header needed', async () => {
    const off = await startApi(db.url, { BOOKING_CHALLENGE: 'off', THROTTLE_LIMIT: '100000' });
    try {
      expect((await hold(off, '11:30')).status).toBe(201);
    } finally {
      await off.stop();
    }
  });
});
