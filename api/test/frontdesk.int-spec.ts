import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { countBy } from './support/booking';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { closeAllWeek, insertAppointment, insertDesks, openAroundTheClock, setQueueService, SseClient } from './support/frontdesk';
import { insertStaff, StaffClient } from './support/staff';

const CIE_OUTCOMES = [{ code: 'CIE_REQUEST_TAKEN', it: 'Richiesta CIE acquisita', en: 'CIE request taken' }];

describe('front desk: tickets, check-in, desks, display (real HTTP, real PostgreSQL)', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let office: OfficeFixture;
  let other: OfficeFixture;
  let desks: string[];
  let operator: StaffClient;
  let kiosk: StaffClient;
  let stranger: StaffClient;
  let codes = 0;
  /** A fresh booking code in the real format (alphabet without look-alike characters). */
  const code = () => {
    const alphabet = '23456789BCDFGHJKMNPQRSTVWXYZ';
    let n = ++codes;
    let suffix = '';
    for (let i = 0; i < 6; i++, n = Math.floor(n / alphabet.length)) suffix += alphabet[n % alphabet.length];
    return `CIE-${suffix}`;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    other = await insertOffice(db.sql, 'OTHER');
    await setQueueService(db.sql, office.serviceId, 'C', CIE_OUTCOMES);
    await setQueueService(db.sql, office.otherServiceId, 'S');
    // Desks 1–5 serve both services; desk 6 serves SPID only.
    desks = await insertDesks(db.sql, office.officeId, [
      ...[1, 2, 3, 4, 5].map((number) => ({ number, serviceIds: [office.serviceId, office.otherServiceId] })),
      { number: 6, serviceIds: [office.otherServiceId] },
    ]);
    await insertStaff(db.sql, 'operatore', 'operator', [office.officeId]);
    await insertStaff(db.sql, 'totem', 'kiosk', [office.officeId]);
    await insertStaff(db.sql, 'altro', 'operator', [other.officeId]);
    // Walk-ins are refused while the office is closed: open it whenever the suite runs.
    await openAroundTheClock(db.sql, office.officeId);
    api = await startApi(db.url, { CHECKIN_EARLY_MINUTES: '60', CHECKIN_LATE_MINUTES: '15', MAX_WAIT_MINUTES: '30', CALL_TOLERANCE_MINUTES: '10' });
    [operator, kiosk, stranger] = await Promise.all([
      StaffClient.login(api.baseUrl, 'operatore'),
      StaffClient.login(api.baseUrl, 'totem'),
      StaffClient.login(api.baseUrl, 'altro'),
    ]);
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  /** Empties today's queue between tests (finished tickets keep their numbers). */
  const closeAll = () => db.sql.query(`UPDATE ticket SET status = 'DONE', completed_at = now() WHERE status IN ('WAITING', 'CALLED', 'IN_SERVICE')`);
  const walkIn = (client: StaffClient, serviceId = office.serviceId, extra: Record<string, unknown> = {}) =>
    client.send('POST', `/api/offices/${office.officeId}/tickets`, { serviceId, ...extra });

  it('walk-in tickets: numbers per prefix, gapless under 40 concurrent requests from two clients', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => walkIn(i % 2 ? kiosk : operator, i % 4 === 0 ? office.otherServiceId : office.serviceId)),
    );
    expect(countBy(answers, (a) => a.status)).toEqual({ 201: 40 });
    const numbers = answers.map((a) => a.body.number as string);
    const cie = numbers.filter((n) => n.startsWith('C')).sort();
    const spid = numbers.filter((n) => n.startsWith('S')).sort();
    expect(cie).toEqual(Array.from({ length: 30 }, (_, i) => `C${String(i + 1).padStart(3, '0')}`));
    expect(spid).toEqual(Array.from({ length: 10 }, (_, i) => `S${String(i + 1).padStart(3, '0')}`));
    expect(answers[1].body).toMatchObject({
      status: 'WAITING',
      kind: 'WALK_IN',
      priority: false,
      publicUrl: expect.stringMatching(/\/biglietto\/[0-9a-f-]{36}$/),
    });
    const events = await db.sql.query(`SELECT count(*)::int AS n FROM ticket_event WHERE type = 'ISSUED'`);
    expect(events.rows[0].n).toBe(40);
    await closeAll();
  });

  it('bad input → 400 with field errors and nothing written; roles and offices are checked', async () => {
    const before = await db.sql.query('SELECT count(*)::int AS n FROM ticket');
    const bad = await operator.send('POST', `/api/offices/${office.officeId}/tickets`, { serviceId: 'nope', priority: 'yes', name: 'x'.repeat(101) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['name', 'priority', 'serviceId']);
    expect((await operator.send('POST', `/api/offices/${office.officeId}/tickets`, { serviceId: other.serviceId })).status).toBe(404);
    expect((await stranger.send('POST', `/api/offices/${office.officeId}/tickets`, { serviceId: office.serviceId })).body.code).toBe('FORBIDDEN_OFFICE');
    expect((await stranger.send('POST', `/api/desks/${desks[0]}/call-next`, {})).status).toBe(403);
    expect((await kiosk.send('POST', `/api/desks/${desks[0]}/call-next`, {})).body.code).toBe('FORBIDDEN');
    expect((await new StaffClient(api.baseUrl).send('POST', `/api/offices/${office.officeId}/tickets`, { serviceId: office.serviceId })).status).toBe(401);
    expect((await db.sql.query('SELECT count(*)::int AS n FROM ticket')).rows[0].n).toBe(before.rows[0].n);
  });

  it('check-in: 201 with a ticket, again 200 with the same one; too early/late for the kiosk, forced by staff', async () => {
    const now = Date.now();
    const due = await insertAppointment(db.sql, office.officeId, office.serviceId, new Date(now + 5 * 60_000), code());
    const first = await kiosk.send('POST', `/api/appointments/${due.code.toLowerCase()}/check-in`, {});
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: 'APPOINTMENT', appointmentCode: due.code, number: expect.stringMatching(/^C\d{3}$/), status: 'WAITING' });
    const again = await operator.send('POST', `/api/appointments/${due.code}/check-in`, {});
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);

    const early = await insertAppointment(db.sql, office.officeId, office.serviceId, new Date(now + 61 * 60_000), code());
    const tooEarly = await kiosk.send('POST', `/api/appointments/${early.code}/check-in`, {});
    // (Within the last hour before midnight the appointment is tomorrow: the day rule answers.)
    expect(['CHECK_IN_TOO_EARLY', 'CHECK_IN_WRONG_DAY']).toContain(tooEarly.body.code);
    expect(tooEarly.status).toBe(409);
    // The window, for the desk's own sentence ("check-in opens 60 minutes before").
    if (tooEarly.body.code === 'CHECK_IN_TOO_EARLY') expect(tooEarly.body.windowMinutes).toBe(60);
    expect((await kiosk.send('POST', `/api/appointments/${early.code}/check-in`, { force: true })).status).toBe(409);

    const late = await insertAppointment(db.sql, office.officeId, office.serviceId, new Date(now - 16 * 60_000), code());
    const tooLate = await kiosk.send('POST', `/api/appointments/${late.code}/check-in`, {});
    expect(tooLate.status).toBe(409);
    if (tooLate.body.code === 'CHECK_IN_TOO_LATE')
      expect((await operator.send('POST', `/api/appointments/${late.code}/check-in`, { force: true })).status).toBe(201);

    const cancelled = await insertAppointment(db.sql, office.officeId, office.serviceId, new Date(now), code());
    await db.sql.query(`UPDATE appointment SET status = 'CANCELLED', cancelled_at = now() WHERE id = $1`, [cancelled.id]);
    expect((await operator.send('POST', `/api/appointments/${cancelled.code}/check-in`, {})).body.code).toBe('APPOINTMENT_CANCELLED');
    expect((await operator.send('POST', `/api/appointments/CIE-ZZZZZZ/check-in`, {})).status).toBe(404);
    // Forgiving: lower case, spaces and a missing dash name the same booking.
    const forgiving = await insertAppointment(db.sql, office.officeId, office.serviceId, new Date(now + 2 * 60_000), code());
    const typed = encodeURIComponent(
      ` ${forgiving.code
        .replace('-', '')
        .toLowerCase()
        .replace(/(...)$/, ' $1')} `,
    );
    const relaxed = await kiosk.send('POST', `/api/appointments/${typed}/check-in`, {});
    expect(relaxed.status).toBe(201);
    expect(relaxed.body.appointmentCode).toBe(forgiving.code);
    const malformed = await kiosk.send('POST', `/api/appointments/CIE-7K3/check-in`, {});
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([{ field: 'code', message: expect.stringContaining('CIE-7K3P9Q') }]);
    expect((await operator.send('POST', `/api/appointments/not-a-code/check-in`, {})).status).toBe(400);
    // Another office's code answers exactly like an unknown one: same status, same body.
    const unknown = await stranger.send('POST', `/api/appointments/CIE-ZZZZZZ/check-in`, {});
    const foreign = await stranger.send('POST', `/api/appointments/${due.code}/check-in`, {});
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(unknown.body);
    await closeAll();
  });

  it('call-next follows the policy: due appointment, then priority, then arrival order; desks call only their services', async () => {
    const plain = (await walkIn(kiosk)).body;
    const spid = (await walkIn(kiosk, office.otherServiceId)).body;
    const priority = (await walkIn(operator, office.serviceId, { priority: true, name: 'Giulia' })).body;
    const appointment = await insertAppointment(db.sql, office.officeId, office.serviceId, new Date(Date.now()), code());
    const checkedIn = (await kiosk.send('POST', `/api/appointments/${appointment.code}/check-in`, {})).body;

    const spidDesk = await operator.send('POST', `/api/desks/${desks[5]}/call-next`, {});
    expect(spidDesk.body.id).toBe(spid.id);
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const called = await operator.send('POST', `/api/desks/${desks[0]}/call-next`, {});
      expect(called.status).toBe(200);
      expect(called.body).toMatchObject({ status: 'CALLED', deskName: 'Sportello 1' });
      order.push(called.body.id);
      expect((await operator.send('POST', `/api/desks/${desks[0]}/call-next`, {})).body.code).toBe('DESK_BUSY');
      expect((await operator.send('POST', `/api/desks/${desks[0]}/complete`, { outcome: 'INFO_ONLY' })).body.status).toBe('DONE');
    }
    expect(order).toEqual([checkedIn.id, priority.id, plain.id]);
    expect((await operator.send('POST', `/api/desks/${desks[0]}/call-next`, {})).status).toBe(204);
    await closeAll();
  });

  it("the ticket page's position comes from the desks' own call-next order: a priority ticket of another service on a shared desk is ahead", async () => {
    await closeAll();
    const c = (await walkIn(kiosk)).body;
    const s = (await walkIn(operator, office.otherServiceId, { priority: true })).body;
    const page = async (id: string) => (await fetch(`${api.baseUrl}/api/tickets/${id}`)).json();
    // Every desk serving CIE (1–5) also serves SPID and calls the priority SPID ticket first.
    expect((await page(c.id)).position).toBe(1);
    expect((await page(s.id)).position).toBe(0);
    // …and that is what call-next does.
    const called = await operator.send('POST', `/api/desks/${desks[0]}/call-next`, {});
    expect(called.body.id).toBe(s.id);
    expect((await page(c.id)).position).toBe(0);
    await closeAll();
  });

  it('20 concurrent call-next from 5 desks never hand one ticket to two desks', async () => {
    const issued = await Promise.all(Array.from({ length: 20 }, () => walkIn(kiosk)));
    const ids = issued.map((a) => a.body.id as string);
    // A burst: 4 requests per desk at the same instant → one call per desk, the rest DESK_BUSY.
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => operator.send('POST', `/api/desks/${desks[i % 5]}/call-next`, {})));
    expect(countBy(burst, (a) => a.status)).toEqual({ 200: 5, 409: 15 });
    const firstCalls = burst.filter((a) => a.status === 200).map((a) => a.body.id);
    expect(new Set(firstCalls).size).toBe(5);
    await Promise.all(desks.slice(0, 5).map((desk) => operator.send('POST', `/api/desks/${desk}/complete`, { outcome: 'CIE_REQUEST_TAKEN' })));
    // Then rounds: all five desks call at once, complete, call again, until the queue is empty.
    const served = [...firstCalls];
    for (;;) {
      const round = await Promise.all(desks.slice(0, 5).map((desk) => operator.send('POST', `/api/desks/${desk}/call-next`, {})));
      const called = round.filter((a) => a.status === 200);
      if (called.length === 0) break;
      served.push(...called.map((a) => a.body.id));
      await Promise.all(called.map((a) => operator.send('POST', `/api/desks/${a.body.deskId}/complete`, { outcome: 'CIE_REQUEST_TAKEN' })));
    }
    expect(served.sort()).toEqual([...ids].sort());
    const calls = await db.sql.query(
      `SELECT ticket_id, count(*)::int AS n FROM ticket_event WHERE type = 'CALLED' AND ticket_id = ANY($1) GROUP BY ticket_id`,
      [ids],
    );
    expect(calls.rows).toHaveLength(20);
    expect(calls.rows.every((r) => r.n === 1)).toBe(true);
  });

  it('recall, start, complete with an outcome, no-show, transfer and pause, each logged with desk and operator', async () => {
    const desk = desks[1];
    const ticket = (await walkIn(kiosk)).body;
    expect((await operator.send('POST', `/api/desks/${desk}/call-next`, {})).body.id).toBe(ticket.id);
    expect((await operator.send('POST', `/api/desks/${desk}/recall`, {})).body.status).toBe('CALLED');
    expect((await operator.send('POST', `/api/desks/${desk}/start`, {})).body.status).toBe('IN_SERVICE');
    const wrong = await operator.send('POST', `/api/desks/${desk}/complete`, { outcome: 'SPID_RECOGNISED' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('outcome');
    const done = await operator.send('POST', `/api/desks/${desk}/complete`, { outcome: 'CIE_REQUEST_TAKEN' });
    expect(done.body).toMatchObject({ status: 'DONE' });

    const absent = (await walkIn(kiosk)).body;
    await operator.send('POST', `/api/desks/${desk}/call-next`, {});
    expect((await operator.send('POST', `/api/desks/${desk}/no-show`, {})).body).toMatchObject({ id: absent.id, status: 'NO_SHOW' });

    const moved = (await walkIn(kiosk)).body;
    await operator.send('POST', `/api/desks/${desk}/call-next`, {});
    const transferred = await operator.send('POST', `/api/desks/${desk}/transfer`, { serviceId: office.otherServiceId });
    expect(transferred.body).toMatchObject({ id: moved.id, status: 'WAITING', serviceId: office.otherServiceId, number: moved.number, deskId: null });
    expect((await operator.send('POST', `/api/desks/${desks[5]}/call-next`, {})).body.id).toBe(moved.id);

    expect((await operator.send('POST', `/api/desks/${desk}/pause`, { paused: true })).body.paused).toBe(true);
    expect((await operator.send('POST', `/api/desks/${desk}/call-next`, {})).body.code).toBe('DESK_PAUSED');
    expect((await operator.send('POST', `/api/desks/${desk}/pause`, { paused: false })).body.paused).toBe(false);

    const log = await db.sql.query(
      `SELECT e.type, e.outcome, e.desk_id, u.username FROM ticket_event e LEFT JOIN staff_user u ON u.id = e.staff_user_id WHERE e.ticket_id = $1 ORDER BY e.id`,
      [ticket.id],
    );
    expect(log.rows).toEqual([
      { type: 'ISSUED', outcome: null, desk_id: null, username: 'totem' },
      { type: 'CALLED', outcome: null, desk_id: desk, username: 'operatore' },
      { type: 'RECALLED', outcome: null, desk_id: desk, username: 'operatore' },
      { type: 'STARTED', outcome: null, desk_id: desk, username: 'operatore' },
      { type: 'COMPLETED', outcome: 'CIE_REQUEST_TAKEN', desk_id: desk, username: 'operatore' },
    ]);
    await closeAll();
  });

  it('the public display shows calls and waits without personal data; the ticket page shows position and wait', async () => {
    const named = (await walkIn(operator, office.serviceId, { name: 'Giuseppe Verdi' })).body;
    expect(named.holderName).toBe('Giuseppe Verdi');
    const second = (await walkIn(kiosk)).body;
    const called = await operator.send('POST', `/api/desks/${desks[2]}/call-next`, {});
    expect(called.body.id).toBe(named.id);
    const display = await fetch(`${api.baseUrl}/api/offices/${office.officeId}/display`);
    const text = await display.text();
    expect(display.status).toBe(200);
    expect(text).not.toContain('Giuseppe');
    const body = JSON.parse(text);
    expect(body.current[0]).toMatchObject({ number: named.number, deskName: 'Sportello 3', recall: false });
    expect(body.recent[0].number).toBe(named.number);
    expect(body.waits.find((w: { serviceId: string }) => w.serviceId === office.serviceId)).toMatchObject({
      waiting: 1,
      ticketPrefix: 'C',
      estimatedWaitMinutes: expect.any(Number),
    });

    const page = await (await fetch(`${api.baseUrl}/api/tickets/${second.id}`)).json();
    expect(page).toMatchObject({ number: second.number, status: 'WAITING', position: 0, deskName: null });
    const mine = await (await fetch(`${api.baseUrl}/api/tickets/${named.id}`)).json();
    expect(mine).toMatchObject({ status: 'CALLED', deskName: 'Sportello 3', position: null });
    expect(JSON.stringify(mine)).not.toContain('Giuseppe');
    expect((await fetch(`${api.baseUrl}/api/tickets/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    await closeAll();
  });

  it('walk-ins while closed: the kiosk is refused with why and when it opens; staff may go ahead after confirming', async () => {
    await closeAllWeek(db.sql, office.officeId);
    try {
      const before = await db.sql.query('SELECT count(*)::int AS n FROM ticket');
      const refused = await walkIn(kiosk);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'OFFICE_CLOSED', open: { open: false, reason: 'HOURS', opensAt: null } });
      expect((await walkIn(kiosk, office.serviceId, { force: true })).body.code).toBe('OFFICE_CLOSED');
      expect((await walkIn(operator)).body.code).toBe('OFFICE_CLOSED');
      expect((await db.sql.query('SELECT count(*)::int AS n FROM ticket')).rows[0].n).toBe(before.rows[0].n);
      const forced = await walkIn(operator, office.serviceId, { force: true });
      expect(forced.status).toBe(201);
      const display = await (await fetch(`${api.baseUrl}/api/offices/${office.officeId}/display`)).json();
      expect(display.open).toEqual({ open: false, reason: 'HOURS', closureReason: null, opensAt: null });
      expect(display.waits.every((w: { open: boolean }) => w.open === false)).toBe(true);
    } finally {
      await openAroundTheClock(db.sql, office.officeId);
    }
    // Open again, but a closure of the office right now: closed, with its reason, until it ends.
    const closure = await db.sql.query<{ id: string }>(
      `INSERT INTO closure (office_id, starts_at, ends_at, reason) VALUES ($1, now() - interval '1 minute', now() + interval '1 hour', 'Assemblea del personale') RETURNING id`,
      [office.officeId],
    );
    try {
      const refused = await walkIn(kiosk);
      expect(refused.body).toMatchObject({ code: 'OFFICE_CLOSED', open: { open: false, reason: 'CLOSURE', closureReason: 'Assemblea del personale' } });
      expect(refused.body.open.opensAt).toEqual(expect.any(String));
      // A closure of the other service only leaves this one open.
      await db.sql.query(`UPDATE closure SET service_id = $2 WHERE id = $1`, [closure.rows[0].id, office.otherServiceId]);
      expect((await walkIn(kiosk)).status).toBe(201);
      expect((await walkIn(kiosk, office.otherServiceId)).body.code).toBe('OFFICE_CLOSED');
      const display = await (await fetch(`${api.baseUrl}/api/offices/${office.officeId}/display`)).json();
      expect(display.open.open).toBe(true);
      expect(Object.fromEntries(display.waits.map((w: { ticketPrefix: string; open: boolean }) => [w.ticketPrefix, w.open]))).toEqual({ C: true, S: false });
    } finally {
      await db.sql.query('DELETE FROM closure WHERE id = $1', [closure.rows[0].id]);
    }
    await closeAll();
  });

  it('a service no active desk serves takes no walk-ins, and the display says how many desks serve each', async () => {
    const lonely = await db.sql.query<{ id: string }>(
      `INSERT INTO service (office_id, code, name_it, name_en, duration_minutes, capacity, sort_order, ticket_prefix) VALUES ($1, 'ANAG', 'Anagrafe', 'Registry', 15, 1, 9, 'A') RETURNING id`,
      [office.officeId],
    );
    const refused = await walkIn(kiosk, lonely.rows[0].id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SERVICE_NOT_SERVED');
    expect((await walkIn(operator, lonely.rows[0].id, { force: true })).body.code).toBe('SERVICE_NOT_SERVED');
    const display = await (await fetch(`${api.baseUrl}/api/offices/${office.officeId}/display`)).json();
    expect(Object.fromEntries(display.waits.map((w: { ticketPrefix: string; desks: number }) => [w.ticketPrefix, w.desks]))).toEqual({ C: 5, S: 6, A: 0 });
    // A desk serving it, but inactive, does not count; active, it does.
    const [desk] = await insertDesks(db.sql, office.officeId, [{ number: 9, serviceIds: [lonely.rows[0].id] }]);
    await db.sql.query('UPDATE desk SET active = false WHERE id = $1', [desk]);
    expect((await walkIn(kiosk, lonely.rows[0].id)).body.code).toBe('SERVICE_NOT_SERVED');
    await db.sql.query('UPDATE desk SET active = true WHERE id = $1', [desk]);
    expect((await walkIn(kiosk, lonely.rows[0].id)).status).toBe(201);
    await db.sql.query('UPDATE desk SET active = false WHERE id = $1', [desk]);
    await db.sql.query('UPDATE service SET active = false WHERE id = $1', [lonely.rows[0].id]);
    await closeAll();
  });

  it('"Chiama numero…": a desk calls one waiting ticket out of order; not twice, not another office’s', async () => {
    const first = (await walkIn(kiosk)).body;
    const second = (await walkIn(kiosk)).body;
    const called = await operator.send('POST', `/api/desks/${desks[0]}/call`, { ticketId: second.id });
    expect(called.status).toBe(200);
    expect(called.body).toMatchObject({ id: second.id, status: 'CALLED', deskName: 'Sportello 1' });
    expect((await operator.send('POST', `/api/desks/${desks[0]}/call`, { ticketId: first.id })).body.code).toBe('DESK_BUSY');
    expect((await operator.send('POST', `/api/desks/${desks[1]}/call`, { ticketId: second.id })).body.code).toBe('TICKET_STATE');
    // SPID-only desk 6 may call a CIE ticket by its number (then transfer or close it).
    expect((await operator.send('POST', `/api/desks/${desks[5]}/call`, { ticketId: first.id })).body).toMatchObject({ id: first.id, status: 'CALLED' });
    expect((await operator.send('POST', `/api/desks/${desks[1]}/call`, { ticketId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await operator.send('POST', `/api/desks/${desks[1]}/call`, { ticketId: 'nope' })).body.errors).toEqual([
      { field: 'ticketId', message: expect.any(String) },
    ]);
    expect((await stranger.send('POST', `/api/desks/${desks[1]}/call`, { ticketId: first.id })).body.code).toBe('FORBIDDEN_OFFICE');
    const events = await db.sql.query(`SELECT type, desk_id FROM ticket_event WHERE ticket_id = $1 ORDER BY id`, [second.id]);
    expect(events.rows).toEqual([
      { type: 'ISSUED', desk_id: null },
      { type: 'CALLED', desk_id: desks[0] },
    ]);
    await closeAll();
  });

  it('undo of "Assente" and "Concludi": back at the desk as before, logged and audited; only the last action, only for 10 seconds', async () => {
    const desk = desks[3];
    const absent = (await walkIn(kiosk)).body;
    await operator.send('POST', `/api/desks/${desk}/call-next`, {});
    const noShow = await operator.send('POST', `/api/desks/${desk}/no-show`, {});
    expect(noShow.body).toMatchObject({ status: 'NO_SHOW', undoUntil: expect.any(String) });
    expect(Date.parse(noShow.body.undoUntil) - Date.now()).toBeGreaterThan(5_000);
    expect((await stranger.send('POST', `/api/desks/${desk}/undo`, { ticketId: absent.id })).body.code).toBe('FORBIDDEN_OFFICE');
    expect((await operator.send('POST', `/api/desks/${desks[2]}/undo`, { ticketId: absent.id })).body.code).toBe('UNDO_EXPIRED');
    const back = await operator.send('POST', `/api/desks/${desk}/undo`, { ticketId: absent.id });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ id: absent.id, status: 'CALLED', deskId: desk });
    expect((await operator.send('POST', `/api/desks/${desk}/undo`, { ticketId: absent.id })).body.code).toBe('UNDO_EXPIRED');

    // Completed after "Inizia": back in service, the outcome cleared.
    await operator.send('POST', `/api/desks/${desk}/start`, {});
    await operator.send('POST', `/api/desks/${desk}/complete`, { outcome: 'CIE_REQUEST_TAKEN' });
    const reopened = await operator.send('POST', `/api/desks/${desk}/undo`, { ticketId: absent.id });
    expect(reopened.body).toMatchObject({ status: 'IN_SERVICE', startedAt: expect.any(String) });
    const row = await db.sql.query('SELECT status, outcome, completed_at FROM ticket WHERE id = $1', [absent.id]);
    expect(row.rows[0]).toEqual({ status: 'IN_SERVICE', outcome: null, completed_at: null });

    // Too late: the completion 16 seconds ago (10 s and the grace for the network).
    await operator.send('POST', `/api/desks/${desk}/complete`, { outcome: 'INFO_ONLY' });
    await db.sql.query(`UPDATE ticket_event SET at = at - interval '16 seconds' WHERE ticket_id = $1 AND type = 'COMPLETED'`, [absent.id]);
    const late = await operator.send('POST', `/api/desks/${desk}/undo`, { ticketId: absent.id });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('UNDO_EXPIRED');

    // The desk has called someone else meanwhile: no undo.
    const next = (await walkIn(kiosk)).body;
    await operator.send('POST', `/api/desks/${desk}/call-next`, {});
    await operator.send('POST', `/api/desks/${desk}/no-show`, {});
    await walkIn(kiosk);
    await operator.send('POST', `/api/desks/${desk}/call-next`, {});
    expect((await operator.send('POST', `/api/desks/${desk}/undo`, { ticketId: next.id })).body.code).toBe('DESK_BUSY');

    const events = await db.sql.query(`SELECT type FROM ticket_event WHERE ticket_id = $1 ORDER BY id`, [absent.id]);
    expect(events.rows.map((r) => r.type)).toEqual(['ISSUED', 'CALLED', 'NO_SHOW', 'REOPENED', 'STARTED', 'COMPLETED', 'REOPENED', 'COMPLETED']);
    const audit = await db.sql.query(
      `SELECT actor_username, entity, entity_id, details FROM audit_entry WHERE action = 'UNDO' AND entity_id = $1 ORDER BY at`,
      [absent.id],
    );
    expect(audit.rows).toEqual([
      {
        actor_username: 'operatore',
        entity: 'ticket',
        entity_id: absent.id,
        details: { number: absent.number, desk: 'Sportello 4', undone: 'NO_SHOW', status: { from: 'NO_SHOW', to: 'CALLED' } },
      },
      {
        actor_username: 'operatore',
        entity: 'ticket',
        entity_id: absent.id,
        details: {
          number: absent.number,
          desk: 'Sportello 4',
          undone: 'COMPLETED',
          status: { from: 'DONE', to: 'IN_SERVICE' },
          outcome: { from: 'CIE_REQUEST_TAKEN', to: null },
        },
      },
    ]);
    await closeAll();
  });

  it('today’s numbers for the staff home: booked, arrived (walk-ins among them), waiting, served; per office of the account', async () => {
    await closeAll();
    await db.sql.query(`UPDATE ticket SET status = 'CANCELLED' WHERE office_id = $1`, [office.officeId]);
    await db.sql.query(`UPDATE appointment SET status = 'CANCELLED', cancelled_at = now() WHERE office_id = $1`, [office.officeId]);
    const soon = await insertAppointment(db.sql, office.officeId, office.serviceId, new Date(Date.now() + 5 * 60_000), code());
    await insertAppointment(db.sql, office.officeId, office.serviceId, new Date(Date.now() + 10 * 60_000), code());
    await operator.send('POST', `/api/appointments/${soon.code}/check-in`, {});
    await walkIn(kiosk);
    await walkIn(kiosk);
    await operator.send('POST', `/api/desks/${desks[0]}/call-next`, {});
    await operator.send('POST', `/api/desks/${desks[0]}/complete`, { outcome: 'INFO_ONLY' });
    const today = await operator.get('/api/staff/today');
    expect(today.status).toBe(200);
    expect(today.body.offices).toEqual([
      expect.objectContaining({
        officeId: office.officeId,
        officeName: 'Ufficio di prova',
        booked: 2,
        arrived: 3,
        walkIns: 2,
        waiting: 2,
        served: 1,
        open: expect.objectContaining({ open: true }),
      }),
    ]);
    expect((await operator.get(`/api/staff/today?officeId=${other.officeId}`)).body.code).toBe('FORBIDDEN_OFFICE');
    expect((await operator.get(`/api/staff/today?officeId=x`)).status).toBe(400);
    expect((await new StaffClient(api.baseUrl).get('/api/staff/today')).status).toBe(401);
    await closeAll();
  });

  it('agenda: today’s appointments with status, searchable by code, name and codice fiscale', async () => {
    const a = await insertAppointment(db.sql, office.officeId, office.serviceId, new Date(), code(), { firstName: 'Ada', lastName: 'Lovelace' });
    await operator.send('POST', `/api/appointments/${a.code}/check-in`, {});
    const all = await operator.get(`/api/offices/${office.officeId}/agenda`);
    expect(all.status).toBe(200);
    expect(all.body.find((e: { code: string }) => e.code === a.code)).toMatchObject({
      citizenName: 'Ada Lovelace',
      status: 'CHECKED_IN',
      ticketNumber: expect.stringMatching(/^C\d{3}$/),
      phone: null,
    });
    await db.sql.query(`UPDATE appointment SET phone = '+39 051 646 1211' WHERE id = $1`, [a.id]);
    for (const q of [a.code, 'lovelace ada', a.fiscalCode.slice(0, 9).toLowerCase()]) {
      const found = await operator.get(`/api/offices/${office.officeId}/agenda?q=${encodeURIComponent(q)}`);
      expect(found.body.map((e: { code: string }) => e.code)).toEqual([a.code]);
    }
    expect((await operator.get(`/api/offices/${office.officeId}/agenda?q=${a.code}`)).body[0].phone).toBe('+39 051 646 1211');
    expect((await operator.get(`/api/offices/${office.officeId}/agenda?date=2026-13-01`)).status).toBe(400);
    expect((await kiosk.get(`/api/offices/${office.officeId}/agenda`)).status).toBe(403);

    // One audit row for the operator's look at today's agenda, however many requests
    // (refreshes, searches as they type), holding every code seen; never the search text.
    const rows = await db.sql.query(`SELECT details FROM audit_entry WHERE action = 'VIEW' AND entity = 'agenda' AND actor_username = 'operatore'`);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0].details).toMatchObject({ search: true, views: 5, searches: 4, appointments: expect.arrayContaining([a.code]) });
    expect(JSON.stringify(rows.rows[0].details)).not.toContain('lovelace');
    // Parallel requests merge too; another day is another view.
    await Promise.all(Array.from({ length: 5 }, () => operator.get(`/api/offices/${office.officeId}/agenda`)));
    await operator.get(`/api/offices/${office.officeId}/agenda?date=2030-01-07`);
    const after = await db.sql.query(
      `SELECT details->>'date' AS date, (details->>'views')::int AS views FROM audit_entry WHERE action = 'VIEW' AND entity = 'agenda' AND actor_username = 'operatore' ORDER BY at`,
    );
    expect(after.rows).toEqual([expect.objectContaining({ views: 10 }), { date: '2030-01-07', views: 1 }]);
    // A look after 15 minutes without one starts a new row.
    await db.sql.query(
      `UPDATE audit_entry SET details = jsonb_set(details, '{lastAt}', to_jsonb((now() - interval '16 minutes')::text)) WHERE action = 'VIEW'`,
    );
    await operator.get(`/api/offices/${office.officeId}/agenda?date=2030-01-07`);
    expect((await db.sql.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'VIEW' AND actor_username = 'operatore'`)).rows[0].n).toBe(3);
    await closeAll();
  });

  it('SIGTERM ends open event streams and the process exits at once', async () => {
    const instance = await startApi(db.url);
    const display = await SseClient.connect(`${instance.baseUrl}/api/offices/${office.officeId}/events`);
    await display.next((e) => e.type === 'ready');
    const started = Date.now();
    await instance.stop();
    // The heartbeat comes every 20 s: without ending the streams the exit waited for the kill.
    expect(Date.now() - started).toBeLessThan(5000);
    display.close();
  });

  it('SSE: a call made on one api instance reaches display clients of both instances', async () => {
    const second = await startApi(db.url);
    try {
      const url = (base: string) => `${base}/api/offices/${office.officeId}/events`;
      const [here, there] = await Promise.all([SseClient.connect(url(api.baseUrl)), SseClient.connect(url(second.baseUrl))]);
      const ticket = (await walkIn(kiosk)).body;
      await operator.send('POST', `/api/desks/${desks[3]}/call-next`, {});
      const isCall = (e: { type: string; data: Record<string, unknown> }) =>
        e.type === 'ticket' && e.data['ticketId'] === ticket.id && e.data['event'] === 'CALLED';
      const [a, b] = await Promise.all([here.next(isCall), there.next(isCall)]);
      expect(a.data).toEqual({ type: 'ticket', officeId: office.officeId, ticketId: ticket.id, deskId: desks[3], event: 'CALLED' });
      expect(b.data).toEqual(a.data);
      here.close();
      there.close();
    } finally {
      await second.stop();
    }
  });
});
