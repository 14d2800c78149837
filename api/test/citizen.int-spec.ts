import { createTestDatabase, logMessages, RunningApi, startApi, TestDatabase } from './support/api-process';
import { at, bookingBody, nextWeekday, post } from './support/booking';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { fiscalCode } from '../../libs/domain/testing/fiscal-codes.cjs';
import { solvedHeader } from './support/challenge';
import { insertStaff, StaffClient } from './support/staff';
import { getJson } from './support/http';
import { CitizenBrowser, oidcEnv, RunningProvider, startProvider, TestCitizen } from './support/identity-provider';
import { eventually, freePort } from './support/smtp';

// Citizens' sign-in with SPID/CIE (issue 15): the built api against the stand-in OpenID
// provider (oidc-provider, tools/oidc/provider.mjs) on loopback, over real HTTP, real PostgreSQL.

const CITIZENS: TestCitizen[] = [
  { id: 'anna', firstName: 'Anna', lastName: 'Verdi', fiscalCode: fiscalCode(301, 'F'), email: 'anna.verdi@example.it' },
  { id: 'bruno', firstName: 'Bruno', lastName: 'Neri', fiscalCode: fiscalCode(302, 'M'), email: 'bruno.neri@example.it' },
  // A provider that leaves out the fiscal-number claim.
  { id: 'senzacf', firstName: 'Carla', lastName: 'Bassi', email: 'carla.bassi@example.it' },
];

