import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createTestDatabase, runApi, RunningApi, startApi, TestDatabase } from './support/api-process';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { insertAppointment } from './support/frontdesk';
import { getJson } from './support/http';
import { API_MAIN } from './support/paths';
import { requestFrom } from './support/from-address';
import { captureLogs } from './support/smtp';
import { insertStaff, STAFF_PASSWORD, StaffClient } from './support/staff';

const sha256 = (text: string) => createHash('sha256').update(text).digest();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('staff accounts: login, sessions, CSRF, roles and offices (real PostgreSQL)', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let logs: () => string;
  let officeA: OfficeFixture;
  let officeB: OfficeFixture;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    officeA = await insertOffice(db.sql, 'A');
    officeB = await insertOffice(db.sql, 'B');
    await db.sql.query(`UPDATE office SET name = 'Ufficio B' WHERE id = $1`, [officeB.officeId]);
    ids['operator'] = await insertStaff(db.sql, 'operatore.a', 'operator', [officeA.officeId]);
    ids['manager'] = await insertStaff(db.sql, 'responsabile.a', 'manager', [officeA.officeId]);
    ids['managerB'] = await insertStaff(db.sql, 'responsabile.b', 'manager', [officeB.officeId]);
    ids['admin'] = await insertStaff(db.sql, 'amministratore', 'admin', []);
    ids['kiosk'] = await insertStaff(db.sql, 'totem.a', 'kiosk', [officeA.officeId]);
    ids['locked'] = await insertStaff(db.sql, 'sfortunato', 'operator', [officeA.officeId]);
    ids['racing'] = await insertStaff(db.sql, 'parallelo', 'operator', [officeA.officeId]);
    ids['inactive'] = await insertStaff(db.sql, 'in.pensione', 'operator', [officeA.officeId]);
    await db.sql.query('UPDATE staff_user SET active = false WHERE id = $1', [ids['inactive']]);
    // One notification per office, to see the office filter of GET /api/notifications.
    for (const [office, key] of [
      [officeA, 'A'],
      [officeB, 'B'],
    ] as const) {
      const appointment = await insertAppointment(db.sql, office.officeId, office.serviceId, new Date(Date.now() + 86_400_000), `CIE-${key}BCDFG`);
      await db.sql.query(`INSERT INTO notification (office_id, appointment_id, kind, dedupe_key, due_at) VALUES ($1, $2, 'CONFIRMATION', $3, now())`, [
        office.officeId,
        appointment.id,
        `TEST:${key}`,
      ]);
    }
    api = await startApi(db.url, { LOGIN_THROTTLE_LIMIT: '100000' });
    logs = captureLogs(api);
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('logs in: 200 with the account and its offices, an HttpOnly session cookie and a readable CSRF cookie', async () => {
    const client = new StaffClient(api.baseUrl);
    const answer = await client.request('POST', '/api/auth/login', { username: 'Operatore.A', password: STAFF_PASSWORD });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      user: {
        id: ids['operator'],
        username: 'operatore.a',
        displayName: 'Utente operatore.a',
        role: 'operator',
        offices: [{ id: officeA.officeId, name: 'Ufficio di prova' }],
      },
    });
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const session = client.lastSetCookies.find((c) => c.startsWith('sportello_session='));
    const xsrf = client.lastSetCookies.find((c) => c.startsWith('XSRF-TOKEN='));
    expect(session).toMatch(/; Max-Age=43200; Path=\/api; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    expect(xsrf).toMatch(/; Path=\/; Expires=[^;]+; SameSite=Strict$/);
    expect(session).not.toContain('Secure');
    // Only the SHA-256 of the token is stored.
    const token = client.cookies.get('sportello_session') as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { rows } = await db.sql.query('SELECT token_hash, staff_user_id, expires_at - created_at AS lifetime FROM staff_session WHERE staff_user_id = $1', [
      ids['operator'],
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toEqual(sha256(token));
    expect(rows[0].lifetime).toMatchObject({ hours: 12 });
    const dump = JSON.stringify((await db.sql.query('SELECT * FROM staff_session')).rows);
    expect(dump).not.toContain(token);

    const me = await client.get('/api/auth/me');
    expect(me).toMatchObject({ status: 200, body: answer.body });
  });

  it('an admin sees every office', async () => {
    const admin = await StaffClient.login(api.baseUrl, 'amministratore');
    const me = await admin.get('/api/auth/me');
    expect(me.body.user.role).toBe('admin');
    expect(me.body.user.offices.map((o: { id: string }) => o.id).sort()).toEqual([officeA.officeId, officeB.officeId].sort());
  });

  it('unknown user, wrong password and inactive account get the same 401, after the same work', async () => {
    const attempt = async (username: string, password: string) => {
      const started = performance.now();
      const answer = await new StaffClient(api.baseUrl).request('POST', '/api/auth/login', { username, password }, { 'accept-language': 'en' });
      return { ...answer, ms: performance.now() - started };
    };
    const wrong = await attempt('responsabile.b', 'not-the-password');
    const unknown = await attempt('nessuno', 'not-the-password');
    const inactive = await attempt('in.pensione', STAFF_PASSWORD);
    for (const answer of [wrong, unknown, inactive]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Wrong username or password.' });
      expect(answer.headers.getSetCookie()).toEqual([]);
    }
    // An unknown user costs an argon2 verification too (a real one takes tens of ms; a
    // shortcut would answer in about 1 ms). Loose bounds: the machine is shared.
    const wrongTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      unknownTimes.push((await attempt(`sconosciuto${i}`, 'not-the-password')).ms);
      wrongTimes.push((await attempt('responsabile.b', 'not-the-password')).ms);
    }
    expect(median(unknownTimes)).toBeGreaterThan(median(wrongTimes) * 0.4);
    await db.sql.query('UPDATE staff_user SET failed_attempts = 0, first_failed_at = NULL, locked_until = NULL WHERE id = $1', [ids['managerB']]);
    await db.sql.query('DELETE FROM staff_login_failure WHERE staff_user_id = $1', [ids['managerB']]);
  });

  it('refuses malformed login bodies with field errors, and anything but JSON (no login CSRF by a form)', async () => {
    const answer = await new StaffClient(api.baseUrl).request('POST', '/api/auth/login', { username: '', password: 42 });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['username', 'password']);
    const form = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=operatore.a&password=${STAFF_PASSWORD}`,
    });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(form.headers.getSetCookie()).toEqual([]);
  });

  it('GET /api/auth/me answers 401 without a session, with a malformed or an expired one', async () => {
    expect(await getJson(`${api.baseUrl}/api/auth/me`)).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    expect((await getJson(`${api.baseUrl}/api/auth/me`, { cookie: 'sportello_session=nonsense' })).status).toBe(401);
    const client = await StaffClient.login(api.baseUrl, 'totem.a');
    expect((await client.get('/api/auth/me')).status).toBe(200);
    await db.sql.query(`UPDATE staff_session SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
      sha256(client.cookies.get('sportello_session') as string),
    ]);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('logout needs the CSRF header, deletes the session and clears the cookies; the old cookie no longer works', async () => {
    const client = await StaffClient.login(api.baseUrl, 'responsabile.a');
    const token = client.cookies.get('sportello_session') as string;
    const copy = new StaffClient(api.baseUrl);
    copy.cookies.set('sportello_session', token);

    const withoutHeader = await client.send('POST', '/api/auth/logout', {}, { csrf: false });
    expect(withoutHeader).toMatchObject({ status: 403, body: { code: 'CSRF_TOKEN_INVALID' } });
    const forged = await client.send('POST', '/api/auth/logout', {}, { csrf: false, headers: { 'x-xsrf-token': 'forged' } });
    expect(forged.status).toBe(403);
    expect((await client.get('/api/auth/me')).status).toBe(200);

    const out = await client.send('POST', '/api/auth/logout', {});
    expect(out.status).toBe(204);
    expect(client.lastSetCookies.some((c) => c.startsWith('sportello_session=;') && c.includes('Path=/api'))).toBe(true);
    expect(client.lastSetCookies.some((c) => c.startsWith('XSRF-TOKEN=;') && c.includes('Path=/'))).toBe(true);
    expect((await db.sql.query('SELECT 1 FROM staff_session WHERE token_hash = $1', [sha256(token)])).rowCount).toBe(0);
    expect((await copy.get('/api/auth/me')).status).toBe(401);
    expect((await copy.get('/api/notifications')).status).toBe(401);
    // Logging out again, or without any session, is harmless.
    expect((await new StaffClient(api.baseUrl).send('POST', '/api/auth/logout', {})).status).toBe(204);
  });

  it('the audit log records logins, logouts and refused logins with the reason; never a password, never the text typed for an unknown account', async () => {
    await db.sql.query('DELETE FROM audit_entry');
    const client = await StaffClient.login(api.baseUrl, 'operatore.a');
    await client.send('POST', '/api/auth/logout', {});
    const login = (username: string, password: string) => new StaffClient(api.baseUrl).request('POST', '/api/auth/login', { username, password });
    await login('Operatore.A', 'not-the-password');
    await login('s3gret0-typed-as-username', 'whatever');
    await login('in.pensione', STAFF_PASSWORD);
    const rows = await db.sql.query(`SELECT action, entity, entity_id, actor_username, details FROM audit_entry ORDER BY at, action`);
    expect(rows.rows).toEqual([
      // A first login from this client: no device cookie yet (the hardening's lock-out).
      { action: 'LOGIN', entity: 'staff_user', entity_id: ids['operator'], actor_username: 'operatore.a', details: { device: 'UNKNOWN' } },
      { action: 'LOGOUT', entity: 'staff_user', entity_id: ids['operator'], actor_username: 'operatore.a', details: {} },
      {
        action: 'LOGIN_FAILED',
        entity: 'staff_user',
        entity_id: ids['operator'],
        actor_username: 'operatore.a',
        details: { reason: 'WRONG_PASSWORD', device: 'UNKNOWN' },
      },
      { action: 'LOGIN_FAILED', entity: 'staff_user', entity_id: null, actor_username: null, details: { reason: 'UNKNOWN_ACCOUNT' } },
      { action: 'LOGIN_FAILED', entity: 'staff_user', entity_id: ids['inactive'], actor_username: 'in.pensione', details: { reason: 'INACTIVE' } },
    ]);
    const text = JSON.stringify(rows.rows);
    for (const secret of ['not-the-password', 's3gret0', STAFF_PASSWORD]) expect(text).not.toContain(secret);
    await db.sql.query('UPDATE staff_user SET failed_attempts = 0, first_failed_at = NULL, locked_until = NULL');
  });

  it('a deactivated account loses its open sessions at once', async () => {
    const racing = await StaffClient.login(api.baseUrl, 'parallelo');
    await db.sql.query('UPDATE staff_user SET active = false WHERE id = $1', [ids['racing']]);
    expect((await racing.get('/api/auth/me')).status).toBe(401);
    await db.sql.query('UPDATE staff_user SET active = true WHERE id = $1', [ids['racing']]);
  });

  it('GET /api/notifications: managers and admins only (operator and kiosk 403, nobody 401)', async () => {
    expect(await getJson(`${api.baseUrl}/api/notifications`)).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    for (const username of ['operatore.a', 'totem.a']) {
      const client = await StaffClient.login(api.baseUrl, username);
      expect(await client.get('/api/notifications')).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    }
    const manager = await StaffClient.login(api.baseUrl, 'responsabile.a');
    const listed = await manager.get('/api/notifications');
    expect(listed.status).toBe(200);
    expect(listed.body.map((n: { bookingCode: string | null }) => n.bookingCode)).toEqual(['CIE-ABCDFG']);
    const admin = await StaffClient.login(api.baseUrl, 'amministratore');
    expect((await admin.get('/api/notifications')).body).toHaveLength(2);
  });

  it('office check: each manager sees the notifications of their own offices; another office is 403 FORBIDDEN_OFFICE', async () => {
    const managerA = await StaffClient.login(api.baseUrl, 'responsabile.a');
    const managerB = await StaffClient.login(api.baseUrl, 'responsabile.b');
    const rowsOf = async (officeId: string) => (await db.sql.query('SELECT id FROM notification WHERE office_id = $1', [officeId])).rows.map((r) => r.id);
    expect((await managerA.get('/api/notifications')).body.map((n: { id: string }) => n.id)).toEqual(await rowsOf(officeA.officeId));
    expect((await managerB.get('/api/notifications')).body.map((n: { id: string }) => n.id)).toEqual(await rowsOf(officeB.officeId));
    expect((await managerA.get(`/api/notifications?officeId=${officeA.officeId}`)).status).toBe(200);
    expect(await managerA.get(`/api/notifications?officeId=${officeB.officeId}`, { 'accept-language': 'it' })).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN_OFFICE', message: 'Non sei abilitato a operare per questo ufficio.' },
    });
    const admin = await StaffClient.login(api.baseUrl, 'amministratore');
    expect((await admin.get(`/api/notifications?officeId=${officeB.officeId}`)).body.map((n: { id: string }) => n.id)).toEqual(await rowsOf(officeB.officeId));
  });

  it('locks out the address after 5 wrong passwords within 15 minutes: 429 ACCOUNT_LOCKED with Retry-After, even for the right password; other addresses still get in', async () => {
    const attempt = (password: string) =>
      new StaffClient(api.baseUrl).request('POST', '/api/auth/login', { username: 'sfortunato', password }, { 'accept-language': 'en' });
    for (let i = 1; i <= 4; i++) expect((await attempt(`wrong-${i}`)).status).toBe(401);
    const fifth = await attempt('wrong-5');
    expect(fifth.status).toBe(429);
    expect(fifth.body).toEqual({
      statusCode: 429,
      code: 'ACCOUNT_LOCKED',
      message: 'Too many failed attempts: this account is locked. Try again in 15 minutes.',
    });
    expect(Number(fifth.headers.get('retry-after'))).toBeGreaterThan(890);
    expect(Number(fifth.headers.get('retry-after'))).toBeLessThanOrEqual(900);
    const right = await attempt(STAFF_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.headers.getSetCookie()).toEqual([]);
    const { rows } = await db.sql.query(
      `SELECT scope, failed_attempts, locked_until > now() + interval '14 minutes' AS locked FROM staff_login_failure WHERE staff_user_id = $1`,
      [ids['locked']],
    );
    expect(rows).toEqual([{ scope: 'ADDRESS', failed_attempts: 5, locked: true }]);
    // The account's budget for unknown clients counted them, far from closing it.
    expect((await db.sql.query('SELECT failed_attempts, locked_until FROM staff_user WHERE id = $1', [ids['locked']])).rows[0]).toEqual({
      failed_attempts: 5,
      locked_until: null,
    });
    expect(logs()).toContain(`staff account ${ids['locked']}: one address locked out for 15 min after 5 failed logins`);
    // Another address is not locked out.
    expect((await requestFrom('127.0.0.6', `${api.baseUrl}/api/auth/login`, { body: { username: 'sfortunato', password: STAFF_PASSWORD } })).status).toBe(200);

    // Fifteen minutes pass: the right password works from this address too, and its count goes.
    await db.sql.query(`UPDATE staff_login_failure SET locked_until = now() - interval '1 second' WHERE staff_user_id = $1`, [ids['locked']]);
    expect((await attempt(STAFF_PASSWORD)).status).toBe(200);
    expect((await db.sql.query('SELECT count(*)::int AS n FROM staff_login_failure WHERE staff_user_id = $1', [ids['locked']])).rows[0].n).toBe(0);
    expect((await db.sql.query('SELECT failed_attempts, first_failed_at, locked_until FROM staff_user WHERE id = $1', [ids['locked']])).rows[0]).toEqual({
      failed_attempts: 0,
      first_failed_at: null,
      locked_until: null,
    });
  });

  it('counts parallel wrong passwords one by one (row lock), so a burst cannot get around the lock-out', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => new StaffClient(api.baseUrl).request('POST', '/api/auth/login', { username: 'parallelo', password: `wrong-${i}` })),
    );
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(4);
    expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
    const { rows } = await db.sql.query('SELECT failed_attempts, locked_until IS NOT NULL AS locked FROM staff_login_failure WHERE staff_user_id = $1', [
      ids['racing'],
    ]);
    expect(rows).toEqual([{ failed_attempts: 5, locked: true }]);
    // Each of the eight counts against the account's budget (50 by default): none is lost.
    expect((await db.sql.query('SELECT failed_attempts FROM staff_user WHERE id = $1', [ids['racing']])).rows[0].failed_attempts).toBe(8);
  });

  it('logs account ids only: no usernames, passwords or tokens', () => {
    const output = logs();
    expect(output).toContain('logged in');
    expect(output).not.toMatch(/operatore\.a|responsabile|amministratore|sfortunato|una-password-lunga|wrong-\d|not-the-password|sportello_session=/);
  });
});

