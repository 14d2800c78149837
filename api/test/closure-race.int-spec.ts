import { Client } from 'pg';
import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { DateTime } from 'luxon';
import { Answer, at, bookingBody, nextWeekday, post } from './support/booking';
import { getJson } from './support/http';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { insertStaff, Reply, StaffClient } from './support/staff';

/**
 * Closures and office changes win every race, and PostgreSQL decides it: no booking
 * commits inside a committed closure, nor on a slot that committed hours or service
 * changes took away, whatever the timing.
 */
describe('closures and office changes against bookings in flight (real PostgreSQL)', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let office: OfficeFixture;
  let manager: StaffClient;
  let n = 20_000;

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    await insertStaff(db.sql, 'responsabile', 'manager', [office.officeId]);
    api = await startApi(db.url, { THROTTLE_LIMIT: '1000000', DB_POOL_SIZE: '40' });
    manager = await StaffClient.login(api.baseUrl, 'responsabile');
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const book = (start: string): Promise<Answer> => post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, start, n++));
  const close = (date: string): Promise<Reply> =>
    manager.send('POST', `/api/offices/${office.officeId}/closures`, { from: date, reason: 'Chiusura straordinaria', confirm: true });
  const bookedInside = async (from: string, to: string) =>
    (
      await db.sql.query(`SELECT code FROM appointment WHERE status = 'BOOKED' AND office_id = $1 AND start_at < $3 AND end_at > $2`, [
        office.officeId,
        from,
        to,
      ])
    ).rows.map((r) => r.code);
  /** Waits (polling PostgreSQL, no fixed sleep) until some backend runs a statement matching `like` and waits for a lock. */
  const waitingOnLock = async (like: string) => {
    for (;;) {
      const { rows } = await db.sql.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1`,
        [like],
      );
      if (rows[0].n > 0) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  /**
   * The race of the issue, made to happen every time: a booking has read the calendar and
   * taken its seat, and is held just before its commit (the test keeps the manage_token table
   * locked) while the office change runs. Without the database ordering them, the change
   * commits first, misses the booking, and the booking then commits on a slot that is gone.
   */
  async function bookingHeldDuring(start: string, change: () => Promise<Reply>): Promise<{ booking: Answer; change: Reply }> {
    const held = await heldDuring('manage_token', 'INSERT INTO manage_token%', () => book(start), change);
    return { booking: held.request, change: held.change };
  }

  /**
   * The same hold for any request: the test keeps `table` locked against writes, so the
   * request stops at its statement matching `statement` (after its seat, before its commit)
   * while the change runs.
   */
  async function heldDuring(
    table: string,
    statement: string,
    request: () => Promise<Answer>,
    change: () => Promise<Reply>,
  ): Promise<{ request: Answer; change: Reply }> {
    const blocker = new Client({ connectionString: db.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`LOCK TABLE ${table} IN SHARE MODE`);
      const held = request();
      await waitingOnLock(statement);
      const changed = change();
      // The change either waits for the request (the database orders them) or is already done.
      await Promise.race([changed, waitingOnLock('%office_config_version%')]);
      await blocker.query('COMMIT');
      return { request: await held, change: await changed };
    } finally {
      await blocker.end();
    }
  }

  /**
   * `count` Mondays from `after` days on where the office is open all day with every place
   * free (no holiday, no closure, nothing booked): the moves' days must not depend on the date.
   */
  const emptyMondays = async (after: number, count: number): Promise<DateTime[]> => {
    const found: DateTime[] = [];
    for (let day = nextWeekday(1, after); found.length < count && day < DateTime.now().plus({ days: 60 }); day = day.plus({ days: 7 })) {
      const date = day.toISODate() as string;
      const { body } = await getJson(
        `${api.baseUrl}/api/availability?${new URLSearchParams({ officeId: office.officeId, serviceId: office.serviceId, from: date, to: date })}`,
      );
      const slots: Array<{ remaining: number }> = body.days.find((d: { date: string }) => d.date === date)?.slots ?? [];
      if (slots.length === 11 && slots.every((slot) => slot.remaining === 2)) found.push(day);
    }
    expect(found.length).toBe(count);
    return found;
  };
  const manageToken = (manageUrl: string) => manageUrl.split('/').pop() as string;
  const reschedule = (manageUrl: string, start: string): Promise<Answer> =>
    post(`${api.baseUrl}/api/appointments/manage/${manageToken(manageUrl)}/reschedule`, { start });
  const appointmentRow = async (code: string) =>
    (
      await db.sql.query(
        `SELECT a.status, a.cancel_reason, a.start_at, a.sequence,
                (SELECT coalesce(array_agg(s.start_at ORDER BY s.start_at), '{}') FROM slot_seat s WHERE s.claim_kind = 'APPOINTMENT' AND s.claim_id = a.id) AS seats,
                (SELECT count(*)::int FROM notification n WHERE n.appointment_id = a.id AND n.kind = 'CLOSURE') AS closure_notices,
                (SELECT count(*)::int FROM notification n WHERE n.appointment_id = a.id AND n.kind = 'RESCHEDULE') AS move_notices,
                (SELECT count(*)::int FROM notification n WHERE n.appointment_id = a.id AND n.kind = 'REMINDER' AND n.status = 'PENDING') AS pending_reminders
           FROM appointment a WHERE a.code = $1`,
        [code],
      )
    ).rows[0];
  /**
   * The seats agree with the appointments: every BOOKED appointment of the office holds
   * exactly one seat, at its own start, and no seat is held for anything else.
   */
  const seatProblems = async () =>
    (
      await db.sql.query(
        `SELECT a.code, 'BOOKED without exactly one seat at its start' AS problem FROM appointment a
          WHERE a.office_id = $1 AND a.status = 'BOOKED'
            AND (SELECT count(*) FROM slot_seat s WHERE s.claim_kind = 'APPOINTMENT' AND s.claim_id = a.id AND s.start_at = a.start_at) <> 1
         UNION ALL
         SELECT s.claim_id::text, 'seat held for no BOOKED appointment at that time' FROM slot_seat s
          WHERE s.office_id = $1 AND s.claim_kind = 'APPOINTMENT'
            AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.id = s.claim_id AND a.status = 'BOOKED' AND a.start_at = s.start_at)`,
        [office.officeId],
      )
    ).rows;

  it('a booking held between its seat and its commit while a closure of its day commits: it ends up cancelled, never BOOKED inside', async () => {
    const monday = nextWeekday(1, 7);
    const start = at(monday, '09:00');
    const { booking, change } = await bookingHeldDuring(start, () => close(monday.toISODate() as string));
    expect(booking.status).toBe(201);
    expect(change.status).toBe(201);
    // The closure saw the booking (it waited for it) and cancelled it, with the citizen told.
    expect(change.body.cancelled).toEqual([booking.body.code]);
    expect(await bookedInside(change.body.start, change.body.end)).toEqual([]);
    const { rows } = await db.sql.query(`SELECT status, cancel_reason FROM appointment WHERE code = $1`, [booking.body.code]);
    expect(rows[0]).toEqual({ status: 'CANCELLED', cancel_reason: 'CLOSURE' });
  });

  it('the same for new opening hours and a withdrawn service that strand the slot', async () => {
    const hoursUrl = `/api/admin/offices/${office.officeId}/opening-hours`;
    const before = (await manager.get(hoursUrl)).body.office;
    const monday = nextWeekday(1, 14);
    const afternoon = at(monday, '15:00');
    const hours = await bookingHeldDuring(afternoon, () =>
      manager.send('PUT', hoursUrl, {
        intervals: [
          { weekday: 1, start: '08:30', end: '12:30' },
          { weekday: 3, start: '09:00', end: '11:00' },
        ],
        confirm: true,
      }),
    );
    expect(hours.change.status).toBe(200);
    expect(hours.change.body.cancelled).toEqual([hours.booking.body.code]);
    expect((await db.sql.query(`SELECT status FROM appointment WHERE code = $1`, [hours.booking.body.code])).rows[0].status).toBe('CANCELLED');
    expect((await manager.send('PUT', hoursUrl, { intervals: before, confirm: true })).status).toBe(200);

    const services = (await manager.get(`/api/admin/offices/${office.officeId}/services`)).body as Array<Record<string, unknown>>;
    const { officeId, ...service } = services.find((s) => s['id'] === office.serviceId) as Record<string, unknown>;
    void officeId;
    const id = office.serviceId;
    delete service['id'];
    const withdrawn = await bookingHeldDuring(at(monday, '10:00'), () =>
      manager.send('PUT', `/api/admin/offices/${office.officeId}/services/${id}`, { ...service, active: false, confirm: true }),
    );
    expect(withdrawn.change.status).toBe(200);
    expect(withdrawn.change.body.cancelled).toEqual([withdrawn.booking.body.code]);
    expect((await db.sql.query(`SELECT count(*)::int AS n FROM appointment WHERE service_id = $1 AND status = 'BOOKED'`, [id])).rows[0].n).toBe(0);
    expect((await manager.send('PUT', `/api/admin/offices/${office.officeId}/services/${id}`, { ...service, active: true })).status).toBe(200);
  });

  it('50 rounds of 30 concurrent bookings racing a closure of the same day: 0 BOOKED inside any closure', async () => {
    const monday = nextWeekday(1, 21);
    const date = monday.toISODate() as string;
    const times = ['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '14:30', '15:00', '15:30'];
    let booked = 0;
    let cancelled = 0;
    for (let round = 0; round < 50; round++) {
      // The closure goes out at a different place among the bookings each round.
      const requests: Array<Promise<Answer | Reply>> = [];
      const at30 = round % 31;
      let closure: Promise<Reply> | null = null;
      for (let i = 0; i <= 30; i++) {
        if (i === at30) requests.push((closure = close(date)));
        else requests.push(book(at(monday, times[i % times.length])));
      }
      const answers = await Promise.all(requests);
      const closed = (await closure) as Reply;
      expect(closed.status).toBe(201);
      expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
      booked += answers.filter((a) => a !== closed && a.status === 201).length;
      cancelled += closed.body.cancelled.length;
      expect({ round, inside: await bookedInside(closed.body.start, closed.body.end) }).toEqual({ round, inside: [] });
      expect((await manager.send('DELETE', `/api/offices/${office.officeId}/closures/${closed.body.id}`, undefined)).status).toBe(204);
    }
    // The races really happened: bookings got through before the closures, which cancelled them.
    expect(booked).toBeGreaterThan(0);
    expect(cancelled).toBe(booked);
  }, 180_000);

  it('a move into the day held between its seat and its commit while a closure of that day commits: the move is cancelled with a closure notice, no seat left', async () => {
    const [source, monday] = await emptyMondays(28, 2);
    const from = at(source, '11:00');
    const target = at(monday, '09:00');
    const booked = await book(from);
    expect(booked.status).toBe(201);
    // The move stops at its UPDATE of the appointment: its new seat taken, the old one released.
    const { request: moved, change } = await heldDuring(
      'appointment',
      'UPDATE appointment SET start_at%',
      () => reschedule(booked.body.manageUrl, target),
      () => close(monday.toISODate() as string),
    );
    expect(moved.status).toBe(200);
    expect(new Date(moved.body.start).toISOString()).toBe(new Date(target).toISOString());
    expect(change.status).toBe(201);
    // The closure waited for the move, saw the appointment at its new time and cancelled it.
    expect(change.body.cancelled).toEqual([booked.body.code]);
    expect(await bookedInside(change.body.start, change.body.end)).toEqual([]);
    const row = await appointmentRow(booked.body.code);
    expect({ ...row, start_at: row.start_at.toISOString() }).toEqual({
      status: 'CANCELLED',
      cancel_reason: 'CLOSURE',
      start_at: new Date(target).toISOString(),
      sequence: 1,
      seats: [],
      closure_notices: 1,
      move_notices: 1,
      pending_reminders: 0,
    });
    expect(await seatProblems()).toEqual([]);
    expect((await manager.send('DELETE', `/api/offices/${office.officeId}/closures/${change.body.id}`, undefined)).status).toBe(204);
  });

  it('10 rounds of 10 concurrent moves of distinct bookings into a day racing its closure: each move cancelled by the closure or still at its old time, seats consistent', async () => {
    const [source, monday] = await emptyMondays(28, 2);
    const date = monday.toISODate() as string;
    const times = ['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '14:30', '15:00', '15:30'];
    const moves = 10;
    /** Bookings still BOOKED on the source day, ready to move (those refused stay for the next round). */
    let pool: Array<{ code: string; manageUrl: string; start: string }> = [];
    let moved = 0;
    let refused = 0;
    for (let round = 0; round < 10; round++) {
      for (let t = 0; pool.length < moves && t < times.length * 2; t++) {
        const start = at(source, times[t % times.length]);
        const b = await book(start);
        if (b.status === 201) pool.push({ code: b.body.code, manageUrl: b.body.manageUrl, start: new Date(start).toISOString() });
        else expect(b.status).toBe(409);
      }
      expect(pool.length).toBe(moves);
      const targets = pool.map((_, i) => new Date(at(monday, times[i])).toISOString());
      const requests: Array<Promise<Answer | Reply>> = [];
      const position = round % (moves + 1);
      let closure: Promise<Reply> | null = null;
      for (let i = 0; i <= moves; i++) {
        if (i === position) requests.push((closure = close(date)));
        const j = i < position ? i : i - 1;
        if (i !== position) requests.push(reschedule(pool[j].manageUrl, targets[j]));
      }
      const answers = await Promise.all(requests);
      const closed = (await closure) as Reply;
      const answered = answers.filter((a) => a !== closed) as Answer[];
      expect(closed.status).toBe(201);
      expect({ round, statuses: answered.map((a) => a.status).filter((s) => s !== 200 && s !== 409) }).toEqual({ round, statuses: [] });
      const movedCodes = pool.filter((_, j) => answered[j].status === 200).map((p) => p.code);
      // Every move that got through before the closure was seen and cancelled by it; nothing else was.
      expect({ round, cancelled: [...closed.body.cancelled].sort() }).toEqual({ round, cancelled: [...movedCodes].sort() });
      expect({ round, inside: await bookedInside(closed.body.start, closed.body.end) }).toEqual({ round, inside: [] });
      for (let j = 0; j < pool.length; j++) {
        const row = await appointmentRow(pool[j].code);
        const actual = { round, code: pool[j].code, ...row, start_at: row.start_at.toISOString(), seats: row.seats.map((d: Date) => d.toISOString()) };
        if (answered[j].status === 200)
          expect(actual).toEqual({
            round,
            code: pool[j].code,
            status: 'CANCELLED',
            cancel_reason: 'CLOSURE',
            start_at: targets[j],
            sequence: 1,
            seats: [],
            closure_notices: 1,
            move_notices: 1,
            pending_reminders: 0,
          });
        else
          expect(actual).toEqual({
            round,
            code: pool[j].code,
            status: 'BOOKED',
            cancel_reason: null,
            start_at: pool[j].start,
            sequence: 0,
            seats: [pool[j].start],
            closure_notices: 0,
            move_notices: 0,
            pending_reminders: 1,
          });
      }
      expect({ round, problems: await seatProblems() }).toEqual({ round, problems: [] });
      moved += movedCodes.length;
      refused += pool.length - movedCodes.length;
      pool = pool.filter((p) => !movedCodes.includes(p.code));
      expect((await manager.send('DELETE', `/api/offices/${office.officeId}/closures/${closed.body.id}`, undefined)).status).toBe(204);
    }
    // The races really happened: moves got through before the closures, which cancelled them.
    expect(moved).toBeGreaterThan(0);
    expect(moved + refused).toBe(100);
  }, 180_000);
});
