import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { at, bookingBody, nextWeekday, post } from './support/booking';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { getJson } from './support/http';
import { TestSmtpServer } from './support/smtp';
import { insertStaff, StaffClient } from './support/staff';

describe('closures: the appointments inside are cancelled in one transaction, each citizen told once', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let smtp: TestSmtpServer;
  let office: OfficeFixture;
  let manager: StaffClient;
  let operator: StaffClient;
  let n = 7000;
  const monday = nextWeekday(1, 4);
  const date = monday.toISODate() as string;

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    await insertStaff(db.sql, 'responsabile', 'manager', [office.officeId]);
    await insertStaff(db.sql, 'operatore', 'operator', [office.officeId]);
    smtp = await TestSmtpServer.start();
    api = await startApi(db.url, { SMTP_URL: smtp.url, MAIL_POLL_SECONDS: '1', THROTTLE_LIMIT: '100000', PUBLIC_URL: 'https://prenota.example.it' });
    [manager, operator] = await Promise.all([StaffClient.login(api.baseUrl, 'responsabile'), StaffClient.login(api.baseUrl, 'operatore')]);
  });

  afterAll(async () => {
    await api?.stop();
    await smtp?.close();
    await db?.drop();
  });

  const book = async (time: string, serviceId = office.serviceId) => {
    const answer = await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, serviceId, at(monday, time), n++));
    expect(answer.status).toBe(201);
    return answer.body.code as string;
  };
  const statuses = async () =>
    Object.fromEntries((await db.sql.query(`SELECT code, status || ':' || coalesce(cancel_reason, '-') AS s FROM appointment`)).rows.map((r) => [r.code, r.s]));

  it('an afternoon closure: 409 listing the affected appointments and nothing written, then confirmed: cancelled, one notice each', async () => {
    const inside = [await book('14:30'), await book('14:50', office.otherServiceId)];
    const morning = await book('09:00');
    await smtp.waitFor((mails) => mails.filter((m) => m.parsed.subject?.startsWith('Prenotazione confermata')).length === 3);
    const body = { from: date, startTime: '14:00', endTime: '16:00', reason: 'Assemblea del personale' };

    const before = await db.sql.query('SELECT count(*)::int AS n FROM closure');
    const ask = await manager.send('POST', `/api/offices/${office.officeId}/closures`, body);
    expect(ask.status).toBe(409);
    expect(ask.body.code).toBe('CONFIRMATION_REQUIRED');
    expect(ask.body.affected.map((a: { code: string }) => a.code)).toEqual(inside);
    expect((await db.sql.query('SELECT count(*)::int AS n FROM closure')).rows[0].n).toBe(before.rows[0].n);
    expect(Object.values(await statuses()).every((s) => s === 'BOOKED:-')).toBe(true);

    const done = await manager.send('POST', `/api/offices/${office.officeId}/closures`, { ...body, confirm: true });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ officeId: office.officeId, serviceId: null, reason: 'Assemblea del personale', cancelled: inside });
    expect(await statuses()).toEqual({ [inside[0]]: 'CANCELLED:CLOSURE', [inside[1]]: 'CANCELLED:CLOSURE', [morning]: 'BOOKED:-' });

    const notices = await smtp.waitFor((mails) => mails.filter((m) => m.parsed.subject?.startsWith('Appuntamento annullato per chiusura')).length >= 2);
    const closureMails = notices.filter((m) => m.parsed.subject?.startsWith('Appuntamento annullato per chiusura'));
    expect(closureMails.map((m) => inside.find((code) => m.parsed.subject?.includes(code))).sort()).toEqual([...inside].sort());
    expect(closureMails[0].parsed.text).toContain('Assemblea del personale');
    expect(closureMails[0].parsed.text).toContain('https://prenota.example.it/prenota/');

    // The afternoon is no longer offered; the morning still is.
    const { body: availability } = await getJson(
      `${api.baseUrl}/api/availability?officeId=${office.officeId}&serviceId=${office.serviceId}&from=${date}&to=${date}`,
    );
    const times = availability.days.flatMap((d: { slots: Array<{ start: string }> }) => d.slots.map((s) => s.start.slice(11, 16)));
    expect(times.some((t: string) => t >= '14:00')).toBe(false);
    expect(times).toContain('09:30');
    const listed = await operator.get(`/api/offices/${office.officeId}/closures`);
    expect(listed.body.map((c: { id: string }) => c.id)).toContain(done.body.id);
  });

  it('a closure with nothing booked needs no confirmation; it can be removed again', async () => {
    const next = monday.plus({ weeks: 1 }).toISODate() as string;
    const created = await manager.send('POST', `/api/offices/${office.officeId}/closures`, { from: next, to: next, reason: 'Festa patronale' });
    expect(created.status).toBe(201);
    expect(created.body.cancelled).toEqual([]);
    expect((await manager.send('DELETE', `/api/offices/${office.officeId}/closures/${created.body.id}`, undefined)).status).toBe(204);
    expect((await manager.send('DELETE', `/api/offices/${office.officeId}/closures/${created.body.id}`, undefined)).status).toBe(404);
  });

  it('bad input → 400 with every field; operators may not close; nothing written', async () => {
    const before = await db.sql.query('SELECT count(*)::int AS n FROM closure');
    const bad = await manager.send('POST', `/api/offices/${office.officeId}/closures`, { from: '2026-02-30', startTime: '25:00', reason: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['endTime', 'from', 'reason', 'startTime']);
    const reversed = await manager.send('POST', `/api/offices/${office.officeId}/closures`, { from: date, to: '2020-01-01', reason: 'x' });
    expect(reversed.body.errors.map((e: { field: string }) => e.field)).toEqual(['to']);
    expect((await operator.send('POST', `/api/offices/${office.officeId}/closures`, { from: date, reason: 'x' })).body.code).toBe('FORBIDDEN');
    expect((await db.sql.query('SELECT count(*)::int AS n FROM closure')).rows[0].n).toBe(before.rows[0].n);
  });
});
