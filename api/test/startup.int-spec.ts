import { createTestDatabase, runApi, startApi, TestDatabase } from './support/api-process';
import { getJson } from './support/http';
import { eventually } from './support/smtp';

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
      const listening = await eventually(async () => [...api.output().matchAll(/listening on port (\d+)/g)].map((m) => m[1]), (ports) => ports.length === 2, 20_000, 'both workers listening');
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
