import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { at, bookingBody, nextWeekday, post } from './support/booking';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { insertDesks, openAroundTheClock, setQueueService, SseClient } from './support/frontdesk';
import { getJson } from './support/http';
import { eventually } from './support/smtp';
import { insertStaff, StaffClient } from './support/staff';

const TOKEN = 'metrics-token-for-the-test-0123456789abcdef';

/** The value of one series in Prometheus' text format, 0 when it is absent. */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(',').filter(Boolean);
    if (wanted.every((label) => present.includes(label))) return Number(match[3]);
  }
  return 0;
}

// Issue "Ready for the comune's server room", item 2: each metric moves when its event happens.
describe('Prometheus metrics (GET /api/metrics)', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let office: OfficeFixture;
  let operator: StaffClient;
  const monday = nextWeekday(1);
  const scrape = async (target = api) => {
    const answer = await fetch(`${target.baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('content-type')).toContain('text/plain');
    return answer.text();
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    await setQueueService(db.sql, office.serviceId, 'C');
    await insertDesks(db.sql, office.officeId, [{ number: 1, serviceIds: [office.serviceId] }]);
    await openAroundTheClock(db.sql, office.officeId);
    await insertStaff(db.sql, 'operatore', 'operator', [office.officeId]);
    api = await startApi(db.url, { METRICS_TOKEN: TOKEN, THROTTLE_LIMIT: '100000' });
    operator = await StaffClient.login(api.baseUrl, 'operatore');
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('is off without METRICS_TOKEN (404, as an unknown route), and needs the bearer token when on (401)', async () => {
    const off = await startApi(db.url);
    try {
      expect((await getJson(`${off.baseUrl}/api/metrics`, { authorization: `Bearer ${TOKEN}` })).status).toBe(404);
    } finally {
      await off.stop();
    }
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const answer = await getJson(`${api.baseUrl}/api/metrics`, authorization ? { authorization } : {});
      expect({ authorization, status: answer.status, code: answer.body.code }).toEqual({ authorization, status: 401, code: 'UNAUTHORIZED' });
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
    const text = await scrape();
    // Process metrics, the pool and the database gauges are there from the first scrape.
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(value(text, 'sportello_db_pool_max')).toBe(10);
    expect(value(text, 'sportello_database_up')).toBe(1);
    expect(text).toMatch(/^sportello_db_pool_in_use \d+$/m);
    expect(text).toMatch(/^sportello_db_pool_waiting \d+$/m);
  });

  it('bookings by outcome: booked, refused full, refused by limit; holds live', async () => {
    const before = await scrape();
    const hold = await post(`${api.baseUrl}/api/holds`, { officeId: office.officeId, serviceId: office.serviceId, start: at(monday, '08:30') });
    expect(hold.status).toBe(201);
    const held = await scrape();
    expect(value(held, 'sportello_holds_live') - value(before, 'sportello_holds_live')).toBe(1);

    // The 09:00 slot has two seats: two people book it, the third finds it full.
    expect((await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, at(monday, '09:00'), 1))).status).toBe(201);
    expect((await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, at(monday, '09:00'), 2))).status).toBe(201);
    expect((await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, at(monday, '09:00'), 3))).body.code).toBe('SLOT_UNAVAILABLE');
    // Person 1 again, for another time of the same service: over the per-person limit.
    expect((await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, at(monday, '10:00'), 1))).body.code).toBe('LIMIT_REACHED');
    const after = await scrape();
    const moved = (outcome: string) => value(after, 'sportello_bookings_total', { outcome }) - value(before, 'sportello_bookings_total', { outcome });
    expect({ booked: moved('booked'), full: moved('refused_full'), limit: moved('refused_limit'), challenge: moved('challenge_failed') }).toEqual({ booked: 2, full: 1, limit: 1, challenge: 0 });

    // The booked citizens' confirmations are in the outbox, per channel, until the worker sends them.
    const pending = value(after, 'sportello_outbox_pending', { channel: 'email' }) + value(after, 'sportello_outbox_scheduled', { channel: 'email' });
    expect(pending).toBeGreaterThanOrEqual(1);
    const drained = await eventually(scrape, (text) => value(text, 'sportello_outbox_pending', { channel: 'email' }) === 0);
    expect(value(drained, 'sportello_outbox_oldest_pending_age_seconds', { channel: 'email' })).toBe(0);
  });

  it('the outbox: pending and the oldest pending age, failed, per channel', async () => {
    // A message due ten minutes ago that the worker has not picked up (it is claimed far ahead).
    const { rows } = await db.sql.query<{ id: string }>(`SELECT id FROM appointment WHERE status = 'BOOKED' LIMIT 1`);
    await db.sql.query(
      `INSERT INTO notification (office_id, appointment_id, kind, sequence, dedupe_key, status, due_at, claimed_until, attempts)
       VALUES ($1, $2, 'RESCHEDULE', 99, 'metrics-test-99', 'PENDING', now() - interval '10 minutes', now() + interval '1 hour', 0),
              ($1, $2, 'RESCHEDULE', 98, 'metrics-test-98', 'FAILED', now() - interval '1 hour', NULL, 8)`,
      [office.officeId, rows[0]?.id],
    );
    const text = await scrape();
    expect(value(text, 'sportello_outbox_pending', { channel: 'email' })).toBe(1);
    expect(value(text, 'sportello_outbox_oldest_pending_age_seconds', { channel: 'email' })).toBeGreaterThanOrEqual(600);
    expect(value(text, 'sportello_outbox_failed', { channel: 'email' })).toBe(1);
    await db.sql.query(`DELETE FROM notification WHERE dedupe_key LIKE 'metrics-test-%'`);
  });

  it('the queue: waiting per office and service, the longest wait', async () => {
    const before = await scrape();
    const labels = { office: 'TEST', service: 'CIE' };
    expect(value(before, 'sportello_queue_waiting', labels)).toBe(0);
    expect((await operator.send('POST', `/api/offices/${office.officeId}/tickets`, { serviceId: office.serviceId })).status).toBe(201);
    expect((await operator.send('POST', `/api/offices/${office.officeId}/tickets`, { serviceId: office.serviceId })).status).toBe(201);
    // The first ticket has waited a minute.
    await db.sql.query(`UPDATE ticket SET queued_at = queued_at - interval '60 seconds' WHERE number = (SELECT min(number) FROM ticket)`);
    const after = await scrape();
    expect(value(after, 'sportello_queue_waiting', labels)).toBe(2);
    expect(value(after, 'sportello_queue_longest_wait_seconds', labels)).toBeGreaterThanOrEqual(60);
    expect(value(after, 'sportello_queue_waiting', { office: 'TEST', service: 'SPID' })).toBe(0);
  });

  it('event listeners: up while a display is connected, down when it leaves', async () => {
    const base = value(await scrape(), 'sportello_event_listeners');
    const display = await SseClient.connect(`${api.baseUrl}/api/offices/${office.officeId}/events`);
    await display.next((e) => e.type === 'ready');
    expect(value(await scrape(), 'sportello_event_listeners')).toBe(base + 1);
    display.close();
    await eventually(scrape, (text) => value(text, 'sportello_event_listeners') === base);
  });

  it('HTTP answers by route template and status, with a latency histogram; a manage token never appears', async () => {
    const booked = await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, at(monday, '11:00'), 7));
    const token = (booked.body.manageUrl as string).split('/').pop() as string;
    const before = await scrape();
    const route = '/api/appointments/manage/:token';
    expect((await getJson(`${api.baseUrl}/api/appointments/manage/${token}`)).status).toBe(200);
    expect((await getJson(`${api.baseUrl}/api/appointments/manage/${'z'.repeat(43)}`)).status).toBe(404);
    expect((await getJson(`${api.baseUrl}/api/no-such-route/${token}`)).status).toBe(404);
    const after = await scrape();
    const count = (text: string, labels: Record<string, string>) => value(text, 'sportello_http_requests_total', { method: 'GET', ...labels });
    expect(count(after, { route, status: '200' }) - count(before, { route, status: '200' })).toBe(1);
    expect(count(after, { route, status: '404' }) - count(before, { route, status: '404' })).toBe(1);
    expect(count(after, { route: '(no route)', status: '404' }) - count(before, { route: '(no route)', status: '404' })).toBe(1);
    const histogram = (text: string) => value(text, 'sportello_http_request_duration_seconds_count', { method: 'GET', route });
    expect(histogram(after) - histogram(before)).toBe(2);
    expect(after).not.toContain(token);
    expect(after).not.toContain('z'.repeat(43));
  });
});

describe('Prometheus metrics: the proof of work refused', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let office: OfficeFixture;

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    api = await startApi(db.url, { METRICS_TOKEN: TOKEN, BOOKING_CHALLENGE: 'on', THROTTLE_LIMIT: '100000' });
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('a hold or booking without a valid solution counts as challenge_failed', async () => {
    const read = async () => value(await (await fetch(`${api.baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text(), 'sportello_bookings_total', { outcome: 'challenge_failed' });
    const before = await read();
    const start = at(nextWeekday(1), '09:00');
    expect((await post(`${api.baseUrl}/api/holds`, { officeId: office.officeId, serviceId: office.serviceId, start })).status).toBe(400);
    expect((await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, start, 1), { 'x-altcha': 'Z2FyYmFnZQ==' })).status).toBe(400);
    expect((await read()) - before).toBe(2);
  });
});
