import { mkdtempSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { at, bookingBody, countBy, nextWeekday, post } from './support/booking';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { checkCharacter, fiscalCode } from '../../libs/domain/testing/fiscal-codes.cjs';
import { cookiesOf, requestFrom } from './support/from-address';
import { getJson } from './support/http';
import { insertStaff, STAFF_PASSWORD, StaffClient } from './support/staff';

// Issue "Hardening": each point as the attacker of the issue tried it.

describe('the per-person and per-mailbox limits count people, not spellings', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let office: OfficeFixture;
  const monday = nextWeekday(1);

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    await insertStaff(db.sql, 'operatore', 'operator', [office.officeId]);
    api = await startApi(db.url, { THROTTLE_LIMIT: '100000', MAX_ACTIVE_PER_EMAIL: '3' });
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const book = (start: string, citizen: Record<string, string>) =>
    post(`${api.baseUrl}/api/appointments`, {
      ...bookingBody(office.officeId, office.serviceId, start, 0),
      citizen: { firstName: 'Mario', lastName: 'Rossi', ...citizen },
    });

  it('one person held four CIE appointments with four omocodia spellings: now only the first books', async () => {
    const spellings = ['FMMHPG93H18A556X', 'FMMHPG93H18A55SU', 'FMMHPG93H18ARRSB', 'FMMHPGVPHMUARRSK'];
    const times = ['08:30', '09:00', '09:30', '10:00'];
    const answers = [];
    for (const [i, code] of spellings.entries()) answers.push(await book(at(monday, times[i]), { fiscalCode: code, email: `persona${i}@example.it` }));
    expect(answers.map((a) => a.status)).toEqual([201, 409, 409, 409]);
    expect(answers.slice(1).map((a) => a.body.code)).toEqual(['LIMIT_REACHED', 'LIMIT_REACHED', 'LIMIT_REACHED']);
    // Lower case and spaces are the same person too.
    expect((await book(at(monday, '10:30'), { fiscalCode: 'fmmhpg 93h18 arrsb', email: 'persona9@example.it' })).body.code).toBe('LIMIT_REACHED');
    const { rows } = await db.sql.query(`SELECT fiscal_code, fiscal_code_key FROM appointment WHERE status = 'BOOKED'`);
    expect(rows).toEqual([{ fiscal_code: 'FMMHPG93H18A556X', fiscal_code_key: 'FMMHPG93H18A556' }]);
  });

  it('the agenda finds the person under any spelling of the codice fiscale', async () => {
    const operator = await StaffClient.login(api.baseUrl, 'operatore');
    const found = await operator.get(`/api/offices/${office.officeId}/agenda?date=${monday.toISODate()}&q=FMMHPGVPHMUARRSK`);
    expect(found.status).toBe(200);
    expect(found.body.map((a: { fiscalCode: string }) => a.fiscalCode)).toEqual(['FMMHPG93H18A556X']);
  });

  it('MAX_ACTIVE_PER_EMAIL active bookings per mailbox across codici fiscali (sub-addresses and case count as one), then 409 LIMIT_REACHED', async () => {
    const mailbox = ['famiglia@example.it', 'Famiglia+due@Example.it', 'famiglia+tre@example.it', 'famiglia+quattro@example.it'];
    const answers = [];
    for (const [i, email] of mailbox.entries())
      answers.push(await book(at(monday, ['11:00', '11:30', '12:00', '14:30'][i]), { fiscalCode: fiscalCode(500 + i), email }));
    // Four codici fiscali, one mailbox (persona0… above were other mailboxes).
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 409]);
    expect(answers[3].body).toMatchObject({ code: 'LIMIT_REACHED', message: expect.stringContaining('3 prenotazioni attive') });
  });
});

