import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { at, bookingBody, nextWeekday, post } from './support/booking';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { fiscalCode } from '../../libs/domain/testing/fiscal-codes.cjs';
import { getJson } from './support/http';
import { eventually } from './support/smtp';
import { insertStaff, STAFF_PASSWORD, StaffClient } from './support/staff';

interface LogLine {
  level: string;
  time: string;
  msg: string;
  requestId?: string;
  method?: string;
  route?: string;
  status?: number;
  durationMs?: number;
  [key: string]: unknown;
}

/** Every line of the api's output, each of which must be one JSON object. */
function jsonLines(output: string): LogLine[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
    });
}

// Issue "Ready for the comune's server room", item 1: one JSON line per event in production,
// with a request id, the route template and no personal data.
describe('structured logs (LOG_FORMAT=json)', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let office: OfficeFixture;
  const monday = nextWeekday(1);
  // The personal data of this suite: none of it may reach a log line.
  const citizen = {
    firstName: 'Ermenegilda',
    lastName: 'Bortolotti',
    fiscalCode: fiscalCode(4242),
    email: 'ermenegilda.bortolotti@example.it',
    phone: '+39 347 123 4567',
  };
  let manageToken = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    await insertStaff(db.sql, 'operatore', 'operator', [office.officeId]);
    // At debug, the most the api ever writes; behind a proxy on loopback, whose X-Request-Id is taken.
    api = await startApi(db.url, { LOG_FORMAT: 'json', LOG_LEVEL: 'debug', THROTTLE_LIMIT: '100000', TRUST_PROXY: 'loopback' });
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('writes one JSON line per answer with level, time, request id, method, route template, status and duration; X-Request-Id is taken from the proxy and echoed', async () => {
    const given = await fetch(`${api.baseUrl}/api/offices`, { headers: { 'x-request-id': 'proxy-7f3a.42' } });
    expect(given.status).toBe(200);
    expect(given.headers.get('x-request-id')).toBe('proxy-7f3a.42');
    // Without one (or with one that is not an id), the api makes its own.
    const made = await fetch(`${api.baseUrl}/api/offices/${office.officeId}/legal`, { headers: { 'x-request-id': 'no spaces allowed' } });
    const madeId = made.headers.get('x-request-id') as string;
    expect(madeId).toMatch(/^[0-9a-f-]{36}$/);

    const answered = await eventually(
      async () => jsonLines(api.output()).filter((l) => l.msg === 'request completed'),
      (lines) => lines.some((l) => l.requestId === madeId),
    );
    const first = answered.find((l) => l.requestId === 'proxy-7f3a.42');
    expect(first).toMatchObject({ level: 'info', method: 'GET', route: '/api/offices', status: 200 });
    expect(typeof first?.durationMs).toBe('number');
    expect(Number.isNaN(Date.parse(first?.time ?? ''))).toBe(false);
    expect(answered.find((l) => l.requestId === madeId)).toMatchObject({ route: '/api/offices/:officeId/legal', status: 200 });
    // Start-up lines are JSON too, with their context.
    expect(jsonLines(api.output()).find((l) => /listening on port/.test(l.msg))).toMatchObject({ level: 'info', context: expect.any(String) });
  });

  it('logs the route template, never the URL: a manage token in the path does not reach the log', async () => {
    const booked = await post(`${api.baseUrl}/api/appointments`, { ...bookingBody(office.officeId, office.serviceId, at(monday, '09:00'), 0), citizen });
    expect(booked.status).toBe(201);
    manageToken = (booked.body.manageUrl as string).split('/').pop() as string;
    const managed = await getJson(`${api.baseUrl}/api/appointments/manage/${manageToken}`, { 'x-request-id': 'manage-1' });
    expect(managed.status).toBe(200);
    const unknown = await getJson(`${api.baseUrl}/api/appointments/manage/${'x'.repeat(43)}`, { 'x-request-id': 'manage-2' });
    expect(unknown.status).toBe(404);
    const lines = await eventually(
      async () => jsonLines(api.output()).filter((l) => l.requestId === 'manage-1' || l.requestId === 'manage-2'),
      (found) => found.length >= 2,
    );
    expect(lines.map((l) => [l.route, l.status])).toEqual([
      ['/api/appointments/manage/:token', 200],
      ['/api/appointments/manage/:token', 404],
    ]);
    expect(api.output()).not.toContain(manageToken);
    expect(api.output()).not.toContain('x'.repeat(43));
  });

  it('never writes personal data, credentials or cookies, whatever the request carried', async () => {
    // A staff session (password, cookies, the XSRF header), a wrong password, a Bearer header, a search by codice fiscale.
    const operator = await StaffClient.login(api.baseUrl, 'operatore');
    await post(`${api.baseUrl}/api/auth/login`, { username: 'operatore', password: 'sbagliata-del-tutto-123' });
    await getJson(`${api.baseUrl}/api/offices`, { authorization: 'Bearer segreto-del-proxy-0123456789' });
    const search = await operator.get(`/api/offices/${office.officeId}/agenda?date=${monday.toISODate()}&q=${citizen.fiscalCode}`);
    expect(search.status).toBe(200);
    // A refused booking echoes the fields it refused: its line must not.
    const refused = await post(`${api.baseUrl}/api/appointments`, {
      ...bookingBody(office.officeId, office.serviceId, at(monday, '09:30'), 1),
      citizen: { ...citizen, email: 'not-an-email ermenegilda@' },
    });
    expect(refused.status).toBe(400);
    // The citizen cancels: the confirmation mail is written, with their address.
    expect((await post(`${api.baseUrl}/api/appointments/manage/${manageToken}/cancel`, {})).status).toBe(200);
    await eventually(
      async () => (await db.sql.query(`SELECT kind, status FROM notification ORDER BY created_at`)).rows,
      (rows) => rows.some((r) => r.kind === 'CANCELLATION' && r.status === 'SENT'),
    );

    const output = api.output();
    const secrets = [
      citizen.fiscalCode,
      citizen.fiscalCode.toLowerCase(),
      citizen.email,
      'ermenegilda',
      'Ermenegilda',
      citizen.lastName,
      '347 123 4567',
      '3471234567',
      STAFF_PASSWORD,
      'sbagliata-del-tutto-123',
      'segreto-del-proxy',
      ...operator.cookies.values(),
    ];
    for (const secret of secrets) expect({ secret, found: output.includes(secret) }).toEqual({ secret, found: false });
    // Every line is JSON, and the requests above are all there.
    const lines = jsonLines(output);
    expect(lines.filter((l) => l.route === '/api/auth/login').map((l) => l.status)).toEqual(expect.arrayContaining([200, 401]));
    expect(lines.some((l) => l.route === '/api/offices/:officeId/agenda' && l.status === 200)).toBe(true);
  });
});
