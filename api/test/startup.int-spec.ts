import { hashPassword } from '../src/app/auth/password';
import { createTestDatabase, logMessages, runApi, startApi, TestDatabase } from './support/api-process';
import { getJson } from './support/http';
import { eventually } from './support/smtp';
import { insertStaff } from './support/staff';

describe('start-up', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('refuses a wrong configuration with a message naming the variable', async () => {
    const { code, output } = await runApi([], { DATABASE_URL: db.url, PORT: 'eighty' });
    expect(code).toBe(1);
    expect(output).toContain('PORT must be a whole number');
  });

  it('requires DATABASE_URL', async () => {
    const { code, output } = await runApi([], { DATABASE_URL: '' });
    expect(code).toBe(1);
    expect(output).toContain('DATABASE_URL is required');
  });

  it('API_WORKERS=2: two workers serve one port after one migration; SIGTERM stops them all', async () => {
    const api = await startApi(db.url, { API_WORKERS: '2' });
    try {
      const listening = await eventually(
        async () => [...api.output().matchAll(/listening on port (\d+)/g)].map((m) => m[1]),
        (ports) => ports.length === 2,
        20_000,
        'both workers listening',
      );
      expect(new Set(listening).size).toBe(1);
      expect(api.output()).toContain('started 2 workers');
      expect(api.output().match(/schema up to date|applied \d+ migration/g)).toHaveLength(1);
      const answers = await Promise.all(Array.from({ length: 20 }, () => getJson(`${api.baseUrl}/api/offices`)));
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    } finally {
      await api.stop();
    }
    await expect(fetch(`${api.baseUrl}/api/health/live`)).rejects.toThrow();
  });

  it('seeds the demo office once in demo mode, with CIE, SPID and RESIDENZA', async () => {
    const first = await startApi(db.url, { DEMO_MODE: 'true' });
    let officeId: string;
    try {
      const offices = await getJson(`${first.baseUrl}/api/offices`);
      expect(offices.body).toHaveLength(1);
      expect(offices.body[0]).toMatchObject({ code: 'URP-CALDERARA', city: expect.stringContaining('Calderara di Reno') });
      officeId = offices.body[0].id;
      const services = await getJson(`${first.baseUrl}/api/services?officeId=${officeId}`);
      expect(services.body.map((s: { code: string }) => s.code)).toEqual(['CIE', 'SPID', 'RESIDENZA']);
      const residency = services.body.find((s: { code: string }) => s.code === 'RESIDENZA');
      expect(residency.onlineAlternative.url).toContain('anagrafenazionale');
      expect(first.output()).toContain('seeded the demo office');
    } finally {
      await first.stop();
    }
    const second = await startApi(db.url, { DEMO_MODE: 'true' });
    try {
      expect(second.output()).not.toContain('seeded the demo office');
      const counts = await db.sql.query('SELECT (SELECT count(*) FROM office)::int AS offices, (SELECT count(*) FROM service)::int AS services');
      expect(counts.rows[0]).toEqual({ offices: 1, services: 3 });
    } finally {
      await second.stop();
    }
  });
});

describe('start-up under the production rules (NODE_ENV=production or DEMO_MODE=false)', () => {
  let db: TestDatabase;
  const production = { NODE_ENV: 'production', PUBLIC_URL: 'https://prenota.example.it', SMTP_URL: 'smtp://127.0.0.1:2525' };
  /** The two ways into the production rules. */
  const ways: Array<Record<string, string>> = [{ NODE_ENV: 'production' }, { NODE_ENV: 'test', DEMO_MODE: 'false' }];

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('refuses to start without SMTP_URL, naming it; an explicit MAIL_DIR is accepted', async () => {
    for (const rules of ways) {
      const refused = await runApi([], { DATABASE_URL: db.url, MAIL_DIR: '', ...production, ...rules, SMTP_URL: '' });
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(`SMTP_URL is required in production (${rules.NODE_ENV === 'production' ? 'NODE_ENV=production' : 'DEMO_MODE=false'})`);
      expect(refused.output).not.toContain('listening on port');
    }
    // startApi sets MAIL_DIR to a temporary directory explicitly.
    const api = await startApi(db.url, { ...production, SMTP_URL: '' });
    try {
      expect((await getJson(`${api.baseUrl}/api/health/ready`)).status).toBe(200);
    } finally {
      await api.stop();
    }
  });

  it('refuses PUBLIC_URL on plain http, naming it and ALLOW_HTTP; ALLOW_HTTP=true is accepted', async () => {
    const refused = await runApi([], { DATABASE_URL: db.url, MAIL_DIR: '', ...production, PUBLIC_URL: 'http://prenota.example.it' });
    expect(refused.code).toBe(1);
    // NODE_ENV=production logs JSON lines: the message is one line's msg.
    const line = JSON.parse(refused.output.trim().split('\n').pop() as string);
    expect(line).toMatchObject({ level: 'error', context: 'Sportello' });
    expect(logMessages(refused.output)).toContain(
      'PUBLIC_URL must be an https:// address in production (NODE_ENV=production; it is "http://prenota.example.it")',
    );
    expect(logMessages(refused.output)).toContain('ALLOW_HTTP=true');
    const unset = await runApi([], { DATABASE_URL: db.url, MAIL_DIR: '', ...production, NODE_ENV: 'test', DEMO_MODE: 'false', PUBLIC_URL: '' });
    expect(unset.code).toBe(1);
    expect(unset.output).toContain('PUBLIC_URL must be an https:// address in production (DEMO_MODE=false; it is not set');
    const api = await startApi(db.url, { ...production, PUBLIC_URL: 'http://prenota.example.it', ALLOW_HTTP: 'true' });
    await api.stop();
  });

  it('refuses the demo password on any active account, naming DEMO_MODE and the accounts, never the password', async () => {
    const demo = await startApi(db.url, { DEMO_MODE: 'true' });
    await demo.stop();
    await insertStaff(db.sql, 'mario.rossi', 'admin', []);
    for (const rules of ways) {
      const refused = await runApi([], { DATABASE_URL: db.url, MAIL_DIR: '', ...production, ...rules });
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(
        `DEMO_MODE is off under the production rules (${rules.NODE_ENV === 'production' ? 'NODE_ENV=production' : 'DEMO_MODE=false'}), but the active account(s) admin, operatore, responsabile, totem still have the public demo password`,
      );
      expect(refused.output).not.toContain('sportello-demo');
      expect(refused.output).not.toContain('listening on port');
    }
    // A deliberate demo in a production build keeps its accounts.
    const deliberate = await startApi(db.url, { ...production, DEMO_MODE: 'true' });
    expect(deliberate.output()).not.toContain('against the demo password');
    await deliberate.stop();

    // Deactivated accounts and new passwords pass.
    await db.sql.query(`UPDATE staff_user SET active = false WHERE username IN ('operatore', 'responsabile')`);
    await db.sql.query(`UPDATE staff_user SET password_hash = $1 WHERE username = 'admin'`, [await hashPassword('una-nuova-password-lunga')]);
    const stillTotem = await runApi([], { DATABASE_URL: db.url, MAIL_DIR: '', ...production });
    expect(stillTotem.output).toContain('the active account(s) totem still have the public demo password');
    await db.sql.query(`UPDATE staff_user SET active = false WHERE username = 'totem'`);
    const api = await startApi(db.url, production);
    try {
      expect(api.output()).toMatch(/checked 2 active account\(s\) against the demo password in \d+ ms/);
    } finally {
      await api.stop();
    }
    // Six start-ups, each verifying every active account's argon2 hash: slow on a loaded 2-core machine.
  }, 120_000);
});
