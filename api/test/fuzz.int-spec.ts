import { fuzz } from '../../tools/fuzz/fuzzer.cjs';
import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';

/**
 * A bounded, seeded run of the fuzz pass (tools/fuzz/run.mjs runs the long one): requests
 * built from the OpenAPI document for every operation, mostly wrong, some meant to get
 * through, anonymous and as the demo admin, manager and operator. Never a 5xx.
 */
describe('fuzz pass over the OpenAPI document (seeded, demo data)', () => {
  let db: TestDatabase;
  let api: RunningApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApi(db.url, { DEMO_MODE: 'true', THROTTLE_LIMIT: '1000000', LOGIN_THROTTLE_LIMIT: '1000000' });
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('1,500 requests over every operation: 0 5xx, no dropped connection', async () => {
    const result = await fuzz({
      baseUrl: api.baseUrl,
      seed: 20_261_202,
      requests: 1500,
      accounts: ['admin', 'responsabile', 'operatore'].map((username) => ({ username, password: 'sportello-demo' })),
    });
    expect(result.findings).toEqual([]);
    expect(result.operationsCalled).toBe(result.operations);
    expect(result.operations).toBeGreaterThan(60);
    // Some got through (bookings, closures, changes), so more than validation was fuzzed.
    expect((result.statuses['200'] ?? 0) + (result.statuses['201'] ?? 0)).toBeGreaterThan(100);
    expect(api.output()).not.toMatch(/ERROR/);
  }, 240_000);
});
