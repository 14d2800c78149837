import { DateTime } from 'luxon';
import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { at, bookingBody, countBy, nextWeekday, post } from './support/booking';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { getJson } from './support/http';
import { captureLogs, eventually, ReceivedMail, TestSmtpServer } from './support/smtp';

// Reconfirmation of attendance against a real SMTP server and a real PostgreSQL. Time is
// never slept through: "the reminder is due" and "the reminder asked long ago" are SQL
// fixtures; the release job and the worker poll every second.

const ofCode = (code: string, kind: string) => (mails: ReceivedMail[]) =>
  mails.filter((m) => m.parsed.subject?.startsWith(kind) && m.parsed.subject.includes(code));
const CONFIRM_LINK = /https:\/\/prenota\.example\.it\/gestisci\/([A-Za-z0-9_-]{43})\/conferma/;

interface Booked {
  code: string;
  id: string;
  token: string;
  start: string;
}

async function bookAt(api: RunningApi, db: TestDatabase, office: OfficeFixture, start: string, n: number): Promise<Booked> {
  const answer = await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, start, n));
  expect(answer.status).toBe(201);
  const { rows } = await db.sql.query<{ id: string }>('SELECT id FROM appointment WHERE code = $1', [answer.body.code]);
  return { code: answer.body.code, id: rows[0].id, token: (answer.body.manageUrl as string).split('/').pop() as string, start };
}

const attendanceRow = async (db: TestDatabase, id: string) =>
  (await db.sql.query(`SELECT status, cancel_reason, confirmed_at, reconfirm_requested_at FROM appointment WHERE id = $1`, [id])).rows[0];

describe('reconfirmation: the reminder asks, one click confirms', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let smtp: TestSmtpServer;
  let asking: OfficeFixture;
  let plain: OfficeFixture;
  let n = 9000;

  beforeAll(async () => {
    db = await createTestDatabase();
    asking = await insertOffice(db.sql, 'ASKS');
    plain = await insertOffice(db.sql, 'PLAIN');
    await db.sql.query('UPDATE office_settings SET reconfirm_required = true WHERE office_id = $1', [asking.officeId]);
    smtp = await TestSmtpServer.start();
    // Defaults: REMINDER_HOURS_BEFORE 24, RECONFIRM_DEADLINE_HOURS 12.
    api = await startApi(db.url, { SMTP_URL: smtp.url, MAIL_POLL_SECONDS: '1', THROTTLE_LIMIT: '100000', PUBLIC_URL: 'https://prenota.example.it' });
  });

  afterAll(async () => {
    await api?.stop();
    await smtp?.close();
    await db?.drop();
  });

  it('where the office asks, the reminder carries a confirm link; the confirmation is recorded, idempotent, and shown on the manage page', async () => {
    const monday = nextWeekday(1);
    const a = await bookAt(api, db, asking, at(monday, '08:30'), n++);
    const b = await bookAt(api, db, plain, at(monday, '08:30'), n++);

    const before = await getJson(`${api.baseUrl}/api/appointments/manage/${a.token}`);
    expect(before.body.attendance).toEqual({
      status: 'PENDING',
      confirmBy: new Date(new Date(a.start).getTime() - 12 * 3_600_000).toISOString(),
      confirmedAt: null,
    });
    expect((await getJson(`${api.baseUrl}/api/appointments/manage/${b.token}`)).body.attendance).toEqual({
      status: 'NOT_REQUIRED',
      confirmBy: null,
      confirmedAt: null,
    });

    // The reminders' time comes.
    await db.sql.query(`UPDATE notification SET due_at = now() WHERE kind = 'REMINDER' AND appointment_id = ANY($1::uuid[])`, [[a.id, b.id]]);
    await smtp.waitFor((m) => ofCode(a.code, 'Promemoria')(m).length + ofCode(b.code, 'Promemoria')(m).length >= 2, 20_000, 'both reminders');
    const reminderA = ofCode(a.code, 'Promemoria')(smtp.received)[0].parsed;
    const reminderB = ofCode(b.code, 'Promemoria')(smtp.received)[0].parsed;
    expect(reminderA.text).toContain('CONFERMA LA TUA PRESENZA');
    const deadline = DateTime.fromISO(a.start).minus({ hours: 12 }).setZone('Europe/Rome').setLocale('it');
    expect(reminderA.text).toContain(`entro ${deadline.toFormat('cccc d LLLL yyyy, HH:mm')} (ora italiana, ${deadline.offset === 120 ? 'CEST' : 'CET'})`);
    expect(reminderB.text).not.toContain('/conferma');
    expect(reminderB.text).not.toContain('CONFERMA LA TUA PRESENZA');

    // Only the question actually sent makes the appointment releasable.
    const asked = await eventually(
      () => attendanceRow(db, a.id),
      (r) => r.reconfirm_requested_at !== null,
      10_000,
      'the question recorded',
    );
    expect(asked.confirmed_at).toBeNull();
    await eventually(
      () => db.sql.query(`SELECT status FROM notification WHERE appointment_id = $1 AND kind = 'REMINDER'`, [b.id]),
      (r) => r.rows[0].status === 'SENT',
      10_000,
      'B sent',
    );
    expect((await attendanceRow(db, b.id)).reconfirm_requested_at).toBeNull();

    // One click: the link opens a page that POSTs; here the POST itself, with the e-mail's own token.
    const token = CONFIRM_LINK.exec(reminderA.text ?? '')?.[1] as string;
    expect(token).toBeDefined();
    expect(token).not.toBe(a.token);
    // A GET of the link (a mail scanner's prefetch) confirms nothing.
    await getJson(`${api.baseUrl}/api/appointments/manage/${token}`);
    expect((await attendanceRow(db, a.id)).confirmed_at).toBeNull();
    const confirmed = await post(`${api.baseUrl}/api/appointments/manage/${token}/confirm`, {});
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      code: a.code,
      status: 'BOOKED',
      attendance: { status: 'CONFIRMED', confirmBy: null, confirmedAt: expect.any(String) },
    });
    const again = await post(`${api.baseUrl}/api/appointments/manage/${a.token}/confirm`, {});
    expect(again.status).toBe(200);
    expect(again.body.attendance.confirmedAt).toBe(confirmed.body.attendance.confirmedAt);
    expect((await getJson(`${api.baseUrl}/api/appointments/manage/${a.token}`)).body.attendance.status).toBe('CONFIRMED');

    const unknown = await post(`${api.baseUrl}/api/appointments/manage/${'x'.repeat(43)}/confirm`, {});
    expect(unknown).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  it('moving to a later time starts over: the new reminder asks again', async () => {
    const a = await bookAt(api, db, asking, at(nextWeekday(3), '09:00'), n++);
    await post(`${api.baseUrl}/api/appointments/manage/${a.token}/confirm`, {});
    await db.sql.query(`UPDATE appointment SET reconfirm_requested_at = now() WHERE id = $1`, [a.id]);
    const moved = await post(`${api.baseUrl}/api/appointments/manage/${a.token}/reschedule`, { start: at(nextWeekday(3, 10), '09:30') });
    expect(moved.status).toBe(200);
    expect(moved.body.attendance.status).toBe('PENDING');
    expect(await attendanceRow(db, a.id)).toMatchObject({ confirmed_at: null, reconfirm_requested_at: null });
  });
});