describe('staff login behind https, and the login rate limit', () => {
  let db: TestDatabase;
  let api: RunningApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    const office = await insertOffice(db.sql);
    await insertStaff(db.sql, 'operatore', 'operator', [office.officeId]);
    api = await startApi(db.url, { PUBLIC_URL: 'https://prenota.example.it', LOGIN_THROTTLE_LIMIT: '3' });
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('marks the cookies Secure when PUBLIC_URL is https', async () => {
    const client = new StaffClient(api.baseUrl);
    expect((await client.request('POST', '/api/auth/login', { username: 'operatore', password: STAFF_PASSWORD })).status).toBe(200);
    expect(client.lastSetCookies.map((c) => c.split('=')[0])).toEqual([
      'sportello_session',
      'XSRF-TOKEN',
      expect.stringMatching(/^sportello_device_[0-9a-f]{12}$/),
    ]);
    for (const cookie of client.lastSetCookies) expect(cookie).toContain('; Secure');
  });

  it('allows LOGIN_THROTTLE_LIMIT attempts per minute per client, then 429 with Retry-After', async () => {
    // One attempt was used by the test above.
    const attempts = [];
    for (let i = 0; i < 3; i++)
      attempts.push(await new StaffClient(api.baseUrl).request('POST', '/api/auth/login', { username: 'operatore', password: 'wrong' }));
    expect(attempts.map((a) => a.status)).toEqual([401, 401, 429]);
    expect(attempts[2].body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(attempts[2].headers.get('retry-after'))).toBeGreaterThan(0);
    // Other endpoints keep their own limit.
    expect((await getJson(`${api.baseUrl}/api/offices`)).status).toBe(200);
  });
});