describe('citizens sign in with SPID/CIE (OpenID Connect, stand-in provider on loopback)', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let provider: RunningProvider;
  let office: OfficeFixture;
  let base: string;
  const monday = nextWeekday(1, 5);

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    provider = await startProvider(base, CITIZENS);
    api = await startApi(db.url, {
      ...oidcEnv(provider),
      PORT: String(port),
      PUBLIC_URL: base,
      THROTTLE_LIMIT: '100000',
      BOOKING_CHALLENGE: 'on',
      MAX_ACTIVE_PER_CF: '20',
    });
  });

  afterAll(async () => {
    await api?.stop();
    await provider?.stop();
    await db?.drop();
  });

  const sessions = async () => Number((await db.sql.query('SELECT count(*) AS n FROM citizen_session')).rows[0].n);
  const book = (browser: CitizenBrowser, time: string, body: Record<string, unknown> = {}) =>
    browser.api(base, 'POST', '/api/appointments', {
      officeId: office.officeId,
      serviceId: office.serviceId,
      start: at(monday, time),
      citizen: { email: 'scelta@example.it' },
      language: 'it',
      privacyAccepted: true,
      ...body,
    });

  it('GET /api/config says sign-in is available, with the provider label', async () => {
    const config = await getJson(`${base}/api/config`);
    expect(config.body).toEqual({ signIn: { available: true, providerName: 'SPID / CIE (prova)', loginUrl: '/api/citizen/login' }, channels: { io: false } });
  });

  it('login redirects to the authorisation endpoint with code, PKCE S256, state, nonce and the redirect URI; returnTo only a same-origin path', async () => {
    const browser = new CitizenBrowser();
    const login = await browser.hop('GET', `${base}/api/citizen/login?returnTo=${encodeURIComponent('//evil.example/x')}`);
    expect(login.status).toBe(302);
    const url = new URL(login.location as string);
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toEqual(
      expect.objectContaining({
        response_type: 'code',
        client_id: 'sportello-test',
        code_challenge_method: 'S256',
        code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        state: expect.stringMatching(/.{20,}/),
        nonce: expect.stringMatching(/.{20,}/),
        redirect_uri: `${base}/api/citizen/callback`,
        scope: 'openid profile email',
      }),
    );
    expect(login.setCookies.join('\n')).toMatch(/sportello_citizen_login=[^;]+; Max-Age=600; Path=\/api\/citizen; .*HttpOnly; SameSite=Lax/);
    // The pending sign-in is stored with returnTo made safe.
    const pending = await db.sql.query(`SELECT return_to FROM citizen_login ORDER BY expires_at DESC LIMIT 1`);
    expect(pending.rows[0].return_to).toBe('/');
  });

  it('the whole flow: sign-in, 302 to returnTo with the session cookie, /me, a booking from the identity without proof of work, my bookings', async () => {
    const browser = new CitizenBrowser();
    const callback = await browser.signIn(base, 'anna', '/le-mie-prenotazioni?x=1');
    expect(callback.status).toBe(302);
    expect(callback.location).toBe(`${base}/le-mie-prenotazioni?x=1`);
    const session = callback.setCookies.find((c) => c.startsWith('sportello_citizen='));
    expect(session).toMatch(/^sportello_citizen=[A-Za-z0-9_-]{43}; Max-Age=1800; Path=\/api; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    // Only the hash is stored.
    const token = decodeURIComponent(browser.cookie(base, 'sportello_citizen') as string);
    const stored = await db.sql.query(`SELECT encode(token_hash, 'hex') AS h, fiscal_code FROM citizen_session`);
    expect(stored.rows.map((r) => r.h)).not.toContain(token);
    expect(stored.rows.map((r) => r.fiscal_code)).toContain(CITIZENS[0].fiscalCode);

    const me = await browser.api(base, 'GET', '/api/citizen/me');
    expect(me).toMatchObject({
      status: 200,
      body: { fiscalCode: CITIZENS[0].fiscalCode, firstName: 'Anna', lastName: 'Verdi', email: 'anna.verdi@example.it' },
    });

    // BOOKING_CHALLENGE is on: signed in, no X-Altcha is needed; the identity fills in the person.
    const booked = await book(browser, '09:00');
    expect(booked.status).toBe(201);
    const row = await db.sql.query(`SELECT fiscal_code, first_name, last_name, email FROM appointment WHERE code = $1`, [booked.body.code]);
    expect(row.rows[0]).toEqual({ fiscal_code: CITIZENS[0].fiscalCode, first_name: 'Anna', last_name: 'Verdi', email: 'scelta@example.it' });
    // Anonymous, the same request needs the proof of work.
    expect((await post(`${base}/api/appointments`, bookingBody(office.officeId, office.serviceId, at(monday, '09:30'), 5))).body.code).toBe(
      'CHALLENGE_REQUIRED',
    );

    const mine = await browser.api(base, 'GET', '/api/citizen/appointments');
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual([
      {
        code: booked.body.code,
        start: booked.body.start,
        end: booked.body.end,
        officeId: office.officeId,
        serviceId: office.serviceId,
        status: 'BOOKED',
        attendance: { status: 'NOT_REQUIRED', confirmBy: null, confirmedAt: null },
        timeZone: 'Europe/Rome',
        serviceCode: 'CIE',
        serviceName: { it: "Carta d'identità", en: 'Identity card' },
        officeName: 'Ufficio di prova',
        canChange: true,
      },
    ]);

    // Moving and cancelling need the CSRF header, then work as the manage link does.
    expect((await browser.api(base, 'POST', `/api/citizen/appointments/${booked.body.code}/cancel`, undefined, { csrf: false })).status).toBe(403);
    const moved = await browser.api(base, 'POST', `/api/citizen/appointments/${booked.body.code.toLowerCase()}/reschedule`, { start: at(monday, '10:00') });
    expect(moved).toMatchObject({ status: 200, body: { code: booked.body.code, status: 'BOOKED' } });
    const cancelled = await browser.api(base, 'POST', `/api/citizen/appointments/${booked.body.code}/cancel`);
    expect(cancelled).toMatchObject({ status: 200, body: { code: booked.body.code, status: 'CANCELLED' } });
    expect((await browser.api(base, 'GET', '/api/citizen/appointments')).body[0]).toMatchObject({ status: 'CANCELLED', canChange: false });
  });

  it('my bookings say when they can no longer be changed: canChange false inside the cancel cut-off, as the manage link says', async () => {
    const browser = new CitizenBrowser();
    await browser.signIn(base, 'anna');
    const booked = await book(browser, '15:30');
    expect(booked.status).toBe(201);
    // Two hours from now: inside the 24-hour cut-off (CANCEL_CUTOFF_HOURS).
    await db.sql.query(`UPDATE appointment SET start_at = now() + interval '2 hours', end_at = now() + interval '150 minutes' WHERE code = $1`, [
      booked.body.code,
    ]);
    const listed = (await browser.api(base, 'GET', '/api/citizen/appointments')).body.find((a: { code: string }) => a.code === booked.body.code);
    expect(listed).toMatchObject({ status: 'BOOKED', canChange: false });
    const token = new URL(booked.body.manageUrl).pathname.split('/').pop() as string;
    expect((await getJson(`${base}/api/appointments/manage/${token}`)).body.canChange).toBe(false);
    expect((await browser.api(base, 'GET', `/api/citizen/appointments/${booked.body.code}`)).body.canChange).toBe(false);
    expect((await browser.api(base, 'POST', `/api/citizen/appointments/${booked.body.code}/cancel`)).body.code).toBe('CHANGE_CLOSED');
  });

  it('a signed-in booking refuses a codice fiscale or names that differ from the identity, naming each field', async () => {
    const browser = new CitizenBrowser();
    expect((await browser.signIn(base, 'anna')).status).toBe(302);
    const wrong = await book(browser, '11:00', { citizen: { fiscalCode: fiscalCode(9), firstName: 'Maria', lastName: 'verdi', email: 'a@example.it' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([
      { field: 'citizen.fiscalCode', message: expect.stringContaining('identità digitale') },
      { field: 'citizen.firstName', message: expect.stringContaining('identità digitale') },
    ]);
    // The same values, in another case and spacing, are the identity's.
    const same = await book(browser, '11:00', {
      citizen: { fiscalCode: CITIZENS[0].fiscalCode?.toLowerCase(), firstName: ' anna ', lastName: 'VERDI', email: 'a@example.it' },
    });
    expect(same.status).toBe(201);
    expect((await db.sql.query(`SELECT first_name FROM appointment WHERE code = $1`, [same.body.code])).rows[0].first_name).toBe('Anna');
  });

  it('two citizens never see or change each other’s bookings: someone else’s code is 404, as an unknown one', async () => {
    const anna = new CitizenBrowser();
    const bruno = new CitizenBrowser();
    await anna.signIn(base, 'anna');
    await bruno.signIn(base, 'bruno');
    const annas = await book(anna, '11:30');
    expect(annas.status).toBe(201);
    const brunos = await bruno.api(base, 'GET', '/api/citizen/appointments');
    expect(brunos.body.map((a: { code: string }) => a.code)).not.toContain(annas.body.code);
    const theirs = await bruno.api(base, 'POST', `/api/citizen/appointments/${annas.body.code}/cancel`);
    const unknown = await bruno.api(base, 'POST', `/api/citizen/appointments/CIE-ZZZZZZ/cancel`);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(unknown.body);
    expect((await bruno.api(base, 'POST', `/api/citizen/appointments/${annas.body.code}/reschedule`, { start: at(monday, '12:00') })).status).toBe(404);
    expect((await db.sql.query(`SELECT status, start_at FROM appointment WHERE code = $1`, [annas.body.code])).rows[0].status).toBe('BOOKED');
  });

  it('one of my bookings by its code: the manage view, attendance confirmation and the calendar file; someone else’s code is 404, as an unknown one', async () => {
    const anna = new CitizenBrowser();
    const bruno = new CitizenBrowser();
    await anna.signIn(base, 'anna');
    await bruno.signIn(base, 'bruno');
    const booked = await book(anna, '15:00');
    expect(booked.status).toBe(201);
    const code: string = booked.body.code;
    const token = new URL(booked.body.manageUrl).pathname.split('/').pop() as string;
    const path = (suffix = '') => `/api/citizen/appointments/${code}${suffix}`;

    // The detail: exactly the manage link's answer, by a code in any case.
    const detail = await anna.api(base, 'GET', `/api/citizen/appointments/${code.toLowerCase()}`);
    expect(detail.status).toBe(200);
    expect(detail.headers.get('cache-control')).toBe('no-store');
    expect(detail.body).toEqual((await getJson(`${base}/api/appointments/manage/${token}`)).body);
    expect(detail.body).toMatchObject({ code, status: 'BOOKED', canChange: true, serviceCode: 'CIE' });
    expect(await new CitizenBrowser().api(base, 'GET', path())).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    const theirs = await bruno.api(base, 'GET', path());
    const unknown = await bruno.api(base, 'GET', '/api/citizen/appointments/CIE-ZZZZZZ');
    const malformed = await bruno.api(base, 'GET', '/api/citizen/appointments/not-a-code');
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(unknown.body);
    expect(malformed).toMatchObject({ status: 404, body: unknown.body });

    // Attendance confirmation: the CSRF header, not someone else's, idempotent.
    expect(await anna.api(base, 'POST', path('/confirm'), undefined, { csrf: false })).toMatchObject({ status: 403, body: { code: 'CSRF_TOKEN_INVALID' } });
    const notMine = await bruno.api(base, 'POST', path('/confirm'));
    expect(notMine.status).toBe(404);
    expect(notMine.body).toEqual((await bruno.api(base, 'POST', '/api/citizen/appointments/CIE-ZZZZZZ/confirm')).body);
    expect((await db.sql.query(`SELECT confirmed_at FROM appointment WHERE code = $1`, [code])).rows[0].confirmed_at).toBeNull();
    const confirmed = await anna.api(base, 'POST', path('/confirm'));
    expect(confirmed).toMatchObject({ status: 200, body: { code, attendance: { status: 'CONFIRMED', confirmedAt: expect.any(String) } } });
    const again = await anna.api(base, 'POST', path('/confirm'));
    expect(again.body.attendance).toEqual(confirmed.body.attendance);
    expect((await anna.api(base, 'GET', '/api/citizen/appointments')).body.find((a: { code: string }) => a.code === code).attendance.status).toBe('CONFIRMED');

    // The calendar file: the manage link's, with the booking's page of "Le mie prenotazioni" as its link.
    const ics = await anna.api(base, 'GET', path('/calendar.ics'));
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(ics.headers.get('content-disposition')).toBe(`attachment; filename="${code}.ics"`);
    const unfolded = (text: string) => text.replace(/\r\n[ \t]/g, '');
    const file = unfolded(ics.body);
    expect(file).toContain(code);
    expect(file).toContain(`URL:${base}/le-mie-prenotazioni/${code}`);
    expect(file).not.toContain('/gestisci/');
    const viaLink = unfolded(await (await fetch(`${base}/api/appointments/manage/${token}/calendar.ics`)).text());
    const withoutStamp = (text: string) => text.replace(/^DTSTAMP:.*$/gm, '');
    expect(withoutStamp(file)).toBe(withoutStamp(viaLink).replaceAll(`${base}/gestisci/${token}`, `${base}/le-mie-prenotazioni/${code}`));
    const otherIcs = await bruno.api(base, 'GET', path('/calendar.ics'));
    expect(otherIcs.status).toBe(404);
    expect(otherIcs.body).toEqual(unknown.body);

    // Cancelled: still shown (as in the list), no longer confirmed nor in a calendar file.
    expect((await anna.api(base, 'POST', path('/cancel'))).status).toBe(200);
    expect(await anna.api(base, 'GET', path())).toMatchObject({ status: 200, body: { code, status: 'CANCELLED', canChange: false } });
    expect((await bruno.api(base, 'GET', path())).body).toEqual(unknown.body);
    expect((await anna.api(base, 'POST', path('/confirm'))).status).toBe(404);
    expect((await anna.api(base, 'GET', path('/calendar.ics'))).status).toBe(404);
  });

  describe('fails closed, with a page in Italian and English and no session', () => {
    /** The answer is the refusal page, no session was opened, and the api logged why (`reason`). */
    async function expectRefused(hop: { status: number; body: string; setCookies: string[]; contentType: string }, before: number, reason: RegExp) {
      const logged = logMessages(api.output())
        .split('\n')
        .filter((line) => line.includes('sign-in refused'));
      expect(logged[logged.length - 1]).toMatch(reason);
      expect(hop.status).toBe(400);
      expect(hop.contentType).toMatch(/^text\/html/);
      expect(hop.body).toContain('Accesso non riuscito');
      expect(hop.body).toContain('Sign-in failed');
      expect(hop.setCookies.some((c) => c.startsWith('sportello_citizen='))).toBe(false);
      expect(await sessions()).toBe(before);
    }

    it('a wrong or a missing state', async () => {
      const browser = new CitizenBrowser();
      const callback = new URL(await browser.authorise(base, 'anna'));
      const before = await sessions();
      const wrong = new URL(callback);
      wrong.searchParams.set('state', 'not-the-state');
      await expectRefused(await browser.hop('GET', wrong.href), before, /state does not match/);
      // The pending sign-in was used up by the refused attempt: the right state now fails too.
      await expectRefused(await browser.hop('GET', callback.href), before, /no pending sign-in/);

      const other = new CitizenBrowser();
      const missing = new URL(await other.authorise(base, 'anna'));
      missing.searchParams.delete('state');
      await expectRefused(await other.hop('GET', missing.href), before, /state does not match/);
    });

    it('a callback in another browser than the one that started the sign-in (no pending sign-in there)', async () => {
      const callback = await new CitizenBrowser().authorise(base, 'anna');
      const before = await sessions();
      await expectRefused(await new CitizenBrowser().hop('GET', callback), before, /no pending sign-in/);
    });

    it('a replayed code: the same callback twice, and the code with a new sign-in of this browser', async () => {
      const browser = new CitizenBrowser();
      const callback = new URL(await browser.authorise(base, 'anna'));
      expect((await browser.hop('GET', callback.href)).status).toBe(302);
      const before = await sessions();
      await expectRefused(await browser.hop('GET', callback.href), before, /no pending sign-in/);
      // A fresh sign-in (new state and verifier) with the old code: the provider refuses the code.
      const fresh = new URL(await new CitizenBrowser().authorise(base, 'anna'));
      const again = await browser.hop('GET', `${base}/api/citizen/login`);
      const state = new URL(again.location as string).searchParams.get('state') as string;
      fresh.searchParams.set('state', state);
      fresh.searchParams.set('code', callback.searchParams.get('code') as string);
      await expectRefused(await browser.hop('GET', fresh.href), before, /OAUTH_RESPONSE_BODY_ERROR.*\[invalid_grant/);
    });

    it('a wrong iss in the authorisation response', async () => {
      const browser = new CitizenBrowser();
      const callback = new URL(await browser.authorise(base, 'anna'));
      expect(callback.searchParams.get('iss')).toBe(provider.issuer);
      callback.searchParams.set('iss', 'http://127.0.0.1:1/someone-else');
      const before = await sessions();
      await expectRefused(await browser.hop('GET', callback.href), before, /OAUTH_INVALID_RESPONSE.*unexpected "iss" \(issuer\) response parameter/);
    });

    it.each([
      ['iss', /OAUTH_JWT_CLAIM_COMPARISON_FAILED.*JWT "iss" \(issuer\) claim value/],
      ['aud', /OAUTH_JWT_CLAIM_COMPARISON_FAILED.*JWT "aud" \(audience\) claim value/],
      ['nonce', /OAUTH_JWT_CLAIM_COMPARISON_FAILED.*ID Token "nonce" claim value/],
      ['expired', /OAUTH_JWT_TIMESTAMP_CHECK_FAILED.*"exp" \(expiration time\) claim value, expiration is past/],
    ] as const)('an ID token with a wrong %s (signed by the provider)', async (kind, reason) => {
      const browser = new CitizenBrowser();
      const callback = await browser.authorise(base, 'anna');
      await provider.fault(kind);
      const before = await sessions();
      await expectRefused(await browser.hop('GET', callback), before, reason);
    });

    it('an identity without the fiscal-code claim', async () => {
      const browser = new CitizenBrowser();
      const before = await sessions();
      await expectRefused(await browser.signIn(base, 'senzacf'), before, /has no https:\/\/attributes\.eid\.gov\.it\/fiscal_number claim/);
    });

    it('answers JSON SIGN_IN_FAILED to a client asking for JSON', async () => {
      const answer = await fetch(`${base}/api/citizen/callback?code=x&state=y`, { headers: { accept: 'application/json', 'accept-language': 'en' } });
      expect(answer.status).toBe(400);
      expect(await answer.json()).toEqual({ statusCode: 400, code: 'SIGN_IN_FAILED', message: expect.stringContaining('Sign-in failed') });
    });
  });

  it('logout deletes the session server-side (a copied cookie no longer works) and gives the provider’s logout URL', async () => {
    const browser = new CitizenBrowser();
    await browser.signIn(base, 'bruno');
    const cookieValue = browser.cookie(base, 'sportello_citizen') as string;
    expect((await browser.api(base, 'POST', '/api/citizen/logout', undefined, { csrf: false })).status).toBe(403);
    const before = await sessions();
    const out = await browser.api(base, 'POST', '/api/citizen/logout');
    expect(out.status).toBe(204);
    expect(await sessions()).toBe(before - 1);
    const endSession = new URL(out.headers.get('x-end-session-url') as string);
    expect(endSession.origin).toBe(provider.issuer);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${base}/`);
    expect(endSession.searchParams.get('id_token_hint')).toMatch(/^ey/);
    const copied = await fetch(`${base}/api/citizen/me`, { headers: { cookie: `sportello_citizen=${cookieValue}` } });
    expect(copied.status).toBe(401);
    expect((await copied.json()).code).toBe('UNAUTHORIZED');
    expect((await getJson(`${base}/api/citizen/me`)).body.code).toBe('UNAUTHORIZED');
  });

  it('signInRequired: anonymous holds and bookings of the service are 401 SIGN_IN_REQUIRED; signed in they work; the service DTO says so', async () => {
    await db.sql.query(`UPDATE service SET sign_in_required = true WHERE id = $1`, [office.otherServiceId]);
    const services = await getJson(`${base}/api/services?officeId=${office.officeId}`);
    expect(services.body.map((s: { id: string; signInRequired: boolean }) => [s.id, s.signInRequired])).toEqual(
      expect.arrayContaining([
        [office.serviceId, false],
        [office.otherServiceId, true],
      ]),
    );
    const anonymous = new CitizenBrowser();
    const hold = await anonymous.api(base, 'POST', '/api/holds', { officeId: office.officeId, serviceId: office.otherServiceId, start: at(monday, '08:30') });
    // No proof of work asked first: whatever it were, an anonymous request could not book this service.
    expect(hold).toMatchObject({ status: 401, body: { code: 'SIGN_IN_REQUIRED' } });
    const anonymousBookingWithoutChallenge = await anonymous.api(
      base,
      'POST',
      '/api/appointments',
      bookingBody(office.officeId, office.otherServiceId, at(monday, '08:30'), 7),
    );
    expect(anonymousBookingWithoutChallenge).toMatchObject({ status: 401, body: { code: 'SIGN_IN_REQUIRED' } });
    // Another service still asks for the proof of work.
    expect(
      (await anonymous.api(base, 'POST', '/api/holds', { officeId: office.officeId, serviceId: office.serviceId, start: at(monday, '08:30') })).body.code,
    ).toBe('CHALLENGE_REQUIRED');
    const anonymousHold = await post(
      `${base}/api/holds`,
      { officeId: office.officeId, serviceId: office.otherServiceId, start: at(monday, '08:30') },
      await solvedHeader(base),
    );
    expect(anonymousHold).toMatchObject({ status: 401, body: { code: 'SIGN_IN_REQUIRED' } });
    const anonymousBooking = await post(
      `${base}/api/appointments`,
      bookingBody(office.officeId, office.otherServiceId, at(monday, '08:30'), 7),
      await solvedHeader(base),
    );
    expect(anonymousBooking).toMatchObject({ status: 401, body: { code: 'SIGN_IN_REQUIRED' } });
    expect((await db.sql.query(`SELECT count(*) AS n FROM appointment WHERE service_id = $1`, [office.otherServiceId])).rows[0].n).toBe('0');

    const bruno = new CitizenBrowser();
    await bruno.signIn(base, 'bruno');
    const held = await bruno.api(base, 'POST', '/api/holds', { officeId: office.officeId, serviceId: office.otherServiceId, start: at(monday, '08:30') });
    expect(held.status).toBe(201);
    const booked = await book(bruno, '08:30', { serviceId: office.otherServiceId, holdId: held.body.holdId });
    expect(booked.status).toBe(201);
    await db.sql.query(`UPDATE service SET sign_in_required = false WHERE id = $1`, [office.otherServiceId]);
  });

  it('signInRequired is set by the office’s manager on the service: kept by a save that leaves it out', async () => {
    await insertStaff(db.sql, 'cittadini.responsabile', 'manager', [office.officeId]);
    const manager = await StaffClient.login(base, 'cittadini.responsabile');
    const path = `/api/admin/offices/${office.officeId}/services/${office.otherServiceId}`;
    const listed = async () =>
      ((await manager.get(`/api/admin/offices/${office.officeId}/services`)).body as Array<Record<string, unknown>>).find(
        (s) => s['id'] === office.otherServiceId,
      ) as Record<string, unknown>;
    const listedBody = await listed();
    expect(listedBody['signInRequired']).toBe(false);
    const body = Object.fromEntries(Object.entries(listedBody).filter(([key]) => !['id', 'officeId', 'desks', 'signInRequired'].includes(key)));
    expect((await manager.send('PUT', path, { ...body, signInRequired: true })).body.signInRequired).toBe(true);
    // The web's form of today does not send it: a save keeps it.
    expect((await manager.send('PUT', path, { ...body, sortOrder: 5 })).body.signInRequired).toBe(true);
    expect((await listed())['signInRequired']).toBe(true);
    expect((await manager.send('PUT', path, { ...body, signInRequired: 'yes' })).status).toBe(400);
    expect((await manager.send('PUT', path, { ...body, signInRequired: false })).body.signInRequired).toBe(false);
  });

  it('recover answers the same whether or not a booking matches, and e-mails the manage link again only when one does', async () => {
    const n = 311;
    const made = await post(`${base}/api/appointments`, bookingBody(office.officeId, office.serviceId, at(monday, '14:30'), n), await solvedHeader(base));
    expect(made.status).toBe(201);
    const mails = async () =>
      Number(
        (
          await db.sql.query(
            `SELECT count(*) AS n FROM notification n JOIN appointment a ON a.id = n.appointment_id WHERE a.code = $1 AND n.dedupe_key LIKE 'RECOVER:%'`,
            [made.body.code],
          )
        ).rows[0].n,
      );
    const recover = async (body: unknown) => post(`${base}/api/appointments/recover`, body, await solvedHeader(base));
    // Lower case and another spelling of the mailbox are the same person and address.
    const matching = await recover({ fiscalCode: fiscalCode(n).toLowerCase(), email: `CITTADINO${n}@example.it` });
    const nobody = await recover({ fiscalCode: fiscalCode(n + 1), email: `cittadino${n}@example.it` });
    const otherMail = await recover({ fiscalCode: fiscalCode(n), email: 'altro@example.it' });
    for (const answer of [matching, nobody, otherMail]) {
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual(matching.body);
    }
    expect(matching.body).toEqual({ message: expect.stringContaining('Se esiste una prenotazione futura') });
    expect(await mails()).toBe(1);
    // Without the proof of work: refused; bad input: 400 naming the fields.
    expect((await post(`${base}/api/appointments/recover`, { fiscalCode: fiscalCode(n), email: `cittadino${n}@example.it` })).body.code).toBe(
      'CHALLENGE_REQUIRED',
    );
    const bad = await recover({ fiscalCode: 'RSSMRA', email: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['fiscalCode', 'email']);
    // Per identity: after the limit, 429 — also for another spelling of the same person and mailbox.
    let last = matching;
    for (let i = 0; i < 3; i++) last = await recover({ fiscalCode: fiscalCode(n), email: `cittadino${n}+x@example.it` });
    expect(last.status).toBe(429);
    await eventually(
      () => mails(),
      (count) => count === 1,
    );
  });
});

describe('citizens sign-in while the provider is down, and without OIDC_ISSUER', () => {
  let db: TestDatabase;
  let down: RunningApi;
  let off: RunningApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    const closed = await freePort();
    down = await startApi(db.url, { OIDC_ISSUER: `http://127.0.0.1:${closed}`, OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' });
    off = await startApi(db.url);
  });

  afterAll(async () => {
    await Promise.all([down?.stop(), off?.stop()]);
    await db?.drop();
  });

  it('starts, and the login answers a 503 page (JSON on request) instead of a 500', async () => {
    const page = await fetch(`${down.baseUrl}/api/citizen/login`, { redirect: 'manual' });
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('non è disponibile in questo momento');
    const json = await getJson(`${down.baseUrl}/api/citizen/login`);
    expect(json.body).toEqual({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: expect.any(String) });
    expect(json.headers.get('retry-after')).toBe('60');
  });

  it('without OIDC_ISSUER nothing changes: no sign-in offered, login 404, me 401', async () => {
    expect((await getJson(`${off.baseUrl}/api/config`)).body).toEqual({
      signIn: { available: false, providerName: null, loginUrl: null },
      channels: { io: false },
    });
    expect((await getJson(`${off.baseUrl}/api/citizen/login`)).status).toBe(404);
    expect((await getJson(`${off.baseUrl}/api/citizen/me`)).status).toBe(401);
  });
});
