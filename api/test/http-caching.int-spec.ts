import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { at, bookingBody, nextWeekday, post } from './support/booking';
import { insertOffice, OfficeFixture } from './support/fixtures';

/**
 * ETags and 304 as the clients have always had them (Express's rules, kept on Fastify:
 * docs/adr/0006): a weak tag on every answer with a body, 304 only for GET and HEAD of a
 * 2xx answer the client holds, any tag of a list matching, `Cache-Control: no-cache` forcing
 * the body.
 */
describe('HTTP caching: ETag and 304 (real HTTP, real PostgreSQL)', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let office: OfficeFixture;
  const monday = nextWeekday(1);

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    api = await startApi(db.url, { THROTTLE_LIMIT: '100000' });
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const monthUrl = () =>
    `${api.baseUrl}/api/availability?officeId=${office.officeId}&serviceId=${office.serviceId}&from=${monday.toISODate()}&to=${monday.toISODate()}`;
  // fetch() adds `Cache-Control: no-cache` to a request with If-None-Match unless the caller
  // sets Cache-Control (the Fetch standard's no-store mode), as a browser revalidating would not.
  const get = (url: string, headers: Record<string, string> = {}) =>
    fetch(url, { headers: { 'accept-encoding': 'identity', 'cache-control': 'max-age=0', ...headers } });

  it('a GET answer carries a weak ETag; sent back it gives 304 without a body or its type', async () => {
    const first = await get(`${api.baseUrl}/api/offices`);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[0-9a-f]+-[A-Za-z0-9+/]{27}"$/);
    const again = await get(`${api.baseUrl}/api/offices`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-type')).toBeNull();
    expect(await again.text()).toBe('');
    // One tag of a list is enough; `no-cache` asks for the body whatever the client holds.
    expect((await get(`${api.baseUrl}/api/offices`, { 'if-none-match': `W/"0-x", ${etag}` })).status).toBe(304);
    expect((await get(`${api.baseUrl}/api/offices`, { 'if-none-match': etag, 'cache-control': 'no-cache' })).status).toBe(200);
  });

  it('a booking changes the day’s availability and its tag: the old tag gets the new body', async () => {
    const before = await get(monthUrl());
    const etag = before.headers.get('etag') ?? '';
    expect((await get(monthUrl(), { 'if-none-match': etag })).status).toBe(304);
    expect((await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, at(monday, '08:30'), 91_000))).status).toBe(201);
    const after = await get(monthUrl(), { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const slot = (await after.json()).days[0].slots.find((s: { start: string }) => s.start === at(monday, '08:30'));
    expect(slot.remaining).toBe(1);
  });

  it('never 304 for a POST or for an error, whatever the client sends', async () => {
    const refused = await get(`${api.baseUrl}/api/offices/00000000-0000-4000-8000-000000000000`);
    expect(refused.status).toBe(404);
    const refusedTag = refused.headers.get('etag') ?? '';
    expect((await get(`${api.baseUrl}/api/offices/00000000-0000-4000-8000-000000000000`, { 'if-none-match': refusedTag })).status).toBe(404);
    // A replay under the same Idempotency-Key is the same body, so the same tag: still no 304 for a POST.
    const booking = JSON.stringify(bookingBody(office.officeId, office.serviceId, at(monday, '09:00'), 91_001));
    const send = (headers: Record<string, string> = {}) =>
      fetch(`${api.baseUrl}/api/appointments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'caching-0001', 'cache-control': 'max-age=0', ...headers },
        body: booking,
      });
    const created = await send();
    expect(created.status).toBe(201);
    const replay = await send({ 'if-none-match': created.headers.get('etag') ?? '*' });
    expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect(await replay.json()).toEqual(await created.json());
  });
});
