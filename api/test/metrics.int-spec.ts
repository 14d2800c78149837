import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { at, bookingBody, nextWeekday, post } from './support/booking';
import { solvedHeader } from './support/challenge';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { insertDesks, openAroundTheClock, setQueueService, SseClient } from './support/frontdesk';
import { getJson } from './support/http';
import { insertStaff, StaffClient } from './support/staff';

const TOKEN = 'metrics-token-0123456789abcdef0123456789abcdef';

/** One sample of the exposition text: `name{a="x",b="y"} value`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      labels[key] = value.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the sample with exactly these labels (undefined when the series is absent). */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  return samples.find((s) => s.name === name && JSON.stringify(Object.entries(s.labels).sort()) === wanted)?.value;
}

describe('Prometheus metrics at GET /api/metrics (real HTTP, real PostgreSQL): each metric moves when its event happens', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let off: RunningApi;
  let office: OfficeFixture;
  let queueOffice: OfficeFixture;
  let operator: StaffClient;
  let n = 7000;
  const monday = nextWeekday(1);
  const wednesday = nextWeekday(3);

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    queueOffice = await insertOffice(db.sql, 'CODA');
    await setQueueService(db.sql, queueOffice.serviceId, 'C');
    await insertDesks(db.sql, queueOffice.officeId, [{ number: 1, serviceIds: [queueOffice.serviceId] }]);
    await openAroundTheClock(db.sql, queueOffice.officeId);
    await insertStaff(db.sql, 'operatore', 'operator', [queueOffice.officeId]);
    [api, off] = await Promise.all([
      // The proof of work on (a failed one is an outcome); no outbox poll during the suite, so
      // queued messages stay pending; a pool of two, which two waiting bookings fill.
      startApi(db.url, { METRICS_TOKEN: TOKEN, BOOKING_CHALLENGE: 'on', THROTTLE_LIMIT: '100000', MAIL_POLL_SECONDS: '3600', DB_POOL_SIZE: '2' }),
      // The same database: its outbox poll would send the messages this suite expects pending.
      startApi(db.url, { MAIL_POLL_SECONDS: '3600' }),
    ]);
    operator = await StaffClient.login(api.baseUrl, 'operatore');
  });

  afterAll(async () => {
    await Promise.all([api?.stop(), off?.stop()]);
    await db?.drop();
  });

  const scrapeText = async () => {
    const response = await fetch(`${api.baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    return response.text();
  };
  const scrape = async () => parse(await scrapeText());
  const bookings = async (outcome: string) => valueOf(await scrape(), 'sportello_bookings_total', { outcome });
  const book = async (start: string, person = n++, service = office.serviceId) =>
    post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, service, start, person), await solvedHeader(api.baseUrl));

  it('without METRICS_TOKEN the endpoint does not exist: 404 exactly like an unknown route', async () => {
    const unknown = await getJson(`${off.baseUrl}/api/metricz`);
    const variants: Array<Record<string, string>> = [{}, { authorization: `Bearer ${TOKEN}` }];
    for (const headers of variants) {
      const answer = await getJson(`${off.baseUrl}/api/metrics`, headers);
      expect([answer.status, answer.body]).toEqual([404, unknown.body]);
      expect(answer.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Risorsa non trovata.' });
    }
  });

  it('401 in the usual error shape without the bearer token or with a wrong one, never cached; 200 with it', async () => {
    const wrong = [
      undefined,
      `Bearer ${TOKEN.slice(0, -1)}x`,
      `Bearer ${TOKEN}x`,
      `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`,
      TOKEN,
      `Bearer  ${TOKEN}`,
    ];
    for (const authorization of wrong) {
      const answer = await getJson(`${api.baseUrl}/api/metrics`, { 'accept-language': 'en', ...(authorization && { authorization }) });
      expect([authorization, answer.status, answer.body]).toEqual([
        authorization,
        401,
        { statusCode: 401, code: 'UNAUTHORIZED', message: 'Metrics are private: send Authorization: Bearer with the METRICS_TOKEN token.' },
      ]);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    }
    expect((await getJson(`${api.baseUrl}/api/metrics`)).body.message).toBe('Metriche riservate: serve Authorization: Bearer con il token METRICS_TOKEN.');

    const response = await fetch(`${api.baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const samples = parse(await response.text());
    // Every outcome from the start; process metrics under their usual names.
    for (const outcome of ['booked', 'refused_full', 'refused_limit', 'challenge_failed'])
      expect(valueOf(samples, 'sportello_bookings_total', { outcome })).toBe(0);
    expect(valueOf(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(valueOf(samples, 'sportello_db_pool_max')).toBe(2);
    expect(valueOf(samples, 'sportello_database_up')).toBe(1);
    // Not in the public API description.
    expect(JSON.stringify((await getJson(`${api.baseUrl}/api/docs-json`)).body.paths)).not.toContain('/metrics');
  });

  it('a booking counts as booked and queues its e-mails (the confirmation pending, the reminder scheduled); a repeat with the same Idempotency-Key books nothing more', async () => {
    const before = await scrape();
    const body = bookingBody(office.officeId, office.serviceId, at(monday, '08:30'), n++);
    const first = await post(`${api.baseUrl}/api/appointments`, body, { 'idempotency-key': 'metrics-key-1', ...(await solvedHeader(api.baseUrl)) });
    expect(first.status).toBe(201);
    const again = await post(`${api.baseUrl}/api/appointments`, body, { 'idempotency-key': 'metrics-key-1', ...(await solvedHeader(api.baseUrl)) });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) => (valueOf(after, name, labels) ?? NaN) - (valueOf(before, name, labels) ?? NaN);
    expect(delta('sportello_bookings_total', { outcome: 'booked' })).toBe(1);
    expect(delta('sportello_outbox_pending', { channel: 'email' })).toBe(1);
    expect(delta('sportello_outbox_scheduled', { channel: 'email' })).toBe(1);
  });

  it('a second booking over the per-person limit counts as refused_limit; a full slot as refused_full', async () => {
    const person = n++;
    expect((await book(at(monday, '09:00'), person)).status).toBe(201);
    const limitBefore = await bookings('refused_limit');
    const refused = await book(at(monday, '09:30'), person);
    expect(refused.body.code).toBe('LIMIT_REACHED');
    expect(await bookings('refused_limit')).toBe((limitBefore ?? NaN) + 1);

    // SPID: one place per slot.
    expect((await book(at(monday, '09:50'), n++, office.otherServiceId)).status).toBe(201);
    const fullBefore = await bookings('refused_full');
    expect((await book(at(monday, '09:50'), n++, office.otherServiceId)).body.code).toBe('SLOT_UNAVAILABLE');
    expect(await bookings('refused_full')).toBe((fullBefore ?? NaN) + 1);
    // The web app's first step, the hold, is refused for a full slot too.
    const hold = await post(
      `${api.baseUrl}/api/holds`,
      { officeId: office.officeId, serviceId: office.otherServiceId, start: at(monday, '09:50') },
      await solvedHeader(api.baseUrl),
    );
    expect(hold.body.code).toBe('SLOT_UNAVAILABLE');
    expect(await bookings('refused_full')).toBe((fullBefore ?? NaN) + 2);
  });

  it('a missing or wrong proof of work counts as challenge_failed', async () => {
    const before = await bookings('challenge_failed');
    const missing = await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, at(monday, '11:00'), n++));
    const garbage = await post(
      `${api.baseUrl}/api/holds`,
      { officeId: office.officeId, serviceId: office.serviceId, start: at(monday, '11:00') },
      { 'x-altcha': 'bm90IGEgc29sdXRpb24=' },
    );
    expect([missing.body.code, garbage.body.code]).toEqual(['CHALLENGE_REQUIRED', 'CHALLENGE_INVALID']);
    expect(await bookings('challenge_failed')).toBe((before ?? NaN) + 2);
  });

  it('a hold raises holds live, releasing it lowers them', async () => {
    const before = valueOf(await scrape(), 'sportello_holds_live') ?? NaN;
    const hold = await post(
      `${api.baseUrl}/api/holds`,
      { officeId: office.officeId, serviceId: office.serviceId, start: at(wednesday, '09:00') },
      await solvedHeader(api.baseUrl),
    );
    expect(hold.status).toBe(201);
    expect(valueOf(await scrape(), 'sportello_holds_live')).toBe(before + 1);
    expect((await fetch(`${api.baseUrl}/api/holds/${hold.body.holdId}`, { method: 'DELETE' })).status).toBe(204);
    expect(valueOf(await scrape(), 'sportello_holds_live')).toBe(before);
  });

  it('a walk-in ticket raises the waiting count of its office and service, and the longest wait follows the first in line', async () => {
    const labels = { office: 'CODA', service: 'CIE' };
    const before = await scrape();
    expect([valueOf(before, 'sportello_queue_waiting', labels), valueOf(before, 'sportello_queue_longest_wait_seconds', labels)]).toEqual([0, 0]);
    const ticket = await operator.send('POST', `/api/offices/${queueOffice.officeId}/tickets`, { serviceId: queueOffice.serviceId });
    expect(ticket.status).toBe(201);
    // As if the ticket had been taken seven minutes ago.
    await db.sql.query(`UPDATE ticket SET queued_at = now() - interval '7 minutes' WHERE id = $1`, [ticket.body.id]);
    const after = await scrape();
    expect(valueOf(after, 'sportello_queue_waiting', labels)).toBe(1);
    expect(valueOf(after, 'sportello_queue_longest_wait_seconds', labels)).toBeGreaterThanOrEqual(420);
    expect(valueOf(after, 'sportello_queue_longest_wait_seconds', labels)).toBeLessThan(480);
    // The other service of the office and the other office have nobody.
    expect(valueOf(after, 'sportello_queue_waiting', { office: 'CODA', service: 'SPID' })).toBe(0);
    expect(valueOf(after, 'sportello_queue_waiting', { office: 'TEST', service: 'CIE' })).toBe(0);
  });

  it('the outbox: the oldest pending message gives the lag, a message given up counts as failed', async () => {
    const before = await scrape();
    const email = { channel: 'email' };
    expect(valueOf(before, 'sportello_outbox_oldest_pending_age_seconds', email)).toBeLessThan(300);
    const { rows } = await db.sql.query<{ id: string }>(`SELECT id FROM notification WHERE status = 'PENDING' AND kind = 'CONFIRMATION' LIMIT 1`);
    await db.sql.query(`UPDATE notification SET due_at = now() - interval '10 minutes' WHERE id = $1`, [rows[0].id]);
    const late = await scrape();
    expect(valueOf(late, 'sportello_outbox_oldest_pending_age_seconds', email)).toBeGreaterThanOrEqual(600);
    await db.sql.query(`UPDATE notification SET status = 'FAILED', attempts = 8 WHERE id = $1`, [rows[0].id]);
    const failed = await scrape();
    expect(valueOf(failed, 'sportello_outbox_failed', email)).toBe((valueOf(before, 'sportello_outbox_failed', email) ?? NaN) + 1);
    expect(valueOf(failed, 'sportello_outbox_pending', email)).toBe((valueOf(before, 'sportello_outbox_pending', email) ?? NaN) - 1);
  });

  it('opening an event stream raises the listeners, closing it lowers them', async () => {
    const before = valueOf(await scrape(), 'sportello_event_listeners') ?? NaN;
    const stream = await SseClient.connect(`${api.baseUrl}/api/offices/${queueOffice.officeId}/events`);
    await stream.next((e) => e.type === 'ready');
    expect(valueOf(await scrape(), 'sportello_event_listeners')).toBe(before + 1);
    stream.close();
    // The server learns that the client left when its socket closes: scrape until it has.
    const deadline = Date.now() + 5000;
    let listeners = before + 1;
    while (listeners !== before && Date.now() < deadline) listeners = valueOf(await scrape(), 'sportello_event_listeners') ?? NaN;
    expect(listeners).toBe(before);
  });

  it('an HTTP answer counts under its route template and status, never under its URL (the manage token stays out)', async () => {
    const booked = await book(at(wednesday, '10:00'));
    const token = (booked.body.manageUrl as string).split('/').pop() as string;
    const route = { method: 'GET', route: '/api/appointments/manage/:token' };
    const before = await scrape();
    expect((await getJson(`${api.baseUrl}/api/appointments/manage/${token}`)).status).toBe(200);
    expect((await getJson(`${api.baseUrl}/api/appointments/manage/${token}x`)).status).toBe(404);
    const unknownPath = `nothing-here-${token.slice(0, 12)}`;
    expect((await getJson(`${api.baseUrl}/api/${unknownPath}`)).status).toBe(404);
    const text = await scrapeText();
    const after = parse(text);
    const delta = (name: string, labels: Record<string, string>) => (valueOf(after, name, labels) ?? 0) - (valueOf(before, name, labels) ?? 0);
    expect(delta('sportello_http_requests_total', { ...route, status: '200' })).toBe(1);
    expect(delta('sportello_http_requests_total', { ...route, status: '404' })).toBe(1);
    expect(delta('sportello_http_request_duration_seconds_count', route)).toBe(2);
    expect(delta('sportello_http_requests_total', { method: 'GET', route: '(no route)', status: '404' })).toBe(1);
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(0, 12));
    // The event streams counted above stay out of the latency histogram (they last as long as the client stays).
    expect(valueOf(after, 'sportello_http_requests_total', { method: 'GET', route: '/api/offices/:officeId/events', status: '200' })).toBe(1);
    expect(valueOf(after, 'sportello_http_request_duration_seconds_count', { method: 'GET', route: '/api/offices/:officeId/events' })).toBeUndefined();
  });

  it('the pool: bookings waiting on a lock keep its connections in use, a request that needs one more waits; the scrape still reads the database', async () => {
    await db.sql.query('BEGIN');
    try {
      // Every booking of this office waits for the office's rules while this transaction holds them.
      await db.sql.query('SELECT version FROM office_config_version WHERE office_id = $1 FOR UPDATE', [office.officeId]);
      const headers = await Promise.all([solvedHeader(api.baseUrl), solvedHeader(api.baseUrl)]);
      const waiting = [at(wednesday, '09:30'), at(wednesday, '10:30')].map((start, i) =>
        post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, start, n++), headers[i]),
      );
      const deadline = Date.now() + 10_000;
      let blocked = 0;
      while (blocked < 2 && Date.now() < deadline) {
        blocked = (await db.sql.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))
          .rows[0].n;
      }
      expect(blocked).toBe(2);
      // The readiness probe needs a third connection: it gives up after its timeout (503), its query still queued.
      expect((await getJson(`${api.baseUrl}/api/health/ready`)).status).toBe(503);
      const saturated = await scrape();
      expect([valueOf(saturated, 'sportello_db_pool_in_use'), valueOf(saturated, 'sportello_db_pool_waiting')]).toEqual([2, 1]);
      // The scrape's own queries run on their own connection.
      expect(valueOf(saturated, 'sportello_database_up')).toBe(1);
      expect(valueOf(saturated, 'sportello_holds_live')).toBeDefined();
      await db.sql.query('COMMIT');
      expect((await Promise.all(waiting)).map((a) => a.status)).toEqual([201, 201]);
    } catch (error) {
      await db.sql.query('ROLLBACK');
      throw error;
    }
    // The probe's queued query runs once a booking gives its connection back.
    const deadline = Date.now() + 5000;
    let pool: Array<number | undefined> = [];
    do {
      const idle = await scrape();
      pool = [valueOf(idle, 'sportello_db_pool_in_use'), valueOf(idle, 'sportello_db_pool_waiting')];
    } while ((pool[0] !== 0 || pool[1] !== 0) && Date.now() < deadline);
    expect(pool).toEqual([0, 0]);
  });
});