describe('the client address comes from TRUST_PROXY only', () => {
  let db: TestDatabase;
  let office: OfficeFixture;
  const monday = nextWeekday(1, 10);

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    await insertStaff(db.sql, 'operatore', 'operator', [office.officeId]);
  });

  afterAll(async () => {
    await db?.drop();
  });

  const holdBody = (time: string) => ({ officeId: office.officeId, serviceId: office.serviceId, start: at(monday, time) });
  const freeHolds = () => db.sql.query(`UPDATE slot_seat SET claim_kind = NULL, claim_id = NULL, claim_expires_at = NULL WHERE claim_kind = 'HOLD'`);
  const slots = ['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '14:30', '15:00'];

  it('unset: 40 holds with 40 different X-Forwarded-For headers are one client, 3 granted; two real addresses are two clients', async () => {
    const api = await startApi(db.url, { THROTTLE_LIMIT: '100000', MAX_HOLDS_PER_CLIENT: '3' });
    try {
      const answers = [];
      for (let i = 0; i < 40; i++)
        answers.push(await post(`${api.baseUrl}/api/holds`, holdBody(slots[i % slots.length]), { 'x-forwarded-for': `203.0.113.${i + 1}` }));
      expect(countBy(answers, (a) => a.status)).toEqual({ 201: 3, 429: 37 });
      expect(answers[3].body.code).toBe('HOLD_LIMIT_REACHED');
      await freeHolds();
      const five = [];
      const six = [];
      for (let i = 0; i < 4; i++) {
        five.push((await requestFrom('127.0.0.5', `${api.baseUrl}/api/holds`, { body: holdBody(slots[i]) })).status);
        six.push((await requestFrom('127.0.0.6', `${api.baseUrl}/api/holds`, { body: holdBody(slots[i + 4]) })).status);
      }
      expect(five).toEqual([201, 201, 201, 429]);
      expect(six).toEqual([201, 201, 201, 429]);
    } finally {
      await api.stop();
      await freeHolds();
    }
  });

  it('unset: the public write throttle and the login throttle ignore X-Forwarded-For too', async () => {
    const api = await startApi(db.url, { THROTTLE_LIMIT: '5', LOGIN_THROTTLE_LIMIT: '3' });
    try {
      const holds = [];
      for (let i = 0; i < 6; i++)
        holds.push((await post(`${api.baseUrl}/api/holds`, { officeId: 'nonsense' }, { 'x-forwarded-for': `198.51.100.${i}` })).status);
      expect(holds).toEqual([400, 400, 400, 400, 400, 429]);
      const logins = [];
      for (let i = 0; i < 4; i++)
        logins.push(
          (await post(`${api.baseUrl}/api/auth/login`, { username: 'operatore', password: 'wrong' }, { 'x-forwarded-for': `198.51.100.${i}` })).status,
        );
      expect(logins).toEqual([401, 401, 401, 429]);
      // Another real address has its own budget.
      expect((await requestFrom('127.0.0.7', `${api.baseUrl}/api/auth/login`, { body: { username: 'operatore', password: STAFF_PASSWORD } })).status).toBe(200);
    } finally {
      await api.stop();
    }
  });

  it('a list of proxies: X-Forwarded-For is believed from those addresses only', async () => {
    const api = await startApi(db.url, { THROTTLE_LIMIT: '100000', MAX_HOLDS_PER_CLIENT: '1', TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' });
    try {
      const viaProxy = [];
      for (let i = 0; i < 3; i++)
        viaProxy.push((await post(`${api.baseUrl}/api/holds`, holdBody(slots[i]), { 'x-forwarded-for': `203.0.113.${i + 1}` })).status);
      expect(viaProxy).toEqual([201, 201, 201]);
      // 127.0.0.5 is no proxy of ours: its header is a lie, and it is one client.
      const direct = [];
      for (let i = 0; i < 2; i++)
        direct.push(
          (await requestFrom('127.0.0.5', `${api.baseUrl}/api/holds`, { body: holdBody(slots[i + 3]), headers: { 'x-forwarded-for': `203.0.113.${50 + i}` } }))
            .status,
        );
      expect(direct).toEqual([201, 429]);
    } finally {
      await api.stop();
      await freeHolds();
    }
  });

  it('a number of hops: the address that many hops back is the client', async () => {
    const api = await startApi(db.url, { THROTTLE_LIMIT: '100000', MAX_HOLDS_PER_CLIENT: '1', TRUST_PROXY: '1' });
    try {
      // One proxy (the socket) adds the client's address at the end: "forged, client".
      const a = await post(`${api.baseUrl}/api/holds`, holdBody(slots[0]), { 'x-forwarded-for': '192.0.2.1, 203.0.113.7' });
      const b = await post(`${api.baseUrl}/api/holds`, holdBody(slots[1]), { 'x-forwarded-for': '192.0.2.2, 203.0.113.7' });
      const c = await post(`${api.baseUrl}/api/holds`, holdBody(slots[2]), { 'x-forwarded-for': '192.0.2.1, 203.0.113.8' });
      expect([a.status, b.status, c.status]).toEqual([201, 429, 201]);
    } finally {
      await api.stop();
      await freeHolds();
    }
  });
});

describe('a lock-out that cannot be turned against the user (OWASP device cookies)', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let userId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const office = await insertOffice(db.sql);
    userId = await insertStaff(db.sql, 'admin', 'admin', []);
    await insertStaff(db.sql, 'operatore', 'operator', [office.officeId]);
    api = await startApi(db.url, { LOGIN_THROTTLE_LIMIT: '100000', LOGIN_MAX_FAILURES: '5', LOGIN_ACCOUNT_MAX_FAILURES: '12' });
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const login = (address: string, password: string, cookie?: string, username = 'admin') =>
    requestFrom(address, `${api.baseUrl}/api/auth/login`, { body: { username, password }, headers: { 'accept-language': 'en', ...(cookie && { cookie }) } });

  it('after 10 wrong passwords from 127.0.0.5, the right password from 127.0.0.6 answers 200; 127.0.0.5 gets 429 ACCOUNT_LOCKED after LOGIN_MAX_FAILURES', async () => {
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await login('127.0.0.5', `wrong-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429, 429, 429, 429]);
    const locked = await login('127.0.0.5', STAFF_PASSWORD);
    expect(locked).toMatchObject({ status: 429, body: { code: 'ACCOUNT_LOCKED' } });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('127.0.0.6', STAFF_PASSWORD)).status).toBe(200);
  });

  it('past the account budget only browsers with a device cookie get in; the cookie is signed, per account and HttpOnly', async () => {
    await db.sql.query('DELETE FROM staff_login_failure');
    await db.sql.query('UPDATE staff_user SET failed_attempts = 0, first_failed_at = NULL, locked_until = NULL');
    const first = await login('127.0.0.9', STAFF_PASSWORD);
    expect(first.status).toBe(200);
    const device = [...cookiesOf(first)].find(([name]) => name.startsWith('sportello_device_')) as [string, string];
    expect(device).toBeDefined();
    expect(first.headers['set-cookie']?.find((c) => c.startsWith(device[0]))).toMatch(
      /; Max-Age=15552000; Path=\/api\/auth; Expires=[^;]+; HttpOnly; SameSite=Strict$/,
    );
    const deviceCookie = `${device[0]}=${device[1]}`;

    // An attacker with many addresses: 5 wrong passwords each from 127.0.1.1, 127.0.1.2, 127.0.1.3.
    for (const address of ['127.0.1.1', '127.0.1.2', '127.0.1.3']) for (let i = 0; i < 5; i++) await login(address, `guess-${address}-${i}`);
    // 15 counted ≥ LOGIN_ACCOUNT_MAX_FAILURES (12): closed to clients it does not know.
    expect(await login('127.0.2.1', STAFF_PASSWORD)).toMatchObject({ status: 429, body: { code: 'ACCOUNT_LOCKED' } });
    // The admin's own browser still gets in, from any address, even one locked out itself.
    expect((await login('127.0.0.9', STAFF_PASSWORD, deviceCookie)).status).toBe(200);
    expect((await login('127.0.1.1', STAFF_PASSWORD, deviceCookie)).status).toBe(200);
    // A tampered or another account's cookie is no device cookie.
    const [id, issued, signature] = device[1].split('.');
    expect((await login('127.0.0.9', STAFF_PASSWORD, `${device[0]}=${id}.${Number(issued) - 1}.${signature}`)).status).toBe(429);
    expect((await login('127.0.0.9', STAFF_PASSWORD, deviceCookie, 'operatore')).status).toBe(200);
    // Wrong passwords with the cookie are counted against that device only (5 of them lock it).
    for (let i = 0; i < 5; i++) await login('127.0.0.9', `device-wrong-${i}`, deviceCookie);
    expect((await login('127.0.0.9', STAFF_PASSWORD, deviceCookie)).status).toBe(429);
    const scopes = (
      await db.sql.query(
        `SELECT scope, count(*)::int AS n FROM staff_login_failure WHERE staff_user_id = $1 AND locked_until > now() GROUP BY scope ORDER BY scope`,
        [userId],
      )
    ).rows;
    // 127.0.1.3's last three guesses met the closed account and were not even tried: two addresses locked.
    expect(scopes).toEqual([
      { scope: 'ADDRESS', n: 2 },
      { scope: 'DEVICE', n: 1 },
    ]);
    // No address is stored: only keyed hashes.
    const keys = (await db.sql.query('SELECT client_key FROM staff_login_failure')).rows.map((r) => (r.client_key as Buffer).toString('latin1'));
    expect(keys.join('')).not.toMatch(/127\.0\./);
  });

  it('records logins, failed logins, lock-outs and logouts in the audit log, never the password', async () => {
    const client = await StaffClient.login(api.baseUrl, 'operatore');
    expect((await client.send('POST', '/api/auth/logout', {})).status).toBe(204);
    await post(`${api.baseUrl}/api/auth/login`, { username: 'nessuno', password: 'segreto-sbagliato' });
    const { rows } = await db.sql.query(`SELECT action, actor_username, entity_id, details FROM audit_entry WHERE entity = 'staff_user' ORDER BY at`);
    const actions = countBy(rows, (r) => r.action);
    expect(actions['LOGIN']).toBeGreaterThanOrEqual(5);
    expect(actions['LOGIN_FAILED']).toBeGreaterThanOrEqual(30);
    expect(actions['LOGOUT']).toBe(1);
    expect(
      rows
        .filter((r) => r.action === 'LOCKED_OUT')
        .map((r) => r.details.scope)
        .sort(),
    ).toEqual(['ACCOUNT', 'ADDRESS', 'ADDRESS', 'ADDRESS', 'DEVICE']);
    expect(rows.find((r) => r.action === 'LOGIN_FAILED' && r.details.reason === 'UNKNOWN_ACCOUNT')).toMatchObject({ actor_username: null, entity_id: null });
    expect(rows.find((r) => r.action === 'LOGIN_FAILED' && r.details.reason === 'WRONG_PASSWORD')).toMatchObject({
      actor_username: 'admin',
      entity_id: userId,
      details: { device: 'UNKNOWN' },
    });
    const text = JSON.stringify(rows);
    for (const secret of [STAFF_PASSWORD, 'wrong-', 'guess-', 'segreto-sbagliato', 'nessuno', '127.0.']) expect(text).not.toContain(secret);
  });
});

describe('bad input never gets a 500: dates, e-mail addresses, passwords', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let office: OfficeFixture;
  let admin: StaffClient;
  let manager: StaffClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    await insertStaff(db.sql, 'admin', 'admin', []);
    await insertStaff(db.sql, 'responsabile', 'manager', [office.officeId]);
    api = await startApi(db.url, { THROTTLE_LIMIT: '100000' });
    [admin, manager] = await Promise.all([StaffClient.login(api.baseUrl, 'admin'), StaffClient.login(api.baseUrl, 'responsabile')]);
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const fields = (reply: { body: { errors?: Array<{ field: string }> } }) => reply.body.errors?.map((e) => e.field);

  it.each(['9999-12-31', '1893-06-01'])('%s: 400 naming the field on availability, agenda, stats, audit and closures', async (date) => {
    const id = office.officeId;
    const availability = await getJson(`${api.baseUrl}/api/availability?officeId=${id}&serviceId=${office.serviceId}&from=${date}&to=${date}`);
    expect([availability.status, fields(availability)]).toEqual([400, ['from', 'to']]);
    const agenda = await manager.get(`/api/offices/${id}/agenda?date=${date}`);
    expect([agenda.status, fields(agenda)]).toEqual([400, ['date']]);
    for (const stats of ['summary', 'services', 'outcomes', 'heatmap', 'trend']) {
      const reply = await manager.get(`/api/stats/${stats}?from=${date}&to=${date}`);
      expect([stats, reply.status, fields(reply)]).toEqual([stats, 400, ['from', 'to']]);
    }
    const history = await manager.get(`/api/stats/history?officeId=${id}&from=${date.slice(0, 7)}&to=${date.slice(0, 7)}`);
    expect([history.status, fields(history)]).toEqual([400, ['from', 'to']]);
    const counters = await manager.send('PUT', `/api/stats/counters/${id}/${date.slice(0, 7)}`, { phoneCalls: 1 });
    expect([counters.status, fields(counters)]).toEqual([400, ['month']]);
    const audit = await admin.get(`/api/audit?from=${date}&to=${date}`);
    expect([audit.status, fields(audit)]).toEqual([400, ['from', 'to']]);
    const closure = await manager.send('POST', `/api/offices/${id}/closures`, { from: date, to: date, reason: 'prova' });
    expect([closure.status, fields(closure)]).toEqual([400, ['from', 'to']]);
    const settings = await admin.get(`/api/admin/offices/${id}/settings`);
    const mandate = await admin.send('PUT', `/api/admin/offices/${id}/settings`, {
      ...settings.body,
      defaults: undefined,
      mandateStart: date,
      mandateEnd: null,
    });
    expect([mandate.status, fields(mandate)]).toEqual([400, ['mandateStart']]);
    const start = `${date}T09:00:00+01:00`;
    const hold = await post(`${api.baseUrl}/api/holds`, { officeId: id, serviceId: office.serviceId, start });
    expect([hold.status, fields(hold)]).toEqual([400, ['start']]);
    const booking = await post(`${api.baseUrl}/api/appointments`, bookingBody(id, office.serviceId, start, 1));
    expect([booking.status, fields(booking)]).toEqual([400, ['start']]);
    expect(availability.body.errors[0].message).toContain('2000-01-01');
  });

  it('refuses quoted local parts and anything nodemailer would rewrite; the address stored is the address mailed', async () => {
    const start = at(nextWeekday(1), '08:30');
    for (const email of [
      '"<script>"@example.org',
      '"mario rossi"@example.org',
      'Mario <mario@example.org>',
      'mario(x)@example.org',
      'a@example.org, b@example.org',
      'mario@exämple.org',
      'mario@[127.0.0.1]',
    ]) {
      const refused = await post(`${api.baseUrl}/api/appointments`, {
        ...bookingBody(office.officeId, office.serviceId, start, 3),
        citizen: { firstName: 'Mario', lastName: 'Rossi', fiscalCode: fiscalCode(3), email },
      });
      expect([email, refused.status, fields(refused)]).toEqual([email, 400, ['citizen.email']]);
      const waitlist = await post(`${api.baseUrl}/api/waitlist`, {
        officeId: office.officeId,
        serviceId: office.serviceId,
        email,
        language: 'it',
        privacyAccepted: true,
      });
      expect([email, waitlist.status, fields(waitlist)]).toEqual([email, 400, ['email']]);
    }
    expect((await db.sql.query(`SELECT count(*)::int AS n FROM appointment WHERE email LIKE '%"%' OR email LIKE '%<%'`)).rows[0].n).toBe(0);
  });

  it('staff passwords: zxcvbn score ≥ 3 and no username or display name, 400 naming password (create and reset)', async () => {
    const create = (password: string, username = 'nuovo.collega', displayName = 'Giulia Neri') =>
      admin.send(
        'POST',
        '/api/admin/staff-users',
        { username, displayName, role: 'operator', password, officeIds: [office.officeId] },
        { headers: { 'accept-language': 'en' } },
      );
    for (const password of ['password1234', 'aaaaaaaaaaaa', '123456789012']) {
      const refused = await create(password);
      expect([password, refused.status, refused.body.errors]).toEqual([
        password,
        400,
        [{ field: 'password', message: expect.stringContaining('too easy to guess') }],
      ]);
    }
    expect((await create('nuovo.collega-lanterna-77')).body.errors).toEqual([
      { field: 'password', message: 'The password may not contain the username or the display name.' },
    ]);
    expect((await create('lanterna NERI vulcano 7')).body.errors).toEqual([
      { field: 'password', message: 'The password may not contain the username or the display name.' },
    ]);
    const created = await create('ombrello vulcano biscotto lanterna');
    expect(created.status).toBe(201);
    const reset = await admin.send('POST', `/api/admin/staff-users/${created.body.id}/password`, { password: 'password1234' });
    expect([reset.status, fields(reset)]).toEqual([400, ['password']]);
    const named = await admin.send('POST', `/api/admin/staff-users/${created.body.id}/password`, { password: 'giulia-tramonto-lanterna' });
    expect([named.status, fields(named)]).toEqual([400, ['password']]);
    expect((await admin.send('POST', `/api/admin/staff-users/${created.body.id}/password`, { password: 'pentola finestra cometa' })).status).toBe(204);
  });
});

describe('security headers on every answer', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('CSP with hashed inline scripts (no unsafe-inline, no unsafe-eval), nosniff, no-referrer, frame-ancestors self, camera only for the site, no HSTS over http', async () => {
    const web = mkdtempSync(path.join(os.tmpdir(), 'sportello-web-'));
    const inline = `document.documentElement.setAttribute('data-shell', 'home');`;
    writeFileSync(
      path.join(web, 'index.html'),
      `<!doctype html><html><head><script>${inline}</script><script src="main.js" type="module"></script></head><body></body></html>`,
    );
    writeFileSync(path.join(web, 'main.js'), 'export {};');
    const api = await startApi(db.url, { WEB_DIST: web });
    try {
      for (const url of ['/', '/prenota/x', '/main.js', '/api/health/live', '/api/nonexistent', '/api/offices']) {
        const response = await fetch(`${api.baseUrl}${url}`);
        const csp = response.headers.get('content-security-policy') ?? '';
        const scripts = /(?:^|;)\s*script-src ([^;]+)/.exec(csp)?.[1] ?? '';
        expect([url, scripts]).toEqual([url, `'self' 'sha256-${createHash('sha256').update(inline).digest('base64')}'`]);
        expect(csp).not.toMatch(/unsafe-eval/);
        expect(csp).toContain("frame-ancestors 'self'");
        expect(csp).toContain("script-src-attr 'none'");
        expect(csp).toContain("object-src 'none'");
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
        expect(response.headers.get('permissions-policy')).toContain('camera=(self)');
        expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
        expect(response.headers.get('strict-transport-security')).toBeNull();
      }
    } finally {
      await api.stop();
    }
  });

  it('HSTS when PUBLIC_URL is https', async () => {
    const api = await startApi(db.url, { PUBLIC_URL: 'https://prenota.example.it' });
    try {
      const response = await fetch(`${api.baseUrl}/api/health/live`);
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    } finally {
      await api.stop();
    }
  });
});

// The test-only generator keeps its own check character; this keeps it honest for the spellings above.
test('the spellings of the issue are valid codes of the test generator too', () => {
  for (const code of ['FMMHPG93H18A556X', 'FMMHPG93H18A55SU', 'FMMHPG93H18ARRSB', 'FMMHPGVPHMUARRSK']) expect(checkCharacter(code.slice(0, 15))).toBe(code[15]);
});
