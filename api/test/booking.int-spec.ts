import ICAL from 'ical.js';
import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { at, bookingBody, countBy, nextWeekday, post } from './support/booking';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { fiscalCode } from '../../libs/domain/testing/fiscal-codes.cjs';
import { getJson } from './support/http';

/** Rows that booking may write; a refused request must leave all of them unchanged. */
async function snapshot(db: TestDatabase) {
  const { rows } = await db.sql.query(`
    SELECT (SELECT count(*) FROM appointment)::int AS appointments,
           (SELECT count(*) FROM hold)::int AS holds,
           (SELECT count(*) FROM idempotency_record)::int AS idempotency,
           (SELECT count(*) FROM slot_seat WHERE claim_kind IS NOT NULL)::int AS claimed`);
  return rows[0];
}

describe('booking (real HTTP, real PostgreSQL)', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let office: OfficeFixture;
  let n = 1000;
  const monday = nextWeekday(1);

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    api = await startApi(db.url, { THROTTLE_LIMIT: '100000', MAX_HOLDS_PER_CLIENT: '3', PUBLIC_URL: 'https://prenota.example.it' });
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const book = (start: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}, service = office.serviceId) =>
    post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, service, start, n++, extra), headers);
  const remaining = async (start: string, service = office.serviceId) => {
    const date = start.slice(0, 10);
    const { body } = await getJson(`${api.baseUrl}/api/availability?officeId=${office.officeId}&serviceId=${service}&from=${date}&to=${date}`);
    return (
      body.days.flatMap((d: { slots: Array<{ start: string; remaining: number }> }) => d.slots).find((s: { start: string }) => s.start === start)?.remaining ??
      0
    );
  };
  const manageToken = (manageUrl: string) => manageUrl.split('/').pop() as string;
  const releaseHolds = () => db.sql.query(`UPDATE slot_seat SET claim_kind = NULL, claim_id = NULL, claim_expires_at = NULL WHERE claim_kind = 'HOLD'`);

  it('200 parallel bookings of one slot of capacity 2: exactly 2 succeed', async () => {
    const start = at(monday, '08:30');
    const answers = await Promise.all(Array.from({ length: 200 }, () => book(start)));
    expect(countBy(answers, (a) => a.status)).toEqual({ 201: 2, 409: 198 });
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'SLOT_UNAVAILABLE' && Array.isArray(a.body.alternatives))).toBe(true);
    const rows = await db.sql.query('SELECT count(*)::int AS n FROM appointment WHERE start_at = $1', [start]);
    expect(rows.rows[0].n).toBe(2);
    expect(await remaining(start)).toBe(0);
    const created = answers.find((a) => a.status === 201)?.body;
    expect(created).toEqual({
      code: expect.stringMatching(/^CIE-[23456789BCDFGHJKMNPQRSTVWXYZ]{6}$/),
      start,
      end: at(monday, '09:00'),
      officeId: office.officeId,
      serviceId: office.serviceId,
      status: 'BOOKED',
      manageUrl: expect.stringMatching(/^https:\/\/prenota\.example\.it\/gestisci\/[A-Za-z0-9_-]{43}$/),
      // CANCEL_CUTOFF_HOURS (24) before the start.
      changeableUntil: new Date(new Date(start).getTime() - 24 * 3_600_000).toISOString(),
    });
  });

  it('a full slot answers with up to five nearest free alternatives', async () => {
    // Its own office, filled here: the test does not rely on the previous test's bookings.
    const own = await insertOffice(db.sql, 'FULL');
    const bookOwn = () => post(`${api.baseUrl}/api/appointments`, bookingBody(own.officeId, own.serviceId, at(monday, '08:30'), n++));
    expect([(await bookOwn()).status, (await bookOwn()).status]).toEqual([201, 201]);
    const { status, body } = await bookOwn();
    expect(status).toBe(409);
    expect(body.alternatives.map((a: { start: string }) => a.start)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00'].map((t) => at(monday, t)));
  });

  it('200 parallel holds of one slot of capacity 2: exactly 2 succeed, and they count against capacity', async () => {
    const start = at(monday, '09:00');
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => post(`${api.baseUrl}/api/holds`, { officeId: office.officeId, serviceId: office.serviceId, start })),
    );
    expect(countBy(answers, (a) => a.status)).toEqual({ 201: 2, 409: 198 });
    const hold = answers.find((a) => a.status === 201)?.body;
    expect(hold).toEqual({ holdId: expect.any(String), expiresAt: expect.any(String) });
    const minutes = (new Date(hold.expiresAt).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThanOrEqual(10);
    expect(await remaining(start)).toBe(0);
    expect((await book(start)).status).toBe(409);
  });

  it('a hold becomes the appointment; an expired hold frees its place without any job running', async () => {
    await releaseHolds();
    const start = at(monday, '09:30');
    const first = await post(`${api.baseUrl}/api/holds`, { officeId: office.officeId, serviceId: office.serviceId, start });
    const second = await post(`${api.baseUrl}/api/holds`, { officeId: office.officeId, serviceId: office.serviceId, start });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(await remaining(start)).toBe(0);

    const booked = await book(start, { holdId: first.body.holdId });
    expect(booked.status).toBe(201);
    const seat = await db.sql.query(`SELECT claim_kind FROM slot_seat WHERE claim_id = (SELECT id FROM appointment WHERE code = $1)`, [booked.body.code]);
    expect(seat.rows).toEqual([{ claim_kind: 'APPOINTMENT' }]);

    // Time passes: the second hold's expiry is now in the past. Nothing else happens.
    await db.sql.query(`UPDATE slot_seat SET claim_expires_at = now() - interval '1 second' WHERE claim_id = $1`, [second.body.holdId]);
    expect(await remaining(start)).toBe(1);
    expect((await book(start)).status).toBe(201);
    expect(await remaining(start)).toBe(0);
  });

  it('a released hold gives its place back at once', async () => {
    await releaseHolds();
    const spid = (time: string) => post(`${api.baseUrl}/api/holds`, { officeId: office.officeId, serviceId: office.otherServiceId, start: at(monday, time) });
    const first = await spid('08:30');
    expect(first.status).toBe(201);
    expect(await remaining(at(monday, '08:30'), office.otherServiceId)).toBe(0);
    const released = await fetch(`${api.baseUrl}/api/holds/${first.body.holdId}`, { method: 'DELETE' });
    expect(released.status).toBe(204);
    expect(await remaining(at(monday, '08:30'), office.otherServiceId)).toBe(1);
    expect((await fetch(`${api.baseUrl}/api/holds/not-a-uuid`, { method: 'DELETE' })).status).toBe(400);
  });

  it('caps open holds per client (MAX_HOLDS_PER_CLIENT)', async () => {
    await releaseHolds();
    const answers = [];
    for (const time of ['10:00', '10:30', '11:00', '11:30']) {
      answers.push(await post(`${api.baseUrl}/api/holds`, { officeId: office.officeId, serviceId: office.serviceId, start: at(monday, time) }));
    }
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 429]);
    expect(answers[3].body.code).toBe('HOLD_LIMIT_REACHED');
    // When the first open hold runs out — which times they are is never said (an address may be shared).
    expect(answers[3].body.retryAt).toBe(new Date(answers[0].body.expiresAt).toISOString());
    const retryAfter = Number(answers[3].headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(540);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(JSON.stringify(answers[3].body)).not.toContain(at(monday, '10:00'));
    // Giving one up for a new time (replacesHoldId) is allowed at the cap: released in the same transaction.
    const replaced = await post(`${api.baseUrl}/api/holds`, {
      officeId: office.officeId,
      serviceId: office.serviceId,
      start: at(monday, '11:30'),
      replacesHoldId: answers[0].body.holdId,
    });
    expect(replaced.status).toBe(201);
    expect(await remaining(at(monday, '10:00'))).toBe(2);
    await releaseHolds();
  });

  it("a reload holds the same time again: the old hold is replaced, the last place is not lost to the citizen's own hold", async () => {
    await releaseHolds();
    const start = at(monday, '15:30');
    const spid = { officeId: office.officeId, serviceId: office.otherServiceId, start };
    const first = await post(`${api.baseUrl}/api/holds`, spid);
    expect(first.status).toBe(201);
    // Capacity 1: without replacing, the citizen's own hold hides the place.
    expect((await post(`${api.baseUrl}/api/holds`, spid)).status).toBe(409);
    const again = await post(`${api.baseUrl}/api/holds`, { ...spid, replacesHoldId: first.body.holdId });
    expect(again.status).toBe(201);
    expect(again.body.holdId).not.toBe(first.body.holdId);
    const seats = await db.sql.query(`SELECT claim_id FROM slot_seat WHERE service_id = $1 AND start_at = $2 AND claim_kind = 'HOLD'`, [
      office.otherServiceId,
      start,
    ]);
    expect(seats.rows.map((r) => r.claim_id)).toEqual([again.body.holdId]);
    // A malformed id is a field error, nothing held.
    const before = await snapshot(db);
    const bad = await post(`${api.baseUrl}/api/holds`, { ...spid, replacesHoldId: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'replacesHoldId', message: expect.any(String) }]);
    expect(await snapshot(db)).toEqual(before);
    await releaseHolds();
  });

  it('replays an Idempotency-Key: same answer, nothing more booked, also when repeated in parallel', async () => {
    const start = at(monday, '10:00');
    const body = bookingBody(office.officeId, office.serviceId, start, 7);
    const headers = { 'idempotency-key': 'key-3f0c9a2e-0001' };
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(`${api.baseUrl}/api/appointments`, body, headers)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    for (const answer of answers) expect(answer.body).toEqual(answers[0].body);
    const again = await post(`${api.baseUrl}/api/appointments`, body, headers);
    expect(again.body).toEqual(answers[0].body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const rows = await db.sql.query('SELECT count(*)::int AS n FROM appointment WHERE fiscal_code = $1', [fiscalCode(7)]);
    expect(rows.rows[0].n).toBe(1);

    const other = await post(`${api.baseUrl}/api/appointments`, { ...body, notes: 'altro' }, headers);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('allows one active appointment per codice fiscale per service', async () => {
    const person = bookingBody(office.officeId, office.serviceId, at(monday, '11:30'), 4242);
    expect((await post(`${api.baseUrl}/api/appointments`, person)).status).toBe(201);
    const second = await post(`${api.baseUrl}/api/appointments`, {
      ...person,
      start: at(monday, '12:00'),
      citizen: { ...person.citizen, fiscalCode: person.citizen.fiscalCode.toLowerCase().replace(/(.{4})/g, '$1 ') },
    });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'LIMIT_REACHED', message: expect.stringContaining('prenotazione attiva') });
    const otherService = await post(`${api.baseUrl}/api/appointments`, { ...person, serviceId: office.otherServiceId, start: at(monday, '08:30') });
    expect(otherService.status).toBe(201);
  });

  it('manage link: details, calendar file in Europe/Rome, cancel frees the place, then the same 404 as unknown tokens', async () => {
    const start = at(monday, '14:30');
    const created = await book(start, { language: 'en' });
    expect(created.status).toBe(201);
    const token = manageToken(created.body.manageUrl);

    const details = await getJson(`${api.baseUrl}/api/appointments/manage/${token}`);
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({
      code: created.body.code,
      status: 'BOOKED',
      start,
      timeZone: 'Europe/Rome',
      serviceCode: 'CIE',
      canChange: true,
      language: 'en',
      documents: ['Photo'],
    });
    // What the citizen may need for help: the office's contacts and map link, and the fee.
    expect(details.body).toMatchObject({
      officePhone: null,
      officeEmail: null,
      officeMapUrl: 'https://www.openstreetmap.org/search?query=Via%20Roma%201%2C%20Calderara%20di%20Reno',
      feeCents: null,
      feeNote: null,
      changeableUntil: created.body.changeableUntil,
    });
    expect(Math.abs(new Date(details.body.bookedAt).getTime() - Date.now())).toBeLessThan(60_000);

    const ics = await fetch(`${api.baseUrl}/api/appointments/manage/${token}/calendar.ics`);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const component = new ICAL.Component(ICAL.parse(await ics.text()));
    const event = new ICAL.Event(component.getFirstSubcomponent('vevent') as ICAL.Component);
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(start).toISOString());
    expect(event.startDate.zone?.tzid).toBe('Europe/Rome');
    expect(event.summary).toContain('Identity card');
    // RFC 5546: PUBLISH needs ORGANIZER; an office without an e-mail is named with the sender's address.
    expect(component.getFirstSubcomponent('vevent')?.getFirstPropertyValue('organizer')).toBe('mailto:noreply@localhost');
    expect(component.getFirstSubcomponent('vevent')?.getFirstProperty('organizer')?.getParameter('cn')).toBe('Ufficio di prova');

    expect(await remaining(start)).toBe(1);
    const cancelled = await post(`${api.baseUrl}/api/appointments/manage/${token}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    expect(await remaining(start)).toBe(2);

    const gone = await getJson(`${api.baseUrl}/api/appointments/manage/${token}`);
    const unknown = await getJson(`${api.baseUrl}/api/appointments/manage/${'A'.repeat(43)}`);
    const malformed = await getJson(`${api.baseUrl}/api/appointments/manage/not-a-token`);
    expect(gone.status).toBe(404);
    expect(unknown).toMatchObject({ status: 404, body: gone.body });
    expect(malformed).toMatchObject({ status: 404, body: gone.body });
    expect((await post(`${api.baseUrl}/api/appointments/manage/${token}/cancel`, {})).status).toBe(404);
  });

  it('reschedule keeps the code, takes the new place first, and two racing for the last place: one wins', async () => {
    const target = at(monday, '15:30');
    const a = await book(at(monday, '15:00'));
    const b = await book(at(monday, '15:00'));
    const filler = await book(target);
    expect([a.status, b.status, filler.status]).toEqual([201, 201, 201]);
    expect(await remaining(target)).toBe(1);

    const [ra, rb] = await Promise.all(
      [a, b].map((x) => post(`${api.baseUrl}/api/appointments/manage/${manageToken(x.body.manageUrl)}/reschedule`, { start: target })),
    );
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const winner = ra.status === 200 ? ra : rb;
    const loser = ra.status === 200 ? b : a;
    expect(winner.body).toMatchObject({ start: target, status: 'BOOKED' });
    expect([a.body.code, b.body.code]).toContain(winner.body.code);
    expect(await remaining(target)).toBe(0);
    // The winner's old place is free again; the loser still has its own.
    expect(await remaining(at(monday, '15:00'))).toBe(1);
    const loserNow = await getJson(`${api.baseUrl}/api/appointments/manage/${manageToken(loser.body.manageUrl)}`);
    expect(loserNow.body.start).toBe(at(monday, '15:00'));
    const sequence = await db.sql.query('SELECT sequence FROM appointment WHERE code = $1', [winner.body.code]);
    expect(sequence.rows[0].sequence).toBe(1);
  });

  describe('bad input answers 4xx and leaves the database unchanged', () => {
    const valid = () => bookingBody(office.officeId, office.serviceId, at(monday.plus({ days: 2 }), '09:00'), 99);
    const cases: Array<[string, (b: ReturnType<typeof valid>) => unknown, number, string[]]> = [
      [
        'an empty body',
        () => ({}),
        400,
        [
          'officeId',
          'serviceId',
          'start',
          'citizen',
          'citizen.firstName',
          'citizen.lastName',
          'citizen.fiscalCode',
          'citizen.email',
          'language',
          'privacyAccepted',
        ],
      ],
      [
        'a wrong check character',
        (b) => ({ ...b, citizen: { ...b.citizen, fiscalCode: b.citizen.fiscalCode.slice(0, 15) + (b.citizen.fiscalCode[15] === 'A' ? 'B' : 'A') } }),
        400,
        ['citizen.fiscalCode'],
      ],
      ['a wrong month letter', (b) => ({ ...b, citizen: { ...b.citizen, fiscalCode: 'RSSMRA85F10A562S' } }), 400, ['citizen.fiscalCode']],
      ['a bad e-mail', (b) => ({ ...b, citizen: { ...b.citizen, email: 'maria@' } }), 400, ['citizen.email']],
      ['notes over 200 characters', (b) => ({ ...b, notes: 'x'.repeat(201) }), 400, ['notes']],
      ['an unknown language', (b) => ({ ...b, language: 'fr' }), 400, ['language']],
      ['privacy not accepted', (b) => ({ ...b, privacyAccepted: false }), 400, ['privacyAccepted']],
      ['a start without offset', (b) => ({ ...b, start: '2030-01-07T09:00:00' }), 400, ['start']],
      ['a malformed hold id', (b) => ({ ...b, holdId: 'x' }), 400, ['holdId']],
      ['a name with digits', (b) => ({ ...b, citizen: { ...b.citizen, firstName: 'M4ria' } }), 400, ['citizen.firstName']],
    ];

    it.each(cases)('%s', async (_, change, status, fields) => {
      const before = await snapshot(db);
      const { status: actual, body } = await post(`${api.baseUrl}/api/appointments`, change(valid()));
      expect(actual).toBe(status);
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
      expect(await snapshot(db)).toEqual(before);
    });

    it('a start that is not a slot of the schedule → 409 with alternatives, nothing written', async () => {
      const before = await snapshot(db);
      const { status, body } = await post(`${api.baseUrl}/api/appointments`, { ...valid(), start: at(monday.plus({ days: 2 }), '09:10') });
      expect(status).toBe(409);
      expect(body.code).toBe('SLOT_UNAVAILABLE');
      expect(body.alternatives.length).toBeGreaterThan(0);
      expect(await snapshot(db)).toEqual(before);
    });

    it('unknown office → 404, malformed JSON → 400, bad Idempotency-Key → 400, in English when asked', async () => {
      const before = await snapshot(db);
      expect((await post(`${api.baseUrl}/api/appointments`, { ...valid(), officeId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
      const malformed = await post(`${api.baseUrl}/api/appointments`, '{"officeId": ', { 'accept-language': 'en' });
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatchObject({ statusCode: 400, message: 'Invalid request.' });
      const key = await post(`${api.baseUrl}/api/appointments`, valid(), { 'idempotency-key': 'short' });
      expect(key.status).toBe(400);
      expect(key.body.errors[0].field).toBe('Idempotency-Key');
      expect(await snapshot(db)).toEqual(before);
    });
  });
});

describe('booking limits that need their own settings', () => {
  let db: TestDatabase;
  let office: OfficeFixture;

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('cancel and reschedule close CANCEL_CUTOFF_HOURS before the start → 409 with the reason', async () => {
    const api = await startApi(db.url, { CANCEL_CUTOFF_HOURS: '720' });
    try {
      const created = await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, at(nextWeekday(1), '08:30'), 1));
      expect(created.status).toBe(201);
      const token = created.body.manageUrl.split('/').pop();
      const details = await getJson(`${api.baseUrl}/api/appointments/manage/${token}`);
      expect(details.body.canChange).toBe(false);
      // Booked inside the cutoff: the last moment for changes was before the booking existed, and both say so.
      expect(new Date(created.body.changeableUntil).getTime()).toBeLessThan(Date.now());
      expect(details.body.changeableUntil).toBe(created.body.changeableUntil);
      expect(new Date(details.body.bookedAt).getTime()).toBeGreaterThan(new Date(details.body.changeableUntil).getTime());
      const cancel = await post(`${api.baseUrl}/api/appointments/manage/${token}/cancel`, {});
      expect(cancel.status).toBe(409);
      expect(cancel.body).toMatchObject({ code: 'CHANGE_CLOSED', message: expect.stringContaining('720 ore') });
      const move = await post(`${api.baseUrl}/api/appointments/manage/${token}/reschedule`, { start: at(nextWeekday(1), '09:00') });
      expect(move.status).toBe(409);
      expect(move.body.code).toBe('CHANGE_CLOSED');
    } finally {
      await api.stop();
    }
  });

  it('rate-limits public writes with 429 and Retry-After (THROTTLE_LIMIT per minute)', async () => {
    const api = await startApi(db.url, { THROTTLE_LIMIT: '3' });
    try {
      const body = { officeId: office.officeId, serviceId: office.serviceId, start: 'not-a-date' };
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await post(`${api.baseUrl}/api/holds`, body));
      expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 429]);
      expect(answers[3].body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
      expect(Number(answers[3].headers.get('retry-after'))).toBeGreaterThan(0);
      // Reads are not limited.
      expect((await getJson(`${api.baseUrl}/api/offices`)).status).toBe(200);
    } finally {
      await api.stop();
    }
  });
});