describe('create-admin command and demo accounts', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await insertOffice(db.sql);
  });

  afterAll(async () => {
    await db?.drop();
  });

  const staffRows = async () => (await db.sql.query('SELECT username, role, active FROM staff_user ORDER BY username')).rows;

  it('creates an admin from ADMIN_PASSWORD; refuses weak passwords, taken usernames and bad arguments', async () => {
    const weak = await runApi(['create-admin', '--username', 'capo'], { DATABASE_URL: db.url, ADMIN_PASSWORD: 'short-pass1' });
    expect(weak.code).toBe(1);
    expect(weak.output).toContain('at least 12 characters');
    for (const guessable of ['password1234', 'aaaaaaaaaaaa', '123456789012']) {
      const refused = await runApi(['create-admin', '--username', 'capo'], { DATABASE_URL: db.url, ADMIN_PASSWORD: guessable });
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('too easy to guess');
    }
    const named = await runApi(['create-admin', '--username', 'capo.ufficio', '--name', 'Capo ufficio'], {
      DATABASE_URL: db.url,
      ADMIN_PASSWORD: 'Capo.Ufficio-lanterna-77',
    });
    expect(named.code).toBe(1);
    expect(named.output).toContain('may not contain the username or the display name');
    expect(await staffRows()).toEqual([]);

    const created = await runApi(['create-admin', '--username', 'Capo.Ufficio', '--name', 'Capo ufficio'], {
      DATABASE_URL: db.url,
      ADMIN_PASSWORD: 'una-password-molto-lunga',
    });
    expect(created.code).toBe(0);
    expect(created.output).toContain('Created the admin account');
    expect(created.output).not.toContain('una-password-molto-lunga');
    expect(await staffRows()).toEqual([{ username: 'capo.ufficio', role: 'admin', active: true }]);

    const again = await runApi(['create-admin', '--username', 'CAPO.UFFICIO'], { DATABASE_URL: db.url, ADMIN_PASSWORD: 'un-altra-password-lunga' });
    expect(again.code).toBe(1);
    expect(again.output).toContain('already exists');

    const bad = await runApi(['create-admin'], { DATABASE_URL: db.url, ADMIN_PASSWORD: 'una-password-molto-lunga' });
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('--username is required');
    // Eight runs of the CLI, each a fresh Node process loading Nest and zxcvbn's dictionaries:
    // a few seconds each, several times that on a machine under load (it timed out at 30 s in CI).
  }, 120_000);

  it('reads the password from piped standard input when ADMIN_PASSWORD is not set', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.url };
    delete env['ADMIN_PASSWORD'];
    const child = spawn(process.execPath, [API_MAIN, 'create-admin', '--username', 'seconda.admin'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.stdin.end('password-da-pipe-123\n');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect({ code, output }).toMatchObject({ code: 0, output: expect.stringContaining('Created the admin account') });
    expect(output).not.toContain('password-da-pipe-123');
  });

  it('the new admin logs in; without DEMO_MODE no demo account exists', async () => {
    // DEMO_MODE=false applies the production rules: this test api serves plain http on loopback.
    const api = await startApi(db.url, { DEMO_MODE: 'false', ALLOW_HTTP: 'true' });
    try {
      const admin = await StaffClient.login(api.baseUrl, 'capo.ufficio', 'una-password-molto-lunga');
      expect((await admin.get('/api/auth/me')).body.user).toMatchObject({ username: 'capo.ufficio', displayName: 'Capo ufficio', role: 'admin' });
      expect(
        await StaffClient.login(api.baseUrl, 'seconda.admin', 'password-da-pipe-123').then(
          () => 200,
          () => 401,
        ),
      ).toBe(200);
      const demo = await new StaffClient(api.baseUrl).request('POST', '/api/auth/login', { username: 'operatore', password: 'sportello-demo' });
      expect(demo.status).toBe(401);
      expect((await staffRows()).map((r) => r.username)).toEqual(['capo.ufficio', 'seconda.admin']);
    } finally {
      await api.stop();
    }
  });

  it('in demo mode: operatore, responsabile, admin and totem (password sportello-demo) on the demo office', async () => {
    const demoDb = await createTestDatabase();
    const api = await startApi(demoDb.url, { DEMO_MODE: 'true' });
    try {
      expect(api.output()).toContain('created the demo staff accounts: operatore, responsabile, admin, totem');
      const roles: Record<string, string> = { operatore: 'operator', responsabile: 'manager', admin: 'admin', totem: 'kiosk' };
      for (const [username, role] of Object.entries(roles)) {
        const client = await StaffClient.login(api.baseUrl, username, 'sportello-demo');
        const user = (await client.get('/api/auth/me')).body.user;
        expect(user).toMatchObject({ username, role, offices: [{ name: 'URP – Ufficio Relazioni con il Pubblico' }] });
      }
      expect(api.output()).not.toContain('sportello-demo');
    } finally {
      await api.stop();
    }
    // A second start creates nothing more.
    const again = await startApi(demoDb.url, { DEMO_MODE: 'true' });
    try {
      expect(again.output()).not.toContain('created the demo staff accounts');
      expect((await demoDb.sql.query('SELECT count(*)::int AS n FROM staff_user')).rows[0].n).toBe(4);
    } finally {
      await again.stop();
      await demoDb.drop();
    }
  });
});
