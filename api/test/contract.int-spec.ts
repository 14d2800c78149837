import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { at, bookingBody, nextWeekday } from './support/booking';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { insertAppointment, insertDesks, openAroundTheClock, setQueueService } from './support/frontdesk';
import { getJson } from './support/http';
import { insertStaff, STAFF_PASSWORD, StaffClient } from './support/staff';
import { CitizenBrowser, oidcEnv, RunningProvider, startProvider } from './support/identity-provider';
import { fiscalCode } from '../../libs/domain/testing/fiscal-codes.cjs';
import { freePort } from './support/smtp';

// The contract test: the api's answers, over real HTTP against real PostgreSQL, checked
// against the OpenAPI document it serves (status, documented headers, body schema), for a
// valid and an invalid request of each operation exercised.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  contentType: string;
}

describe('contract: the answers match the OpenAPI document (real HTTP, real PostgreSQL)', () => {
  let db: TestDatabase;
  let api: RunningApi;
  /** The same database without OIDC_ISSUER: the sign-in's 404. */
  let plain: RunningApi;
  let provider: RunningProvider;
  let office: OfficeFixture;
  let doc: Json;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  /** "GET /api/offices/{officeId}" → the answers seen. */
  const seen = new Map<string, Set<number>>();

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    await insertStaff(db.sql, 'contratto.admin', 'admin', []);
    const port = await freePort();
    provider = await startProvider(`http://127.0.0.1:${port}`);
    api = await startApi(db.url, { ...oidcEnv(provider), PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` });
    plain = await startApi(db.url);
    doc = (await getJson(`${api.baseUrl}/api/docs-json`)).body;
    ajv.addSchema({ $id: 'openapi.json', components: doc.components });
  });

  afterAll(async () => {
    await Promise.all([api?.stop(), plain?.stop()]);
    await provider?.stop();
    await db?.drop();
  });

  /** The documented operation of a concrete request. */
  function operationOf(method: string, path: string): { key: string; operation: Json } {
    const bare = path.split('?')[0];
    for (const [template, item] of Object.entries<Json>(doc.paths)) {
      const pattern = new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`);
      if (pattern.test(bare) && item[method.toLowerCase()]) return { key: `${method} ${template}`, operation: item[method.toLowerCase()] };
    }
    throw new Error(`${method} ${bare} is not in the document`);
  }

  /** Calls the api and checks the answer against its documented response. */
  async function call(
    method: string,
    path: string,
    init: { body?: unknown; raw?: string; headers?: Record<string, string>; client?: StaffClient; base?: string } = {},
  ): Promise<Answer> {
    const { key, operation } = operationOf(method, path);
    let response: Response;
    const payload = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
    if (init.client) {
      const cookie = [...init.client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      response = await fetch(`${init.base ?? api.baseUrl}${path}`, {
        method,
        redirect: 'manual',
        headers: {
          cookie,
          ...(init.client.xsrf && { 'x-xsrf-token': init.client.xsrf }),
          ...(init.body !== undefined && { 'content-type': 'application/json' }),
          ...init.headers,
        },
        body: payload,
      });
    } else {
      response = await fetch(`${init.base ?? api.baseUrl}${path}`, {
        method,
        // The sign-in answers redirects: they are the answers checked.
        redirect: 'manual',
        headers: { ...(init.body !== undefined && { 'content-type': 'application/json' }), ...init.headers },
        body: payload,
      });
    }
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0];
    const text = await response.text();
    const body = contentType === 'application/json' && text ? JSON.parse(text) : text;
    const documented = operation.responses[String(response.status)];
    expect({ operation: key, status: response.status, documented: documented !== undefined }).toEqual({
      operation: key,
      status: response.status,
      documented: true,
    });
    // A redirect has no body: its Location is checked with the documented headers below.
    if (response.status !== 204 && !(response.status >= 300 && response.status < 400)) {
      const media = documented.content?.[contentType];
      expect({ operation: key, status: response.status, contentType, documented: media !== undefined }).toEqual({
        operation: key,
        status: response.status,
        contentType,
        documented: true,
      });
      if (contentType === 'application/json') {
        const schema = JSON.parse(JSON.stringify(media.schema).replaceAll('"#/components/', '"openapi.json#/components/'));
        const validate = ajv.compile(schema);
        const valid = validate(body);
        expect({ operation: key, status: response.status, errors: valid ? null : validate.errors }).toEqual({
          operation: key,
          status: response.status,
          errors: null,
        });
      }
    }
    for (const header of Object.keys(documented.headers ?? {})) {
      // Headers documented for the answer are sent (Content-Disposition only for downloads).
      if (header !== 'Content-Disposition' || contentType !== 'application/json')
        expect({ operation: key, header, sent: response.headers.has(header) }).toEqual({ operation: key, header, sent: true });
    }
    seen.set(key, (seen.get(key) ?? new Set()).add(response.status));
    return { status: response.status, headers: response.headers, body, contentType };
  }

  /** The citizen operations (sign-in with SPID/CIE against the stand-in provider), each with a valid and an invalid request. */
  async function citizenOperations(): Promise<void> {
    const monday = nextWeekday(1);
    const config = await call('GET', '/api/config');
    expect(config.status).toBe(200);
    // Neither IO_API_KEY nor an office key nor the demo: the booking form offers no App IO.
    expect((config.body as Json).channels).toEqual({ io: false });
    expect((await call('GET', '/api/citizen/login?returnTo=/le-mie-prenotazioni')).status).toBe(302);
    expect((await call('GET', '/api/citizen/login', { base: plain.baseUrl })).status).toBe(404);
    expect((await call('GET', '/api/citizen/login', { base: plain.baseUrl, headers: { accept: 'application/json' } })).status).toBe(404);

    const browser = new CitizenBrowser();
    const callback = new URL(await browser.authorise(api.baseUrl, 'giulia'));
    const loginCookie = `sportello_citizen_login=${browser.cookie(api.baseUrl, 'sportello_citizen_login')}`;
    const signedIn = await call('GET', `${callback.pathname}${callback.search}`, { headers: { cookie: loginCookie } });
    expect(signedIn.status).toBe(302);
    expect((await call('GET', `${callback.pathname}${callback.search}`, { headers: { cookie: loginCookie } })).status).toBe(400);
    expect((await call('GET', '/api/citizen/callback?code=x&state=y', { headers: { accept: 'application/json' } })).status).toBe(400);
    const session = /sportello_citizen=([^;]+)/.exec(signedIn.headers.get('set-cookie') ?? '')?.[1] as string;
    const xsrf = /CITIZEN-XSRF-TOKEN=([^;]+)/.exec(signedIn.headers.get('set-cookie') ?? '')?.[1] as string;
    const as = { cookie: `sportello_citizen=${session}; CITIZEN-XSRF-TOKEN=${xsrf}`, 'x-xsrf-token': decodeURIComponent(xsrf) };

    expect((await call('GET', '/api/citizen/me', { headers: as })).status).toBe(200);
    expect((await call('GET', '/api/citizen/me')).status).toBe(401);
    const booked = await call('POST', '/api/appointments', {
      headers: as,
      body: {
        officeId: office.officeId,
        serviceId: office.serviceId,
        start: at(monday, '14:30'),
        citizen: { email: 'g@example.it' },
        language: 'it',
        privacyAccepted: true,
      },
    });
    expect(booked.status).toBe(201);
    const code = (booked.body as Json).code;
    expect((await call('GET', '/api/citizen/appointments', { headers: as })).status).toBe(200);
    expect((await call('GET', '/api/citizen/appointments')).status).toBe(401);
    expect((await call('POST', `/api/citizen/appointments/${code}/reschedule`, { headers: as, body: { start: at(monday, '15:00') } })).status).toBe(200);
    expect((await call('POST', `/api/citizen/appointments/${code}/reschedule`, { headers: as, body: {} })).status).toBe(400);
    expect((await call('GET', `/api/citizen/appointments/${code}`, { headers: as })).status).toBe(200);
    expect((await call('GET', '/api/citizen/appointments/CIE-ZZZZZZ', { headers: as })).status).toBe(404);
    expect((await call('GET', `/api/citizen/appointments/${code}`)).status).toBe(401);
    expect((await call('POST', `/api/citizen/appointments/${code}/confirm`, { headers: as })).status).toBe(200);
    expect((await call('POST', `/api/citizen/appointments/${code}/confirm`, { headers: { cookie: as.cookie } })).status).toBe(403);
    expect((await call('POST', '/api/citizen/appointments/CIE-ZZZZZZ/confirm', { headers: as })).status).toBe(404);
    expect((await call('GET', `/api/citizen/appointments/${code}/calendar.ics`, { headers: as })).status).toBe(200);
    expect((await call('GET', '/api/citizen/appointments/CIE-ZZZZZZ/calendar.ics', { headers: as })).status).toBe(404);
    expect((await call('POST', '/api/citizen/appointments/CIE-ZZZZZZ/cancel', { headers: as })).status).toBe(404);
    expect((await call('POST', `/api/citizen/appointments/${code}/cancel`)).status).toBe(401);
    expect((await call('POST', `/api/citizen/appointments/${code}/cancel`, { headers: { cookie: as.cookie } })).status).toBe(403);
    expect((await call('POST', `/api/citizen/appointments/${code}/cancel`, { headers: as })).status).toBe(200);
    expect((await call('POST', '/api/citizen/logout', { headers: { cookie: as.cookie } })).status).toBe(403);
    expect((await call('POST', '/api/citizen/logout', { headers: as })).status).toBe(204);

    expect((await call('POST', '/api/appointments/recover', { body: { fiscalCode: fiscalCode(1), email: 'cittadino1@example.it' } })).status).toBe(202);
    expect((await call('POST', '/api/appointments/recover', { body: {} })).status).toBe(400);
  }

  it('serves a valid OpenAPI 3.1 document in which every operation documents its success, its errors and its security', async () => {
    expect(doc.openapi).toBe('3.1.0');
    // @apidevtools/swagger-parser is ESM only: it validates the document in a Node process of its own.
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const script = `import('@apidevtools/swagger-parser').then((m) => m.default.validate(${JSON.stringify(file)})).then(() => process.stdout.write('valid'), (e) => { console.error(e.message); process.exit(1); })`;
    const validation = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect({ status: validation.status, stdout: validation.stdout, stderr: validation.stderr.slice(0, 2000) }).toEqual({
      status: 0,
      stdout: 'valid',
      stderr: '',
    });
    for (const [route, item] of Object.entries<Json>(doc.paths)) {
      for (const [method, operation] of Object.entries<Json>(item)) {
        const statuses = Object.keys(operation.responses);
        expect({
          route,
          method,
          // 2xx, or a redirect for the sign-in's navigations.
          success: statuses.some((s) => /^[23]/.test(s)),
          internal: statuses.includes('500'),
          security: Array.isArray(operation.security),
        }).toEqual({ route, method, success: true, internal: true, security: true });
        for (const status of statuses.filter((s) => Number(s) >= 400)) {
          // The error body, with its `code` values listed.
          let schema = operation.responses[status].content['application/json'].schema;
          if (schema.$ref) schema = doc.components.schemas[schema.$ref.split('/').pop()];
          expect({ route, method, status, codes: JSON.stringify(schema.properties?.code ?? schema.allOf ?? null) }).toEqual({
            route,
            method,
            status,
            codes: expect.stringMatching(/enum|const/),
          });
        }
        // Every path parameter with a format or a pattern, or a token / code described as text.
        for (const parameter of (operation.parameters ?? []).filter((p: Json) => p.in === 'path')) expect(parameter.schema.type).toBe('string');
      }
    }
  });

  it('answers 405 with Allow and the error body for a method a known path does not take; an unknown path stays 404', async () => {
    const patch = await fetch(`${api.baseUrl}/api/offices`, { method: 'PATCH', headers: { 'accept-language': 'en' } });
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('GET, HEAD');
    expect(await patch.json()).toEqual({ statusCode: 405, code: 'METHOD_NOT_ALLOWED', message: 'Method not allowed for this resource.' });
    const trace = await new Promise<{ status: number; allow: string | undefined; body: string }>((resolve, reject) => {
      const req = httpRequest(`${api.baseUrl}/api/holds`, { method: 'TRACE' }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, allow: res.headers['allow'], body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(trace.status).toBe(405);
    expect(trace.allow).toBe('POST');
    expect(JSON.parse(trace.body)).toMatchObject({ statusCode: 405, code: 'METHOD_NOT_ALLOWED' });
    expect((await fetch(`${api.baseUrl}/api/no-such-thing`, { method: 'PATCH' })).status).toBe(404);
  });

  it('the public operations: each with a valid and an invalid request', async () => {
    const UNKNOWN = '00000000-0000-4000-8000-000000000000';
    const monday = nextWeekday(1);
    const from = monday.toISODate() as string;
    const to = monday.plus({ days: 6 }).toISODate() as string;

    expect((await call('GET', '/api/health/live')).status).toBe(200);
    expect((await call('GET', '/api/health/ready')).status).toBe(200);
    expect((await call('GET', '/api/challenge')).status).toBe(200);
    expect((await call('GET', '/api/offices')).status).toBe(200);
    expect((await call('GET', `/api/offices/${office.officeId}/legal`)).status).toBe(200);
    expect((await call('GET', '/api/offices/nope/legal')).status).toBe(400);
    expect((await call('GET', `/api/offices/${UNKNOWN}/legal`)).status).toBe(404);
    expect((await call('GET', `/api/services?officeId=${office.officeId}`)).status).toBe(200);
    expect((await call('GET', '/api/services?officeId=x')).status).toBe(400);
    expect((await call('GET', `/api/availability?officeId=${office.officeId}&serviceId=${office.serviceId}&from=${from}&to=${to}`)).status).toBe(200);
    expect((await call('GET', `/api/availability?officeId=${office.officeId}&serviceId=${office.serviceId}&from=${to}&to=${from}`)).status).toBe(400);

    const hold = await call('POST', '/api/holds', { body: { officeId: office.officeId, serviceId: office.serviceId, start: at(monday, '08:30') } });
    expect(hold.status).toBe(201);
    expect((await call('POST', '/api/holds', { body: { officeId: 'x' } })).status).toBe(400);
    expect((await call('DELETE', `/api/holds/${(hold.body as Json).holdId}`)).status).toBe(204);
    expect((await call('DELETE', '/api/holds/x')).status).toBe(400);

    const booked = await call('POST', '/api/appointments', { body: bookingBody(office.officeId, office.serviceId, at(monday, '09:00'), 1) });
    expect(booked.status).toBe(201);
    expect((await call('POST', '/api/appointments', { body: {} })).status).toBe(400);
    expect((await call('POST', '/api/appointments', { body: bookingBody(office.officeId, office.serviceId, at(monday, '09:10'), 2) })).status).toBe(409);
    // The opt-in for App IO: a boolean, or absent.
    const optedOut = await call('POST', '/api/appointments', {
      body: bookingBody(office.officeId, office.serviceId, at(monday, '11:30'), 3, { channels: { io: false } }),
    });
    expect(optedOut.status).toBe(201);
    const badOptIn = await call('POST', '/api/appointments', {
      body: bookingBody(office.officeId, office.serviceId, at(monday, '11:30'), 4, { channels: { io: 'yes' } }),
    });
    expect(badOptIn.status).toBe(400);
    expect((badOptIn.body as Json).errors.map((e: Json) => e.field)).toEqual(['channels.io']);
    const token = new URL((booked.body as Json).manageUrl).pathname.split('/').pop() as string;
    expect((await call('GET', `/api/appointments/manage/${token}`)).status).toBe(200);
    expect((await call('GET', '/api/appointments/manage/unknown-token')).status).toBe(404);
    const ics = await call('GET', `/api/appointments/manage/${token}/calendar.ics`);
    expect([ics.status, ics.contentType]).toEqual([200, 'text/calendar']);
    expect((await call('GET', '/api/appointments/manage/unknown-token/calendar.ics')).status).toBe(404);
    expect((await call('POST', `/api/appointments/manage/${token}/confirm`)).status).toBe(200);
    expect((await call('POST', '/api/appointments/manage/unknown-token/confirm')).status).toBe(404);
    expect((await call('POST', `/api/appointments/manage/${token}/reschedule`, { body: { start: at(monday, '09:30') } })).status).toBe(200);
    expect((await call('POST', `/api/appointments/manage/${token}/reschedule`, { body: { start: 'soon' } })).status).toBe(400);
    expect((await call('POST', `/api/appointments/manage/${token}/cancel`)).status).toBe(200);
    expect((await call('POST', '/api/appointments/manage/unknown-token/cancel')).status).toBe(404);

    expect(
      (
        await call('POST', '/api/waitlist', {
          body: { officeId: office.officeId, serviceId: office.serviceId, email: 'attesa@example.it', language: 'it', privacyAccepted: true },
        })
      ).status,
    ).toBe(409);
    // A service with no place at all in the booking horizon takes sign-ups.
    await db.sql.query('UPDATE service SET capacity = 0 WHERE id = $1', [office.otherServiceId]);
    expect(
      (
        await call('POST', '/api/waitlist', {
          body: { officeId: office.officeId, serviceId: office.otherServiceId, email: 'attesa@example.it', language: 'it', privacyAccepted: true },
        })
      ).status,
    ).toBe(201);
    expect((await call('POST', '/api/waitlist', { body: { officeId: 'x', email: 'x' } })).status).toBe(400);
    expect((await call('POST', '/api/waitlist/unknown-token/unsubscribe')).status).toBe(200);

    expect((await call('GET', `/api/offices/${office.officeId}/display`)).status).toBe(200);
    expect((await call('GET', '/api/offices/x/display')).status).toBe(400);
    expect((await call('GET', `/api/tickets/${UNKNOWN}`)).status).toBe(404);
    expect((await call('GET', '/api/tickets/x')).status).toBe(400);
    expect((await call('GET', `/api/offices/${office.officeId}/notices`)).status).toBe(200);
    expect((await call('GET', '/api/offices/x/notices')).status).toBe(400);
    expect((await call('GET', '/api/offices/x/events')).status).toBe(400);
    const events = new AbortController();
    const stream = await fetch(`${api.baseUrl}/api/offices/${office.officeId}/events`, { signal: events.signal });
    expect([stream.status, stream.headers.get('content-type')?.split(';')[0]]).toEqual([200, 'text/event-stream']);
    expect(operationOf('GET', `/api/offices/${office.officeId}/events`).operation.responses['200'].content['text/event-stream']).toBeDefined();
    seen.set('GET /api/offices/{officeId}/events', (seen.get('GET /api/offices/{officeId}/events') ?? new Set()).add(200));
    events.abort();

    expect((await call('POST', '/api/auth/login', { body: { username: 'contratto.admin', password: 'sbagliata-davvero' } })).status).toBe(401);
    expect((await call('POST', '/api/auth/login', { body: {} })).status).toBe(400);
    expect((await call('POST', '/api/auth/login', { body: { username: 'contratto.admin', password: STAFF_PASSWORD } })).status).toBe(200);
    expect((await call('POST', '/api/auth/logout')).status).toBe(204);

    await citizenOperations();

    // Every public operation of the document was exercised.
    const publicOperations = Object.entries<Json>(doc.paths).flatMap(([path, item]) =>
      Object.entries<Json>(item)
        .filter(([, operation]) => operation.security.length === 0)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(publicOperations.filter((operation) => !seen.has(operation))).toEqual([]);
  });

  it('the staff operations: each with a valid and an invalid request', async () => {
    await setQueueService(db.sql, office.serviceId, 'C');
    await setQueueService(db.sql, office.otherServiceId, 'S');
    const [deskId] = await insertDesks(db.sql, office.officeId, [{ number: 1, serviceIds: [office.serviceId, office.otherServiceId] }]);
    await openAroundTheClock(db.sql, office.officeId);
    const admin = await StaffClient.login(api.baseUrl, 'contratto.admin');
    const as = (method: string, path: string, body?: unknown) => call(method, path, { client: admin, body });
    const o = `/api/offices/${office.officeId}`;

    expect((await as('GET', '/api/auth/me')).status).toBe(200);
    expect((await as('GET', '/api/audit')).status).toBe(200);
    expect((await as('GET', '/api/audit?pageSize=0')).status).toBe(400);
    expect((await as('GET', '/api/notifications')).status).toBe(200);
    expect((await as('GET', '/api/notifications?limit=0')).status).toBe(400);
    const byChannel = await as('GET', '/api/notifications?channel=EMAIL');
    expect(byChannel.status).toBe(200);
    expect((byChannel.body as Json[]).every((r) => r.channel === 'EMAIL')).toBe(true);
    expect((await as('GET', '/api/notifications?channel=PIGEON')).status).toBe(400);

    // The front desk: a walk-in and a checked-in appointment, through every desk action.
    const walkIn = await as('POST', `${o}/tickets`, { serviceId: office.serviceId });
    expect(walkIn.status).toBe(201);
    expect((await call('GET', `/api/tickets/${(walkIn.body as Json).id}`)).status).toBe(200);
    expect((await as('POST', `${o}/tickets`, {})).status).toBe(400);
    expect((await as('GET', '/api/staff/today')).status).toBe(200);
    expect((await as('GET', '/api/staff/today?officeId=x')).status).toBe(400);
    await insertAppointment(db.sql, office.officeId, office.serviceId, new Date(Date.now() + 10 * 60_000), 'CIE-CNTRCT');
    expect((await as('POST', '/api/appointments/CIE-CNTRCT/check-in', {})).status).toBe(201);
    expect((await as('POST', '/api/appointments/CIE-CNTRCT/check-in', {})).status).toBe(200);
    expect((await as('POST', '/api/appointments/x/check-in', {})).status).toBe(400);
    expect((await as('GET', `${o}/desks`)).status).toBe(200);
    expect((await as('GET', '/api/offices/x/desks')).status).toBe(400);
    expect((await as('GET', `${o}/queue`)).status).toBe(200);
    expect((await as('GET', '/api/offices/x/queue')).status).toBe(400);
    expect((await as('GET', `${o}/agenda`)).status).toBe(200);
    expect((await as('GET', `${o}/agenda?date=soon`)).status).toBe(400);
    const d = `/api/desks/${deskId}`;
    const called = await as('POST', `${d}/call-next`);
    expect(called.status).toBe(200);
    const ticketId = (called.body as Json).id as string;
    expect((await as('POST', '/api/desks/x/call-next')).status).toBe(400);
    expect((await as('POST', `${d}/recall`)).status).toBe(200);
    expect((await as('POST', '/api/desks/x/recall')).status).toBe(400);
    expect((await as('POST', `${d}/no-show`)).status).toBe(200);
    expect((await as('POST', '/api/desks/x/no-show')).status).toBe(400);
    expect((await as('POST', `${d}/undo`, { ticketId })).status).toBe(200);
    expect((await as('POST', `${d}/undo`, {})).status).toBe(400);
    expect((await as('POST', `${d}/start`)).status).toBe(200);
    expect((await as('POST', '/api/desks/x/start')).status).toBe(400);
    expect((await as('POST', `${d}/transfer`, { serviceId: office.otherServiceId })).status).toBe(200);
    expect((await as('POST', `${d}/transfer`, {})).status).toBe(400);
    expect((await as('POST', `${d}/call`, { ticketId })).status).toBe(200);
    expect((await as('POST', `${d}/call`, { ticketId: 'x' })).status).toBe(400);
    expect((await as('POST', `${d}/start`)).status).toBe(200);
    expect((await as('POST', `${d}/complete`, { outcome: 'INFO_ONLY' })).status).toBe(200);
    expect((await as('POST', `${d}/complete`, {})).status).toBe(400);
    expect((await as('POST', `${d}/pause`, { paused: true })).status).toBe(200);
    expect((await as('POST', `${d}/pause`, {})).status).toBe(400);
    expect((await as('POST', `${d}/call-next`)).status).toBe(409);

    // Closures.
    const far = nextWeekday(1, 40).toISODate() as string;
    expect((await as('GET', `${o}/closures`)).status).toBe(200);
    expect((await as('GET', '/api/offices/x/closures')).status).toBe(400);
    const closure = await as('POST', `${o}/closures`, { from: far, reason: 'Inventario' });
    expect(closure.status).toBe(201);
    expect((await as('POST', `${o}/closures`, {})).status).toBe(400);
    expect((await as('DELETE', `${o}/closures/${(closure.body as Json).id}`)).status).toBe(204);
    expect((await as('DELETE', `${o}/closures/x`)).status).toBe(400);

    // Notices on the office's screens.
    const n = `/api/admin/offices/${office.officeId}/notices`;
    const notice = { priority: 'ALERT', textIt: 'Allerta meteo', start: new Date().toISOString(), end: new Date(Date.now() + 3_600_000).toISOString() };
    const posted = await as('POST', n, notice);
    expect(posted.status).toBe(201);
    expect((await as('POST', n, { ...notice, priority: 'URGENT' })).status).toBe(400);
    expect((await as('GET', n)).status).toBe(200);
    expect((await as('GET', '/api/admin/offices/x/notices')).status).toBe(400);
    expect((await as('PUT', `${n}/${(posted.body as Json).id}`, { ...notice, priority: 'INFO' })).status).toBe(200);
    expect((await as('PUT', `${n}/${(posted.body as Json).id}`, { ...notice, end: notice.start })).status).toBe(400);
    expect((await as('DELETE', `${n}/${(posted.body as Json).id}`)).status).toBe(204);
    expect((await as('DELETE', `${n}/${(posted.body as Json).id}`)).status).toBe(404);

    // The administration, on an office of its own.
    expect((await as('GET', '/api/admin/offices')).status).toBe(200);
    const created = await as('POST', '/api/admin/offices', {
      code: 'CONTRATTO',
      name: 'Ufficio del contratto',
      address: 'Via Roma 2',
      city: 'Calderara di Reno',
    });
    expect(created.status).toBe(201);
    expect((await as('POST', '/api/admin/offices', {})).status).toBe(400);
    const a = `/api/admin/offices/${(created.body as Json).id}`;
    expect((await as('GET', a)).status).toBe(200);
    expect((await as('GET', '/api/admin/offices/x')).status).toBe(400);
    expect((await as('PUT', a, { code: 'CONTRATTO', name: 'Ufficio del contratto', address: 'Via Roma 3', city: 'Calderara di Reno' })).status).toBe(200);
    expect((await as('PUT', a, { code: '' })).status).toBe(400);
    expect((await as('GET', `${a}/settings`)).status).toBe(200);
    expect((await as('GET', '/api/admin/offices/x/settings')).status).toBe(400);
    expect((await as('PUT', `${a}/settings`, { bookingHorizonDays: 60, minNoticeMinutes: 0, reconfirmRequired: false })).status).toBe(200);
    expect((await as('PUT', `${a}/settings`, {})).status).toBe(400);
    // The office's App IO key is write-only: set/not set, never the key.
    const withKey = await as('PUT', `${a}/settings`, { bookingHorizonDays: 60, minNoticeMinutes: 0, reconfirmRequired: false, ioApiKey: 'office-io-key-0001' });
    expect(withKey.status).toBe(200);
    expect((withKey.body as Json).io).toEqual({ apiKeySet: true, installationKeySet: false });
    expect(JSON.stringify((await as('GET', `${a}/settings`)).body)).not.toContain('office-io-key-0001');
    expect((await as('PUT', `${a}/settings`, { bookingHorizonDays: 60, minNoticeMinutes: 0, reconfirmRequired: false, ioApiKey: 'a b' })).status).toBe(400);
    const cleared = await as('PUT', `${a}/settings`, { bookingHorizonDays: 60, minNoticeMinutes: 0, reconfirmRequired: false, ioApiKey: null });
    expect((cleared.body as Json).io).toEqual({ apiKeySet: false, installationKeySet: false });
    expect((await as('GET', `${a}/services`)).status).toBe(200);
    expect((await as('GET', '/api/admin/offices/x/services')).status).toBe(400);
    const service = { code: 'NUOVO', names: { it: 'Nuovo servizio' }, durationMinutes: 20, capacity: 1, ticketPrefix: 'N' };
    const newService = await as('POST', `${a}/services`, service);
    expect(newService.status).toBe(201);
    expect((await as('POST', `${a}/services`, {})).status).toBe(400);
    const sv = `${a}/services/${(newService.body as Json).id}`;
    expect((await as('PUT', sv, { ...service, capacity: 2 })).status).toBe(200);
    expect((await as('PUT', sv, {})).status).toBe(400);
    expect((await as('GET', `${a}/opening-hours`)).status).toBe(200);
    expect((await as('GET', '/api/admin/offices/x/opening-hours')).status).toBe(400);
    expect((await as('PUT', `${a}/opening-hours`, { intervals: [{ weekday: 1, start: '08:30', end: '12:30' }] })).status).toBe(200);
    expect((await as('PUT', `${a}/opening-hours`, { intervals: [{ weekday: 9 }] })).status).toBe(400);
    expect((await as('GET', `${a}/desks`)).status).toBe(200);
    expect((await as('GET', '/api/admin/offices/x/desks')).status).toBe(400);
    const desk = await as('POST', `${a}/desks`, { number: 1, name: 'Sportello 1', serviceIds: [] });
    expect(desk.status).toBe(201);
    expect((await as('POST', `${a}/desks`, {})).status).toBe(400);
    const dk = `${a}/desks/${(desk.body as Json).id}`;
    expect((await as('PUT', dk, { number: 1, name: 'Sportello uno', serviceIds: [] })).status).toBe(200);
    expect((await as('PUT', dk, {})).status).toBe(400);
    expect((await as('DELETE', dk)).status).toBe(204);
    expect((await as('DELETE', `${a}/desks/x`)).status).toBe(400);
    expect((await as('DELETE', sv)).status).toBe(204);
    expect((await as('DELETE', `${a}/services/x`)).status).toBe(400);
    expect((await as('DELETE', a)).status).toBe(204);
    expect((await as('DELETE', '/api/admin/offices/x')).status).toBe(400);

    // Staff accounts.
    expect((await as('GET', '/api/admin/staff-users')).status).toBe(200);
    const user = await as('POST', '/api/admin/staff-users', {
      username: 'contratto.op',
      displayName: 'Operatore del contratto',
      role: 'operator',
      password: 'lanterna-vulcano-quaderno-77',
      officeIds: [office.officeId],
    });
    expect(user.status).toBe(201);
    expect((await as('POST', '/api/admin/staff-users', {})).status).toBe(400);
    const u = `/api/admin/staff-users/${(user.body as Json).id}`;
    expect((await as('PUT', u, { displayName: 'Operatrice del contratto', role: 'operator', active: true, officeIds: [office.officeId] })).status).toBe(200);
    expect((await as('PUT', u, {})).status).toBe(400);
    expect((await as('POST', `${u}/password`, { password: 'girasole-lavagna-ombrello-42' })).status).toBe(204);
    expect((await as('POST', `${u}/password`, {})).status).toBe(400);

    // Statistics.
    const period = `from=${far}&to=${far}&officeId=${office.officeId}`;
    expect((await as('GET', '/api/stats/options')).status).toBe(200);
    for (const view of ['summary', 'services', 'outcomes', 'heatmap', 'trend']) {
      expect((await as('GET', `/api/stats/${view}?${period}`)).status).toBe(200);
      const csv = await as('GET', `/api/stats/${view}?${period}&format=csv`);
      expect([csv.status, csv.contentType]).toEqual([200, 'text/csv']);
      expect((await as('GET', `/api/stats/${view}?from=x`)).status).toBe(400);
    }
    expect((await as('GET', `/api/stats/history?officeId=${office.officeId}`)).status).toBe(200);
    expect((await as('GET', '/api/stats/history?officeId=x')).status).toBe(400);
    const csvHeaders = { 'content-type': 'text/csv' };
    expect(
      (
        await call('POST', `/api/stats/history?officeId=${office.officeId}`, {
          client: admin,
          raw: 'month,metric,value\n2019-06,phone_calls,5\n',
          headers: csvHeaders,
        })
      ).status,
    ).toBe(200);
    expect((await call('POST', '/api/stats/history?officeId=x', { client: admin, raw: 'month,metric,value\n', headers: csvHeaders })).status).toBe(400);
    expect((await as('GET', `/api/stats/counters/${office.officeId}?year=2024`)).status).toBe(200);
    expect((await as('GET', `/api/stats/counters/${office.officeId}?year=x`)).status).toBe(400);
    expect((await as('PUT', `/api/stats/counters/${office.officeId}`, { months: [{ month: '2024-03', phoneCalls: 5 }] })).status).toBe(200);
    expect((await as('PUT', `/api/stats/counters/${office.officeId}`, {})).status).toBe(400);
    expect((await as('PUT', `/api/stats/counters/${office.officeId}/2024-04`, { phoneCalls: 3 })).status).toBe(200);
    expect((await as('PUT', `/api/stats/counters/${office.officeId}/2024-04`, {})).status).toBe(400);

    // Without a session every staff operation is 401.
    for (const [path, item] of Object.entries<Json>(doc.paths)) {
      for (const [method, operation] of Object.entries<Json>(item)) {
        if (operation.security.length === 0) continue;
        const concrete = path.replace(/\{\w+\}/g, office.officeId);
        expect((await call(method.toUpperCase(), concrete, method === 'get' ? {} : { body: {} })).status).toBe(401);
      }
    }
  });

  it('exercised every operation of the document, each with a success and (where it takes input or a session) a refusal', () => {
    const missing: string[] = [];
    for (const [path, item] of Object.entries<Json>(doc.paths)) {
      for (const [method, operation] of Object.entries<Json>(item)) {
        const key = `${method.toUpperCase()} ${path}`;
        const statuses = [...(seen.get(key) ?? [])];
        // Refusable: the document names a 400, 401 or 404 for it.
        const refusable = ['400', '401', '404'].some((status) => operation.responses[status] !== undefined);
        if (!statuses.some((s) => s < 400)) missing.push(`${key}: no success`);
        if (refusable && !statuses.some((s) => s >= 400)) missing.push(`${key}: no refusal`);
      }
    }
    expect(missing).toEqual([]);
  });
});
