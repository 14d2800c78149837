import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { at, bookingBody, nextWeekday, post } from './support/booking';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { getJson } from './support/http';
import { captureLogs, eventually, ReceivedMail, TestSmtpServer } from './support/smtp';
import { insertStaff, StaffClient } from './support/staff';

function icsOf(mail: ParsedMail) {
  const attachment = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!attachment) return null;
  const component = new ICAL.Component(ICAL.parse(attachment.content.toString('utf8')));
  const vevent = component.getFirstSubcomponent('vevent') as ICAL.Component;
  return { component, vevent, event: new ICAL.Event(vevent), filename: attachment.filename };
}

const ofCode = (code: string, kind: string) => (mails: ReceivedMail[]) =>
  mails.filter((m) => m.parsed.subject?.startsWith(kind) && m.parsed.subject.includes(code));

describe('e-mail notifications (real SMTP server, real PostgreSQL)', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let logs: () => string;
  let smtp: TestSmtpServer;
  let office: OfficeFixture;
  let n = 5000;
  const monday = nextWeekday(1);
  const wednesday = nextWeekday(3);

  /** The message's manage link: its own token, opening the booking with this code. */
  async function expectManageLinkFor(text: string, code: string, answerUrl: string): Promise<void> {
    const link = /https:\/\/prenota\.example\.it\/gestisci\/([A-Za-z0-9_-]{43})/.exec(text);
    expect(link).not.toBeNull();
    expect(link?.[0]).not.toBe(answerUrl);
    const opened = await getJson(`${api.baseUrl}/api/appointments/manage/${link?.[1]}`);
    expect(opened).toMatchObject({ status: 200, body: { code } });
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    smtp = await TestSmtpServer.start();
    api = await startApi(db.url, {
      SMTP_URL: smtp.url,
      MAIL_POLL_SECONDS: '1',
      THROTTLE_LIMIT: '100000',
      PUBLIC_URL: 'https://prenota.example.it',
      MAIL_FROM: 'URP Calderara <urp@comune.example.it>',
    });
    logs = captureLogs(api);
  });

  afterAll(async () => {
    await api?.stop();
    await smtp?.close();
    await db?.drop();
  });

  const book = async (start: string, language: 'it' | 'en' = 'it') => {
    const answer = await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, start, n++, { language }));
    expect(answer.status).toBe(201);
    const { rows } = await db.sql.query<{ id: string; email: string }>('SELECT id, email FROM appointment WHERE code = $1', [answer.body.code]);
    return { ...answer.body, id: rows[0].id, email: rows[0].email, token: (answer.body.manageUrl as string).split('/').pop() as string };
  };
  const outbox = async (appointmentId: string) =>
    (
      await db.sql.query(
        `SELECT kind, dedupe_key, status, due_at, attempts, last_error FROM notification WHERE appointment_id = $1 ORDER BY created_at, kind`,
        [appointmentId],
      )
    ).rows;

  it('booking: the confirmation arrives exactly once, with local time and zone, QR, manage link and a valid .ics', async () => {
    const start = at(monday, '08:30');
    const booked = await book(start);
    const [mail] = await smtp.waitFor((m) => ofCode(booked.code, 'Prenotazione confermata')(m).length >= 1, 20_000, 'the confirmation');
    expect(mail).toBeDefined();
    const confirmation = ofCode(booked.code, 'Prenotazione confermata')(smtp.received)[0];
    expect(confirmation.to).toBe(booked.email);
    const parsed = confirmation.parsed;
    expect(parsed.from?.value[0]).toMatchObject({ name: 'URP Calderara', address: 'urp@comune.example.it' });
    expect(parsed.text).toContain(monday.setLocale('it').toFormat('cccc d LLLL yyyy, 08:30'));
    expect(parsed.text).toMatch(/08:30 \(ora italiana, CES?T\)/);
    // The e-mail carries its own manage token (no plain token is stored to put in it),
    // different from the booking answer's, and it opens the same booking.
    await expectManageLinkFor(parsed.text ?? '', booked.code, booked.manageUrl);
    expect(parsed.text).toContain('Foto');
    expect(parsed.html).toContain('<html lang="it">');

    const qr = parsed.attachments.find((a) => a.contentType === 'image/png');
    expect(qr?.cid).toBeTruthy();
    expect(parsed.html).toContain(`src="cid:${qr?.cid}"`);
    expect(parsed.html).toContain(`alt="Codice QR della prenotazione ${booked.code}"`);
    expect(qr?.content.subarray(1, 4).toString()).toBe('PNG');

    const ics = icsOf(parsed);
    expect(ics).not.toBeNull();
    expect(ics?.event.startDate.toJSDate().toISOString()).toBe(new Date(start).toISOString());
    expect(ics?.event.uid).toBe(`${booked.id}@sportello`);
    expect(ics?.event.sequence).toBe(0);
    expect(ics?.vevent.getFirstSubcomponent('valarm')).toBeTruthy();

    const rows = await eventually(
      () => outbox(booked.id),
      (r) => r.some((x) => x.kind === 'CONFIRMATION' && x.status === 'SENT'),
      10_000,
      'the row marked sent',
    );
    expect(rows).toEqual([
      expect.objectContaining({ kind: 'CONFIRMATION', dedupe_key: `CONFIRMATION:${booked.id}`, status: 'SENT', attempts: 1 }),
      expect.objectContaining({
        kind: 'REMINDER',
        dedupe_key: `REMINDER:${booked.id}:0`,
        status: 'PENDING',
        due_at: new Date(new Date(start).getTime() - 24 * 3_600_000),
      }),
    ]);
    expect(ofCode(booked.code, 'Prenotazione confermata')(smtp.received)).toHaveLength(1);
  });

  it('reschedule: the RESCHEDULE mail carries the same UID with SEQUENCE 1; the old reminder is skipped', async () => {
    const booked = await book(at(monday, '09:00'), 'en');
    await smtp.waitFor((m) => ofCode(booked.code, 'Booking confirmed')(m).length >= 1, 20_000, 'the confirmation');
    const newStart = at(wednesday, '09:30');
    const moved = await post(`${api.baseUrl}/api/appointments/manage/${booked.token}/reschedule`, { start: newStart });
    expect(moved.status).toBe(200);
    const mails = await smtp.waitFor((m) => ofCode(booked.code, 'Appointment moved')(m).length >= 1, 20_000, 'the reschedule notice');
    const parsed = ofCode(booked.code, 'Appointment moved')(mails)[0].parsed;
    expect(parsed.html).toContain('<html lang="en">');
    expect(parsed.text).toMatch(/09:30 \(Italian time, CES?T\)/);
    const ics = icsOf(parsed);
    expect(ics?.event.uid).toBe(`${booked.id}@sportello`);
    expect(ics?.event.sequence).toBe(1);
    expect(ics?.event.startDate.toJSDate().toISOString()).toBe(new Date(newStart).toISOString());

    const rows = await outbox(booked.id);
    expect(rows.map((r) => [r.dedupe_key.replace(booked.id, 'ID'), r.status])).toEqual(
      expect.arrayContaining([
        ['CONFIRMATION:ID', 'SENT'],
        ['REMINDER:ID:0', 'SKIPPED'],
        ['RESCHEDULE:ID:1', expect.stringMatching(/PENDING|SENT/)],
        ['REMINDER:ID:1', 'PENDING'],
      ]),
    );
    const reminder = rows.find((r) => r.dedupe_key === `REMINDER:${booked.id}:1`);
    expect(reminder?.due_at).toEqual(new Date(new Date(newStart).getTime() - 24 * 3_600_000));
  });

  it('cancel: the cancellation arrives (with a CANCEL .ics); the pending reminder is skipped and never sent', async () => {
    const booked = await book(at(monday, '10:00'));
    await smtp.waitFor((m) => ofCode(booked.code, 'Prenotazione confermata')(m).length >= 1, 20_000, 'the confirmation');
    const cancelled = await post(`${api.baseUrl}/api/appointments/manage/${booked.token}/cancel`, {});
    expect(cancelled.status).toBe(200);
    const mails = await smtp.waitFor((m) => ofCode(booked.code, 'Prenotazione annullata')(m).length >= 1, 20_000, 'the cancellation');
    const parsed = ofCode(booked.code, 'Prenotazione annullata')(mails)[0].parsed;
    expect(parsed.text).not.toContain(booked.token);
    expect(icsOf(parsed)?.component.getFirstPropertyValue('method')).toBe('CANCEL');

    // Even when its time comes, the skipped reminder stays skipped.
    await db.sql.query(`UPDATE notification SET due_at = now() - interval '1 minute' WHERE appointment_id = $1 AND kind = 'REMINDER'`, [booked.id]);
    const rows = await outbox(booked.id);
    expect(rows.find((r) => r.kind === 'REMINDER')).toMatchObject({ status: 'SKIPPED' });
  });

  it('a due reminder is sent at its time; one whose appointment was cancelled meanwhile is not', async () => {
    const kept = await book(at(monday, '10:30'));
    const gone = await book(at(monday, '11:00'));
    await smtp.waitFor(
      (m) => ofCode(kept.code, 'Prenotazione confermata')(m).length + ofCode(gone.code, 'Prenotazione confermata')(m).length >= 2,
      20_000,
      'both confirmations',
    );
    // Cancelled behind the outbox's back (as a future staff action might): the worker re-checks before sending.
    await db.sql.query(`UPDATE appointment SET status = 'CANCELLED' WHERE id = $1`, [gone.id]);
    // Time passes: both reminders are due.
    await db.sql.query(`UPDATE notification SET due_at = now() - interval '1 second' WHERE appointment_id = ANY($1::uuid[]) AND kind = 'REMINDER'`, [
      [kept.id, gone.id],
    ]);
    await smtp.waitFor((m) => ofCode(kept.code, 'Promemoria')(m).length >= 1, 20_000, 'the reminder');
    const goneRows = await eventually(
      () => outbox(gone.id),
      (r) => r.find((x) => x.kind === 'REMINDER')?.status !== 'PENDING',
      10_000,
      'the reminder skipped',
    );
    expect(goneRows.find((r) => r.kind === 'REMINDER')).toMatchObject({ status: 'SKIPPED', last_error: 'appointment cancelled' });
    expect(ofCode(gone.code, 'Promemoria')(smtp.received)).toHaveLength(0);
    const reminder = ofCode(kept.code, 'Promemoria')(smtp.received)[0].parsed;
    await expectManageLinkFor(reminder.text ?? '', kept.code, kept.manageUrl);
    expect(reminder.text).toMatch(/10:30 \(ora italiana, CES?T\)/);
  });

  it('GET /api/notifications lists recent notifications without personal data (to a manager)', async () => {
    await insertStaff(db.sql, 'responsabile', 'manager', [office.officeId]);
    const manager = await StaffClient.login(api.baseUrl, 'responsabile');
    const { status, body } = await manager.get('/api/notifications?limit=100');
    expect(status).toBe(200);
    expect(body.length).toBeGreaterThan(5);
    expect(Object.keys(body[0]).sort()).toEqual(['attempts', 'bookingCode', 'channel', 'createdAt', 'dueAt', 'id', 'kind', 'lastError', 'sentAt', 'status']);
    // No IO configured here: e-mail only.
    expect(body.every((r: { channel: string }) => r.channel === 'EMAIL')).toBe(true);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/@example\.it|Maria|D'Amico|gestisci/);
    const sent = await manager.get('/api/notifications?status=SENT&limit=2');
    expect(sent.body).toHaveLength(2);
    expect(sent.body.every((r: { status: string; sentAt: string | null }) => r.status === 'SENT' && r.sentAt)).toBe(true);
    const bad = await manager.get('/api/notifications?status=LOST&limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['status', 'limit']);
  });

  it('logs no e-mail addresses, names or manage tokens', () => {
    expect(logs()).toContain('[Booking]');
    expect(logs()).not.toMatch(/@example\.it|Maria|D'Amico|gestisci\//);
  });
});