describe('reconfirmation: unconfirmed appointments are released at the deadline (two api instances)', () => {
  let db: TestDatabase;
  let apis: RunningApi[] = [];
  let smtp: TestSmtpServer;
  let asking: OfficeFixture;
  let plain: OfficeFixture;
  let n = 9500;

  beforeAll(async () => {
    db = await createTestDatabase();
    asking = await insertOffice(db.sql, 'ASKS');
    plain = await insertOffice(db.sql, 'PLAIN');
    await db.sql.query('UPDATE office_settings SET reconfirm_required = true WHERE office_id = $1', [asking.officeId]);
    smtp = await TestSmtpServer.start();
    // A deadline 700 h before the start: every appointment of the next weeks is past it,
    // so no clock has to be moved. (Booking inside the 720 h reminder window counts as
    // confirmation; the fixtures below undo that to play "asked and never answered".)
    const env = {
      SMTP_URL: smtp.url,
      MAIL_POLL_SECONDS: '1',
      THROTTLE_LIMIT: '100000',
      PUBLIC_URL: 'https://prenota.example.it',
      REMINDER_HOURS_BEFORE: '720',
      RECONFIRM_DEADLINE_HOURS: '700',
    };
    apis = await Promise.all([startApi(db.url, env), startApi(db.url, env)]);
  });

  afterAll(async () => {
    await Promise.all(apis.map((a) => a.stop()));
    await smtp?.close();
    await db?.drop();
  });

  it('asked and unconfirmed → released once: status, seat free again, one RELEASED e-mail, the waitlist told; confirmed ones stay', async () => {
    const [api, other] = apis;
    const logs = apis.map((a) => captureLogs(a));
    const monday = nextWeekday(1);
    const released = await bookAt(api, db, asking, at(monday, '08:30'), n++);
    const confirmed = await bookAt(other, db, asking, at(monday, '09:00'), n++);
    const elsewhere = await bookAt(api, db, plain, at(monday, '08:30'), n++);

    // Booked inside the reminder window: booking counts as confirmation.
    expect((await getJson(`${api.baseUrl}/api/appointments/manage/${released.token}`)).body.attendance.status).toBe('CONFIRMED');

    // `confirmed` answers the question with one click (after its booking-time confirmation is undone).
    await db.sql.query('UPDATE appointment SET confirmed_at = NULL WHERE id = $1', [confirmed.id]);
    expect((await post(`${api.baseUrl}/api/appointments/manage/${confirmed.token}/confirm`, {})).status).toBe(200);

    // Someone waits for the service.
    await db.sql.query(
      `INSERT INTO waitlist_entry (office_id, service_id, email, email_key, language, privacy_accepted_at, expires_at) VALUES ($1, $2, 'attesa@example.it', 'attesa@example.it', 'it', now(), now() + interval '30 days')`,
      [asking.officeId, asking.serviceId],
    );

    // The fixture: all three were asked a day ago; `released` and `elsewhere` never answered.
    // (`elsewhere` is at an office that does not ask: never released.)
    await db.sql.query(
      `UPDATE appointment SET reconfirm_requested_at = now() - interval '1 day',
              confirmed_at = CASE WHEN id = $2 THEN confirmed_at END
        WHERE id = ANY($1::uuid[])`,
      [[released.id, confirmed.id, elsewhere.id], confirmed.id],
    );

    await smtp.waitFor((m) => ofCode(released.code, 'Appuntamento annullato per mancata conferma')(m).length >= 1, 20_000, 'the RELEASED e-mail');
    const mail = ofCode(released.code, 'Appuntamento annullato per mancata conferma')(smtp.received)[0].parsed;
    expect(mail.text).toContain('la presenza non è stata confermata in tempo');
    expect(mail.text).toMatch(/08:30 \(ora italiana, CES?T\)/);
    expect(mail.text).toContain('https://prenota.example.it/prenota/CIE');
    expect(mail.text).not.toContain('/gestisci/');
    expect(mail.attachments.find((x) => x.contentType.startsWith('text/calendar'))?.content.toString()).toContain('METHOD:CANCEL');

    expect(await attendanceRow(db, released.id)).toMatchObject({ status: 'CANCELLED', cancel_reason: 'RELEASED' });
    expect(await attendanceRow(db, confirmed.id)).toMatchObject({ status: 'BOOKED', cancel_reason: null });
    expect(await attendanceRow(db, elsewhere.id)).toMatchObject({ status: 'BOOKED', cancel_reason: null });

    // The seat is free again: capacity 2, and the 08:30 slot has both places.
    const date = monday.toISODate();
    const availability = await getJson(`${api.baseUrl}/api/availability?officeId=${asking.officeId}&serviceId=${asking.serviceId}&from=${date}&to=${date}`);
    const slot = availability.body.days[0].slots.find((s: { start: string }) => s.start === released.start);
    expect(slot.remaining).toBe(2);
    expect((await db.sql.query(`SELECT count(*)::int AS n FROM slot_seat WHERE claim_id = $1`, [released.id])).rows[0].n).toBe(0);

    // The manage link of a released booking is like any cancelled one's.
    expect((await getJson(`${api.baseUrl}/api/appointments/manage/${released.token}`)).status).toBe(404);
    expect((await post(`${api.baseUrl}/api/appointments/manage/${released.token}/confirm`, {})).status).toBe(404);

    // In the same transaction, the waitlist was told.
    await smtp.waitFor((m) => m.some((x) => x.to === 'attesa@example.it'), 20_000, 'the waitlist notice');

    // Stop both instances (they finish what they are sending), then count.
    await eventually(
      () => db.sql.query(`SELECT kind, status FROM notification WHERE appointment_id = $1 AND kind = 'RELEASED'`, [released.id]),
      (r) => r.rows[0]?.status === 'SENT',
      10_000,
      'the RELEASED row sent',
    );
    await Promise.all(apis.map((a) => a.stop()));
    expect(ofCode(released.code, 'Appuntamento annullato')(smtp.received)).toHaveLength(1);
    expect(smtp.received.filter((m) => m.to === 'attesa@example.it')).toHaveLength(1);
    const kinds = (await db.sql.query(`SELECT kind, status FROM notification WHERE appointment_id = $1 ORDER BY kind`, [released.id])).rows;
    const counted = countBy(kinds, (k) => `${k.kind}:${k.status}`);
    expect(counted['RELEASED:SENT']).toBe(1);
    // The late booking's reminder was never due; a confirmation not yet sent was dropped by the release.
    expect(counted['REMINDER:SENT']).toBeUndefined();
    const output = logs.map((l) => l()).join('');
    expect(output).toContain(`released ${released.code}: attendance not confirmed by the deadline`);
    expect(output).not.toMatch(/@example\.it|Maria|D'Amico/);
  });
});
