import { DateTime } from 'luxon';
import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { at, bookingBody, nextWeekday, post, ZONE } from './support/booking';
import { fiscalCode } from '../../libs/domain/testing/fiscal-codes.cjs';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { insertAppointment } from './support/frontdesk';
import { getJson } from './support/http';
import { insertStaff, Reply, STAFF_PASSWORD, StaffClient } from './support/staff';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const NEW_PASSWORD = 'una-password-nuova-e-lunga';

/** The fields of a 400 answer, sorted. */
const fields = (reply: Reply) => (reply.body.errors ?? []).map((e: { field: string }) => e.field).sort();

describe('administration api: roles, validation, the stranding check, settings that change booking, the audit log', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let office: OfficeFixture;
  let other: OfficeFixture;
  let admin: StaffClient;
  let manager: StaffClient;
  let otherManager: StaffClient;
  let operator: StaffClient;
  let kiosk: StaffClient;
  let anonymous: StaffClient;
  let n = 9100;
  const monday = nextWeekday(1, 4);
  const mondayDate = monday.toISODate() as string;

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    other = await insertOffice(db.sql, 'OTHER');
    await insertStaff(db.sql, 'amministratore', 'admin', []);
    await insertStaff(db.sql, 'responsabile', 'manager', [office.officeId]);
    await insertStaff(db.sql, 'altro.responsabile', 'manager', [other.officeId]);
    await insertStaff(db.sql, 'operatore', 'operator', [office.officeId]);
    await insertStaff(db.sql, 'totem', 'kiosk', [office.officeId]);
    api = await startApi(db.url, { THROTTLE_LIMIT: '100000', LOGIN_THROTTLE_LIMIT: '1000' });
    [admin, manager, otherManager, operator, kiosk] = await Promise.all(
      ['amministratore', 'responsabile', 'altro.responsabile', 'operatore', 'totem'].map((u) => StaffClient.login(api.baseUrl, u)),
    );
    anonymous = new StaffClient(api.baseUrl);
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const call = (client: StaffClient, method: Method, path: string, body?: unknown) =>
    method === 'GET' ? client.get(path) : client.send(method, path, body ?? {});
  const book = async (time: string, serviceId = office.serviceId, date: DateTime = monday) => {
    const answer = await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, serviceId, at(date, time), n++));
    expect(answer.status).toBe(201);
    return answer.body as { code: string; manageUrl: string };
  };
  const count = async (table: string) => (await db.sql.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
  const status = async (code: string) =>
    (await db.sql.query(`SELECT status || ':' || coalesce(cancel_reason, '-') AS s FROM appointment WHERE code = $1`, [code])).rows[0].s as string;
  const freeTimes = async (date: string, serviceId = office.serviceId) => {
    const { body } = await getJson(`${api.baseUrl}/api/availability?officeId=${office.officeId}&serviceId=${serviceId}&from=${date}&to=${date}`);
    return (body.days as Array<{ slots: Array<{ start: string; remaining: number }> }>).flatMap((d) =>
      d.slots.map((s) => `${s.start.slice(11, 16)}×${s.remaining}`),
    );
  };
  const services = async () => (await manager.get(`/api/admin/offices/${office.officeId}/services`)).body as Array<Record<string, unknown> & { id: string }>;
  const serviceBody = async (id: string) => {
    const body: Record<string, unknown> = { ...(await services()).find((s) => s.id === id) };
    delete body['id'];
    delete body['officeId'];
    return body;
  };

  it('every endpoint: 401 without a session, 403 for operators and kiosks, 403 FORBIDDEN_OFFICE for a manager of another office; admin-only ones refuse managers', async () => {
    const o = office.officeId;
    const managed: Array<[Method, string]> = [
      ['GET', `/api/admin/offices/${o}`],
      ['PUT', `/api/admin/offices/${o}`],
      ['GET', `/api/admin/offices/${o}/settings`],
      ['PUT', `/api/admin/offices/${o}/settings`],
      ['GET', `/api/admin/offices/${o}/services`],
      ['POST', `/api/admin/offices/${o}/services`],
      ['PUT', `/api/admin/offices/${o}/services/${office.serviceId}`],
      ['DELETE', `/api/admin/offices/${o}/services/${office.serviceId}`],
      ['GET', `/api/admin/offices/${o}/opening-hours`],
      ['PUT', `/api/admin/offices/${o}/opening-hours`],
      ['GET', `/api/admin/offices/${o}/desks`],
      ['POST', `/api/admin/offices/${o}/desks`],
      ['PUT', `/api/admin/offices/${o}/desks/${UNKNOWN}`],
      ['DELETE', `/api/admin/offices/${o}/desks/${UNKNOWN}`],
    ];
    const adminOnly: Array<[Method, string]> = [
      ['POST', '/api/admin/offices'],
      ['DELETE', `/api/admin/offices/${o}`],
      ['GET', '/api/admin/staff-users'],
      ['POST', '/api/admin/staff-users'],
      ['PUT', `/api/admin/staff-users/${UNKNOWN}`],
      ['POST', `/api/admin/staff-users/${UNKNOWN}/password`],
      ['GET', '/api/audit'],
    ];
    const codes = async (client: StaffClient, list: Array<[Method, string]>) =>
      Promise.all(list.map(async ([m, p]) => `${m} ${p} → ${(await call(client, m, p)).body?.code}`));
    const expectAll = (answers: string[], code: string) => expect(answers.filter((a) => !a.endsWith(`→ ${code}`))).toEqual([]);
    expectAll(await codes(anonymous, [...managed, ...adminOnly, ['GET', '/api/admin/offices']]), 'UNAUTHORIZED');
    expectAll(await codes(operator, [...managed, ...adminOnly, ['GET', '/api/admin/offices']]), 'FORBIDDEN');
    expectAll(await codes(kiosk, [...managed, ...adminOnly]), 'FORBIDDEN');
    expectAll(await codes(otherManager, managed), 'FORBIDDEN_OFFICE');
    expectAll(await codes(manager, adminOnly), 'FORBIDDEN');
    // CSRF as everywhere else.
    expect((await manager.send('PUT', `/api/admin/offices/${o}`, {}, { csrf: false })).body.code).toBe('CSRF_TOKEN_INVALID');

    expect((await manager.get('/api/admin/offices')).body.map((x: { id: string }) => x.id)).toEqual([o]);
    expect((await admin.get('/api/admin/offices')).body.map((x: { id: string }) => x.id).sort()).toEqual([o, other.officeId].sort());
    expect((await admin.get(`/api/admin/offices/${other.officeId}/services`)).status).toBe(200);
  });

  it('offices: bad input lists every field and writes nothing; admins create (with settings) and delete unused offices; managers edit theirs; all audited', async () => {
    const before = await count('office');
    const bad = await admin.send('POST', '/api/admin/offices', { code: 'codice con spazi', name: '', email: 'non-una-email', timeZone: 'Marte/Base' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(fields(bad)).toEqual(['address', 'city', 'code', 'email', 'name', 'timeZone']);
    expect(await count('office')).toBe(before);

    const body = { code: 'urp-nuovo', name: 'URP Nuovo', address: 'Via Verdi 2', city: 'Calderara di Reno', phone: '051 000000' };
    const created = await admin.send('POST', '/api/admin/offices', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'URP-NUOVO', name: 'URP Nuovo', timeZone: 'Europe/Rome', email: null });
    const settings = await admin.get(`/api/admin/offices/${created.body.id}/settings`);
    expect(settings.body).toMatchObject({
      bookingHorizonDays: 60,
      minNoticeMinutes: 120,
      holdMinutes: null,
      defaults: { holdMinutes: 10, cancelCutoffHours: 24, reminderHoursBefore: 24, maxActivePerFiscalCode: 1, retentionDays: 90 },
    });
    expect(fields(await admin.send('POST', '/api/admin/offices', body))).toEqual(['code']);

    const renamed = await manager.send('PUT', `/api/admin/offices/${office.officeId}`, {
      code: 'TEST',
      name: 'Ufficio di prova (URP)',
      address: 'Via Roma 1',
      city: 'Calderara di Reno',
      email: 'urp@comune.example.it',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Ufficio di prova (URP)', email: 'urp@comune.example.it' });
    expect((await getJson(`${api.baseUrl}/api/offices`)).body.find((x: { id: string }) => x.id === office.officeId)).toMatchObject({
      name: 'Ufficio di prova (URP)',
      retentionDays: 90,
    });

    expect((await admin.send('DELETE', `/api/admin/offices/${created.body.id}`, undefined)).status).toBe(204);
    expect((await admin.get(`/api/admin/offices/${created.body.id}`)).status).toBe(404);
    await book('08:30');
    const inUse = await admin.send('DELETE', `/api/admin/offices/${office.officeId}`, undefined);
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('IN_USE');

    const audit = await db.sql.query(`SELECT actor_username, action, details FROM audit_entry WHERE entity = 'office' ORDER BY at`);
    expect(audit.rows.map((r) => `${r.actor_username} ${r.action}`)).toEqual(['amministratore CREATE', 'responsabile UPDATE', 'amministratore DELETE']);
    expect(audit.rows[1].details.changes.name).toEqual({ from: 'Ufficio di prova', to: 'Ufficio di prova (URP)' });
    // The office's own e-mail address is kept out of the log too.
    expect(JSON.stringify(audit.rows)).not.toContain('urp@comune.example.it');
  });

  it('settings: every wrong field at once and nothing changed; the horizon, hold minutes, the per-codice-fiscale limit, the patron saint and the reminder lead change booking', async () => {
    const url = `/api/admin/offices/${office.officeId}/settings`;
    const initial = (await manager.get(url)).body;
    const bad = await manager.send('PUT', url, {
      bookingHorizonDays: 0,
      minNoticeMinutes: -1,
      reconfirmRequired: 'sì',
      holdMinutes: 500,
      reminderHoursBefore: 6,
      mandateStart: '2024-13-01',
      mandateEnd: '2024-06-01',
      patronSaint: { month: 2, day: 30 },
    });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual([
      'bookingHorizonDays',
      'holdMinutes',
      'mandateStart',
      'minNoticeMinutes',
      'patronSaint.day',
      'reconfirmRequired',
      'reminderHoursBefore',
    ]);
    expect(bad.body.errors.find((e: { field: string }) => e.field === 'reminderHoursBefore').message).toContain('12');
    expect((await manager.get(url)).body).toEqual(initial);

    const reminded = await book('10:00');
    const reminderDue = async () =>
      (
        await db.sql.query(`SELECT n.due_at FROM notification n JOIN appointment a ON a.id = n.appointment_id WHERE a.code = $1 AND n.kind = 'REMINDER'`, [
          reminded.code,
        ])
      ).rows[0].due_at as Date;
    const start = new Date(at(monday, '10:00'));
    expect(start.getTime() - (await reminderDue()).getTime()).toBe(24 * 3_600_000);

    const rules = {
      ...initial,
      bookingHorizonDays: 7,
      holdMinutes: 3,
      maxActivePerFiscalCode: 2,
      reminderHoursBefore: 48,
      mandateStart: '2024-06-10',
      mandateEnd: '2029-06-09',
      patronSaint: { month: monday.month, day: monday.day },
    };
    const saved = await manager.send('PUT', url, rules);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      bookingHorizonDays: 7,
      holdMinutes: 3,
      maxActivePerFiscalCode: 2,
      reminderHoursBefore: 48,
      mandateStart: '2024-06-10',
      patronSaint: { month: monday.month, day: monday.day },
    });

    // The horizon: nothing bookable after today + 7 days.
    const today = DateTime.now().setZone(ZONE).toISODate() as string;
    const month = await getJson(
      `${api.baseUrl}/api/availability?officeId=${office.officeId}&serviceId=${office.serviceId}&from=${today}&to=${DateTime.now().setZone(ZONE).plus({ days: 30 }).toISODate()}`,
    );
    const lastDay = month.body.days
      .map((d: { date: string }) => d.date)
      .sort()
      .pop();
    expect(lastDay <= (DateTime.now().setZone(ZONE).plus({ days: 7 }).toISODate() as string)).toBe(true);
    // The patron saint's day is a holiday now.
    expect(await freeTimes(mondayDate)).toEqual([]);
    // The pending reminder moved to 48 hours before.
    expect(start.getTime() - (await reminderDue()).getTime()).toBe(48 * 3_600_000);

    // Hold minutes and the per-person limit, on a Wednesday inside the horizon.
    const wednesday = nextWeekday(3, 1);
    if (wednesday.diff(DateTime.now().setZone(ZONE).startOf('day'), 'days').days <= 7) {
      const hold = await post(`${api.baseUrl}/api/holds`, { officeId: office.officeId, serviceId: office.serviceId, start: at(wednesday, '09:00') });
      expect(hold.status).toBe(201);
      const minutes = (Date.parse(hold.body.expiresAt) - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(2);
      expect(minutes).toBeLessThanOrEqual(3.1);
      expect((await fetch(`${api.baseUrl}/api/holds/${hold.body.holdId}`, { method: 'DELETE' })).status).toBe(204);
      const person = 9999;
      const first = await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, at(wednesday, '09:30'), person));
      const second = await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, at(wednesday, '10:00'), person));
      const third = await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, at(wednesday, '10:30'), person));
      expect([first.status, second.status, third.status]).toEqual([201, 201, 409]);
      expect(third.body.code).toBe('LIMIT_REACHED');
    }

    const audit = await db.sql.query(`SELECT details FROM audit_entry WHERE entity = 'office_settings' AND action = 'UPDATE'`);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].details.changes.bookingHorizonDays).toEqual({ from: 60, to: 7 });
    expect(audit.rows[0].details.movedReminders).toBe(2);

    // Back to the fixture's rules (null: the environment's defaults again).
    expect((await manager.send('PUT', url, { ...initial })).status).toBe(200);
    expect((await freeTimes(mondayDate)).length).toBeGreaterThan(0);
  });

  it('services: bad input lists every field; a new service is bookable; deactivating one with bookings needs confirmation, then cancels them with a notice', async () => {
    const url = `/api/admin/offices/${office.officeId}/services`;
    const before = await count('service');
    const bad = await manager.send('POST', url, {
      code: '1X',
      names: { it: '' },
      durationMinutes: 2,
      capacity: -1,
      ticketPrefix: 'ABCD',
      outcomes: [{ code: 'INFO_ONLY', it: 'x', en: 'x' }, { code: 'codice errato' }],
      onlineAlternative: { url: 'http://example.it' },
    });
    expect(bad.status).toBe(400);
    // The English name is optional (it falls back to the Italian one).
    expect(fields(bad)).toEqual([
      'capacity',
      'code',
      'durationMinutes',
      'names.it',
      'onlineAlternative.url',
      'outcomes[0].code',
      'outcomes[1].code',
      'outcomes[1].en',
      'outcomes[1].it',
      'ticketPrefix',
    ]);
    expect(await count('service')).toBe(before);

    const created = await manager.send('POST', url, {
      code: 'anag',
      names: { it: 'Certificati anagrafici', en: 'Registry certificates' },
      descriptions: { it: 'Certificati di residenza e stato di famiglia', en: 'Residence and family certificates' },
      durationMinutes: 15,
      capacity: 1,
      documents: { it: ["Documento d'identità"], en: ['Identity document'] },
      feeCents: 1600,
      feeNote: { it: 'Marca da bollo', en: 'Revenue stamp' },
      ticketPrefix: 'n',
      outcomes: [{ code: 'CERT_ISSUED', it: 'Certificato rilasciato', en: 'Certificate issued' }],
      active: true,
    });
    expect(created.status).toBe(201);
    // No desk serves it yet: the answer says so (the page warns: it takes no walk-ins).
    expect(created.body).toMatchObject({ code: 'ANAG', ticketPrefix: 'N', capacity: 1, feeCents: 1600, active: true, sortOrder: 0, desks: 0 });
    const italianOnly = await manager.send('POST', url, {
      ...created.body,
      id: undefined,
      desks: undefined,
      code: 'SOLOIT',
      names: { it: 'Solo in italiano', en: ' ' },
      active: false,
    });
    expect(italianOnly.status).toBe(201);
    expect(italianOnly.body.names).toEqual({ it: 'Solo in italiano', en: 'Solo in italiano' });
    await manager.send('DELETE', `${url}/${italianOnly.body.id}`, undefined);
    expect(fields(await manager.send('POST', url, { ...created.body, id: undefined }))).toEqual(['code']);
    const publicList = await getJson(`${api.baseUrl}/api/services?officeId=${office.officeId}`);
    expect(publicList.body.map((s: { code: string }) => s.code)).toContain('ANAG');

    const booked = await book('09:15', created.body.id);
    const body = { ...(await serviceBody(created.body.id)), active: false };
    const ask = await manager.send('PUT', `${url}/${created.body.id}`, body);
    expect(ask.status).toBe(409);
    expect(ask.body).toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
      affected: [{ kind: 'APPOINTMENT', code: booked.code, serviceId: created.body.id, serviceName: 'Certificati anagrafici' }],
    });
    expect(await status(booked.code)).toBe('BOOKED:-');
    expect((await services()).find((s) => s.id === created.body.id)?.active).toBe(true);

    const done = await manager.send('PUT', `${url}/${created.body.id}`, { ...body, confirm: true });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ active: false, cancelled: [booked.code] });
    expect(await status(booked.code)).toBe('CANCELLED:OFFICE_CHANGE');
    const notice = await db.sql.query(
      `SELECT n.kind, n.payload FROM notification n JOIN appointment a ON a.id = n.appointment_id WHERE a.code = $1 AND n.kind = 'OFFICE_CHANGE'`,
      [booked.code],
    );
    expect(notice.rows).toEqual([{ kind: 'OFFICE_CHANGE', payload: { serviceWithdrawn: true } }]);
    expect((await getJson(`${api.baseUrl}/api/services?officeId=${office.officeId}`)).body.map((s: { code: string }) => s.code)).not.toContain('ANAG');

    // Unused services can be deleted; used ones only deactivated.
    expect((await manager.send('DELETE', `${url}/${created.body.id}`, undefined)).body.code).toBe('IN_USE');
    const spare = await manager.send('POST', url, { ...body, code: 'SPARE', active: true });
    expect(spare.status).toBe(201);
    expect((await manager.send('DELETE', `${url}/${spare.body.id}`, undefined)).status).toBe(204);
  });

  it('lower capacity: the latest booking beyond it is listed and, confirmed, cancelled; the kept ones move to the counted seats', async () => {
    const first = await book('11:00');
    const second = await book('11:00');
    const gone = await book('11:30');
    const kept = await book('11:30');
    // The first 11:30 booking is cancelled by its citizen: the kept one sits on seat 2.
    const cancel = await post(`${api.baseUrl}/api/appointments/manage/${gone.manageUrl.split('/').pop()}/cancel`, {});
    expect(cancel.status).toBe(200);
    const [seat] = (await db.sql.query(`SELECT s.seat_no FROM slot_seat s JOIN appointment a ON a.id = s.claim_id WHERE a.code = $1`, [kept.code])).rows;
    expect(seat.seat_no).toBe(2);

    const body = { ...(await serviceBody(office.serviceId)), capacity: 1 };
    const ask = await manager.send('PUT', `/api/admin/offices/${office.officeId}/services/${office.serviceId}`, body);
    expect(ask.status).toBe(409);
    expect(ask.body.affected.map((a: { code: string }) => a.code)).toEqual([second.code]);
    const done = await manager.send('PUT', `/api/admin/offices/${office.officeId}/services/${office.serviceId}`, { ...body, confirm: true });
    expect(done.status).toBe(200);
    expect(done.body.cancelled).toEqual([second.code]);
    expect([await status(first.code), await status(second.code), await status(kept.code)]).toEqual(['BOOKED:-', 'CANCELLED:OFFICE_CHANGE', 'BOOKED:-']);
    const times = await freeTimes(mondayDate);
    expect(times).not.toContain('11:00×1');
    expect(times.filter((t) => t.startsWith('11:30'))).toEqual([]);
    expect(times).toContain('12:00×1');
  });

  it('opening hours: bad intervals by index; shorter hours list the appointments left outside, then cancel them; new hours tell the waitlist; a service may have its own week', async () => {
    const url = `/api/admin/offices/${office.officeId}/opening-hours`;
    const bad = await manager.send('PUT', url, {
      intervals: [
        { weekday: 8, start: '08:30', end: '12:30' },
        { weekday: 1, start: '12:00', end: '11:00' },
        { weekday: 1, start: '09:00', end: '10:00' },
        { weekday: 1, start: '09:30', end: '10:30' },
        { weekday: 2, start: '9:00', end: '25:00' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['intervals[0].weekday', 'intervals[1].end', 'intervals[3].start', 'intervals[4].end', 'intervals[4].start']);

    const afternoon = await book('15:00');
    const shorter = [
      { weekday: 1, start: '08:30', end: '12:30' },
      { weekday: 3, start: '09:00', end: '11:00' },
    ];
    const ask = await manager.send('PUT', url, { intervals: shorter });
    expect(ask.status).toBe(409);
    expect(ask.body.affected).toEqual([
      expect.objectContaining({ kind: 'APPOINTMENT', code: afternoon.code, start: new Date(at(monday, '15:00')).toISOString() }),
    ]);
    expect((await manager.get(url)).body.office).toHaveLength(3);

    const done = await manager.send('PUT', url, { intervals: shorter, confirm: true });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ office: shorter, cancelled: [afternoon.code] });
    expect(await status(afternoon.code)).toBe('CANCELLED:OFFICE_CHANGE');
    expect((await freeTimes(mondayDate)).some((t) => t >= '14')).toBe(false);

    // Someone waits for CIE; Tuesday mornings are added.
    await db.sql.query(
      `INSERT INTO waitlist_entry (office_id, service_id, email, email_key, language, status, privacy_accepted_at, expires_at) VALUES ($1, $2, 'attesa@example.it', 'attesa@example.it', 'it', 'WAITING', now(), now() + interval '30 days')`,
      [office.officeId, office.serviceId],
    );
    const more = await manager.send('PUT', url, { intervals: [...shorter, { weekday: 2, start: '09:00', end: '12:00' }] });
    expect(more.status).toBe(200);
    expect(more.body.waitlistNotified).toBe(1);
    expect((await db.sql.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'WAITLIST'`)).rows[0].n).toBe(1);

    // A week of its own for SPID, then back to the office's.
    const own = await manager.send('PUT', url, { serviceId: office.otherServiceId, intervals: [{ weekday: 3, start: '09:00', end: '10:00' }] });
    expect(own.status).toBe(200);
    expect(own.body.services[office.otherServiceId]).toEqual([{ weekday: 3, start: '09:00', end: '10:00' }]);
    expect(await freeTimes(mondayDate, office.otherServiceId)).toEqual([]);
    await manager.send('PUT', url, { serviceId: office.otherServiceId, intervals: [] });
    expect((await manager.get(url)).body.services).toEqual({});
    expect((await freeTimes(mondayDate, office.otherServiceId)).length).toBeGreaterThan(0);

    const audit = await db.sql.query(`SELECT details FROM audit_entry WHERE entity = 'opening_hours' ORDER BY at`);
    expect(audit.rows[0].details).toMatchObject({ serviceId: null, cancelled: [afternoon.code], changes: { intervals: { to: shorter } } });
  });

  it('desks: fewer desks for a service with people waiting lists their tickets and, confirmed, leaves them queued', async () => {
    const url = `/api/admin/offices/${office.officeId}/desks`;
    const bad = await manager.send('POST', url, { number: 0, name: '', serviceIds: ['x'] });
    expect(fields(bad)).toEqual(['name', 'number', 'serviceIds[0]']);
    expect(fields(await manager.send('POST', url, { number: 1, name: 'Sportello 1', serviceIds: [other.serviceId] }))).toEqual(['serviceIds[0]']);
    expect(await count('desk')).toBe(0);

    const desk = await manager.send('POST', url, { number: 1, name: 'Sportello 1', active: true, serviceIds: [office.serviceId, office.otherServiceId] });
    expect(desk.status).toBe(201);
    expect((await services()).find((s) => s.id === office.serviceId)).toMatchObject({ desks: 1 });
    expect(fields(await manager.send('POST', url, { number: 1, name: 'Doppio', serviceIds: [] }))).toEqual(['number']);

    // (force: the fixture office may be closed when the suite runs.)
    const ticket = await operator.send('POST', `/api/offices/${office.officeId}/tickets`, { serviceId: office.otherServiceId, force: true });
    expect(ticket.status).toBe(201);
    const change = { number: 1, name: 'Sportello 1', active: true, serviceIds: [office.serviceId] };
    const ask = await manager.send('PUT', `${url}/${desk.body.id}`, change);
    expect(ask.status).toBe(409);
    expect(ask.body.affected).toEqual([expect.objectContaining({ kind: 'TICKET', code: ticket.body.number, serviceId: office.otherServiceId })]);
    expect((await manager.get(url)).body[0].serviceIds).toHaveLength(2);
    const done = await manager.send('PUT', `${url}/${desk.body.id}`, { ...change, confirm: true });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ serviceIds: [office.serviceId], ticketsLeft: [ticket.body.number] });
    expect((await operator.get(`/api/offices/${office.officeId}/queue`)).body.map((t: { id: string }) => t.id)).toContain(ticket.body.id);

    // A desk that never served anyone can go.
    const spare = await manager.send('POST', url, { number: 2, name: 'Sportello 2', active: true, serviceIds: [office.serviceId] });
    expect((await manager.send('DELETE', `${url}/${spare.body.id}`, undefined)).status).toBe(204);
    expect((await manager.get(url)).body.map((d: { number: number }) => d.number)).toEqual([1]);
  });

  it('staff accounts (admins): every wrong field at once; create, log in, deactivate (sessions end), reset the password; nobody demotes themselves; no password in the log', async () => {
    const url = '/api/admin/staff-users';
    const before = await count('staff_user');
    const bad = await admin.send('POST', url, { username: 'Nome Con Spazi', displayName: '', role: 'capo', password: 'corta', officeIds: ['nope'] });
    expect(fields(bad)).toEqual(['displayName', 'officeIds[0]', 'password', 'role', 'username']);
    expect(fields(await admin.send('POST', url, { username: 'op2', displayName: 'Op', role: 'operator', password: STAFF_PASSWORD, officeIds: [] }))).toEqual([
      'officeIds',
    ]);
    expect(
      fields(await admin.send('POST', url, { username: 'op2', displayName: 'Op', role: 'operator', password: STAFF_PASSWORD, officeIds: [UNKNOWN] })),
    ).toEqual(['officeIds[0]']);
    expect(await count('staff_user')).toBe(before);

    const created = await admin.send('POST', url, {
      username: 'Nuovo.Operatore',
      displayName: 'Nuovo Operatore',
      role: 'operator',
      password: STAFF_PASSWORD,
      officeIds: [office.officeId],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'nuovo.operatore', role: 'operator', active: true, locked: false, offices: [{ id: office.officeId }] });
    expect(
      fields(
        await admin.send('POST', url, {
          username: 'nuovo.operatore',
          displayName: 'X',
          role: 'operator',
          password: STAFF_PASSWORD,
          officeIds: [office.officeId],
        }),
      ),
    ).toEqual(['username']);
    const newcomer = await StaffClient.login(api.baseUrl, 'nuovo.operatore');
    expect((await newcomer.get('/api/auth/me')).status).toBe(200);

    const update = { displayName: 'Nuovo Operatore', role: 'operator', active: false, officeIds: [office.officeId] };
    expect((await admin.send('PUT', `${url}/${created.body.id}`, update)).body.active).toBe(false);
    expect((await newcomer.get('/api/auth/me')).status).toBe(401);
    expect((await new StaffClient(api.baseUrl).request('POST', '/api/auth/login', { username: 'nuovo.operatore', password: STAFF_PASSWORD })).status).toBe(401);

    expect((await admin.send('PUT', `${url}/${created.body.id}`, { ...update, active: true, role: 'manager' })).body).toMatchObject({
      active: true,
      role: 'manager',
    });
    const reset = await admin.send('POST', `${url}/${created.body.id}/password`, { password: NEW_PASSWORD });
    expect(reset.status).toBe(204);
    expect((await new StaffClient(api.baseUrl).request('POST', '/api/auth/login', { username: 'nuovo.operatore', password: STAFF_PASSWORD })).status).toBe(401);
    expect((await StaffClient.login(api.baseUrl, 'nuovo.operatore', NEW_PASSWORD)).xsrf).toBeTruthy();
    expect(fields(await admin.send('POST', `${url}/${created.body.id}/password`, { password: 'corta' }))).toEqual(['password']);

    const me = (await admin.get(url)).body.find((u: { username: string }) => u.username === 'amministratore');
    const self = await admin.send('PUT', `${url}/${me.id}`, { displayName: 'Io', role: 'manager', active: false, officeIds: [office.officeId] });
    expect(fields(self)).toEqual(['active', 'role']);

    const audit = await db.sql.query(`SELECT action, details FROM audit_entry WHERE entity = 'staff_user' ORDER BY at`);
    // (Logins, logouts, refused logins and lock-outs are about staff accounts too.)
    const changes = audit.rows.filter((r) => !['LOGIN', 'LOGOUT', 'LOGIN_FAILED', 'LOCKED_OUT'].includes(r.action));
    expect(changes.map((r) => r.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE', 'PASSWORD_RESET']);
    expect(changes[1].details.changes).toEqual({ active: { from: true, to: false } });
    expect(audit.rows.filter((r) => r.action === 'LOGIN_FAILED').map((r) => r.details)).toContainEqual({ reason: 'INACTIVE' });
    const text = JSON.stringify(audit.rows);
    for (const secret of [STAFF_PASSWORD, NEW_PASSWORD, '$argon2']) expect(text).not.toContain(secret);
  });

  it('audit log: agenda views (searches included, never their text) and check-ins are recorded; admins filter and page it; no codice fiscale or e-mail in any row', async () => {
    const soon = new Date(Date.now() + 10 * 60_000);
    const appointment = await insertAppointment(db.sql, office.officeId, office.serviceId, soon, 'CIE-BCDFGH');
    expect((await operator.get(`/api/offices/${office.officeId}/agenda`)).status).toBe(200);
    const search = await operator.get(`/api/offices/${office.officeId}/agenda?q=${appointment.fiscalCode}`);
    expect(search.body.map((a: { code: string }) => a.code)).toEqual(['CIE-BCDFGH']);
    expect((await operator.send('POST', '/api/appointments/CIE-BCDFGH/check-in', {})).status).toBe(201);

    const views = await admin.get('/api/audit?entity=agenda&action=VIEW');
    expect(views.status).toBe(200);
    // The view and the search right after it are one look at the day: one row.
    expect(views.body.total).toBe(1);
    expect(views.body.items[0]).toMatchObject({
      action: 'VIEW',
      entity: 'agenda',
      officeId: office.officeId,
      actor: { username: 'operatore', role: 'operator' },
      details: { search: true, views: 2, searches: 1, appointments: ['CIE-BCDFGH'] },
    });
    const checkIn = await admin.get('/api/audit?action=CHECK_IN');
    expect(checkIn.body.items).toEqual([
      expect.objectContaining({ entity: 'appointment', entityId: appointment.id, details: expect.objectContaining({ code: 'CIE-BCDFGH' }) }),
    ]);

    const everything = await db.sql.query('SELECT details::text AS d FROM audit_entry');
    const fiscalCodes = (await db.sql.query('SELECT DISTINCT fiscal_code FROM appointment')).rows.map((r) => r.fiscal_code as string);
    for (const row of everything.rows) {
      for (const cf of [...fiscalCodes, fiscalCode(9999)]) expect(row.d).not.toContain(cf);
      expect(row.d).not.toMatch(/@example\.it/);
    }

    const mine = await admin.get('/api/audit?actor=Responsabile');
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((i: { actor: { username: string } }) => i.actor.username === 'responsabile')).toBe(true);
    const all = await admin.get('/api/audit?pageSize=2');
    const page2 = await admin.get('/api/audit?pageSize=2&page=2');
    expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: all.body.total });
    expect(page2.body.items).toHaveLength(2);
    expect(page2.body.items[0].id).not.toBe(all.body.items[0].id);
    const today = DateTime.now().setZone(ZONE).toISODate();
    expect((await admin.get(`/api/audit?from=${today}&to=${today}`)).body.total).toBe(all.body.total);
    expect((await admin.get('/api/audit?to=2020-01-01')).body.total).toBe(0);
    const bad = await admin.get('/api/audit?action=NOPE&pageSize=0&from=2026-02-30');
    expect(fields(bad)).toEqual(['action', 'from', 'pageSize']);
  });
});
