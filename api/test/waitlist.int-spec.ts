import { DateTime } from 'luxon';
import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { bookingBody, post } from './support/booking';
import { getJson } from './support/http';
import { captureLogs, eventually, TestSmtpServer } from './support/smtp';

// The waitlist against a real SMTP server and a real PostgreSQL: a small service whose
// few places are all booked, people who wait, and a cancellation that frees one place.

interface SmallOffice {
  officeId: string;
  serviceId: string;
}

/**
 * Monday 08:30–09:30 only, a 30-minute service of capacity 1, a 14-day horizon, no notice: a
 * handful of places. No cancel cut-off: the first Monday may be tomorrow morning, and the
 * suite cancels and moves its bookings whatever the day it runs.
 */
async function insertSmallOffice(db: TestDatabase): Promise<SmallOffice> {
  const office = await db.sql.query<{ id: string }>(
    `INSERT INTO office (code, name, address, city, time_zone) VALUES ('WAIT', 'Ufficio piccolo', 'Via Roma 1', 'Calderara di Reno', 'Europe/Rome') RETURNING id`,
  );
  const officeId = office.rows[0].id;
  await db.sql.query(`INSERT INTO office_settings (office_id, booking_horizon_days, min_notice_minutes, cancel_cutoff_hours) VALUES ($1, 14, 0, 0)`, [
    officeId,
  ]);
  const service = await db.sql.query<{ id: string }>(
    `INSERT INTO service (office_id, code, name_it, name_en, duration_minutes, capacity, sort_order)
     VALUES ($1, 'CIE', 'Carta d''identità', 'Identity card', 30, 1, 1) RETURNING id`,
    [officeId],
  );
  await db.sql.query(`INSERT INTO opening_hours (office_id, weekday, start_time, end_time) VALUES ($1, 1, '08:30', '09:30')`, [officeId]);
  return { officeId, serviceId: service.rows[0].id };
}

describe('waitlist (real SMTP server, real PostgreSQL)', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let smtp: TestSmtpServer;
  let office: SmallOffice;
  let logs: () => string;
  let n = 11_000;
  const booked: Array<{ start: string; token: string }> = [];
  const waiting = ['primo@example.it', 'secondo@example.it', 'terzo@example.it', 'quarto@example.it'];

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertSmallOffice(db);
    smtp = await TestSmtpServer.start();
    api = await startApi(db.url, { SMTP_URL: smtp.url, MAIL_POLL_SECONDS: '1', THROTTLE_LIMIT: '100000', PUBLIC_URL: 'https://prenota.example.it' });
    logs = captureLogs(api);
  });

  afterAll(async () => {
    await api?.stop();
    await smtp?.close();
    await db?.drop();
  });

  const join = (email: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    post(
      `${api.baseUrl}/api/waitlist`,
      { officeId: office.officeId, serviceId: office.serviceId, email, language: 'it', privacyAccepted: true, ...extra },
      headers,
    );
  const freeSlots = async () => {
    const from = DateTime.now().setZone('Europe/Rome').toISODate();
    const to = DateTime.now().setZone('Europe/Rome').plus({ days: 20 }).toISODate();
    const { body } = await getJson(`${api.baseUrl}/api/availability?officeId=${office.officeId}&serviceId=${office.serviceId}&from=${from}&to=${to}`);
    return (body.days as Array<{ slots: Array<{ start: string }> }>).flatMap((d) => d.slots.map((s) => s.start));
  };
  const entries = async () => (await db.sql.query(`SELECT email, status, language, notified_at FROM waitlist_entry ORDER BY created_at, id`)).rows;

  it('refuses with 409 SLOTS_AVAILABLE while the service has free places; field-level 400s; 404 for an unknown service', async () => {
    const refused = await join('primo@example.it');
    expect(refused).toMatchObject({
      status: 409,
      body: { statusCode: 409, code: 'SLOTS_AVAILABLE', message: expect.stringContaining('Ci sono ancora orari liberi') },
    });
    const english = await join('primo@example.it', {}, { 'accept-language': 'en' });
    expect(english.body.message).toContain('This service still has free times');

    const bad = await post(`${api.baseUrl}/api/waitlist`, { officeId: 'nope', email: 'not-an-address', language: 'fr' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['officeId', 'serviceId', 'email', 'language', 'privacyAccepted']);
    expect(bad.body.errors.find((e: { field: string }) => e.field === 'privacyAccepted').message).toContain("lista d'attesa");

    const unknown = await join('primo@example.it', { serviceId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', errors: [{ field: 'serviceId' }] } });
    expect(await entries()).toEqual([]);
  });

  it('once every place is taken: people join in order; the same address again keeps its place', async () => {
    const starts = await freeSlots();
    expect(starts.length).toBeGreaterThan(0);
    for (const start of starts) {
      const answer = await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, start, n++));
      expect(answer.status).toBe(201);
      booked.push({ start, token: (answer.body.manageUrl as string).split('/').pop() as string });
    }
    expect(await freeSlots()).toEqual([]);

    for (const email of waiting) {
      const answer = await join(email);
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({ officeId: office.officeId, serviceId: office.serviceId, expiresAt: expect.any(String) });
      const days = (new Date(answer.body.expiresAt).getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(13.9);
      expect(days).toBeLessThanOrEqual(14);
    }
    // Again, in other letters and another language: one entry, still first.
    const again = await join('  PRIMO@example.IT ', { language: 'en' });
    expect(again.status).toBe(201);
    const rows = await entries();
    expect(rows.map((r) => [r.email, r.status])).toEqual(waiting.map((email) => [email, 'WAITING']));
    expect(rows[0].language).toBe('en');
  });

  it('a cancellation frees one place: the first two waiting (places + 1) get exactly one e-mail each, in the same transaction', async () => {
    const freed = booked.pop() as { start: string; token: string };
    const cancelled = await post(`${api.baseUrl}/api/appointments/manage/${freed.token}/cancel`, {});
    expect(cancelled.status).toBe(200);
    // Committed with the cancellation: the entries are marked and the messages queued.
    const rows = await entries();
    expect(rows.map((r) => [r.email, r.status])).toEqual([
      ['primo@example.it', 'NOTIFIED'],
      ['secondo@example.it', 'NOTIFIED'],
      ['terzo@example.it', 'WAITING'],
      ['quarto@example.it', 'WAITING'],
    ]);
    const queued = (await db.sql.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'WAITLIST'`)).rows[0].n;
    expect(queued).toBe(2);

    const mails = await smtp.waitFor(
      (m) => m.filter((x) => x.parsed.subject?.startsWith('Si è liberato') || x.parsed.subject?.startsWith('A place is free')).length >= 2,
      20_000,
      'two waitlist notices',
    );
    const notices = mails.filter((x) => x.parsed.subject?.includes('liberato') || x.parsed.subject?.includes('place is free'));
    expect(notices.map((m) => m.to).sort()).toEqual(['primo@example.it', 'secondo@example.it']);
    const first = notices.find((m) => m.to === 'primo@example.it')?.parsed;
    // primo asked for English the second time.
    expect(first?.subject).toBe('A place is free – Identity card');
    expect(first?.text).toContain('Book now: https://prenota.example.it/prenota/CIE');
    expect(first?.html).toContain('<html lang="en">');
    const second = notices.find((m) => m.to === 'secondo@example.it')?.parsed;
    expect(second?.subject).toBe("Si è liberato un posto – Carta d'identità");
    expect(second?.text).toContain('Prenota ora: https://prenota.example.it/prenota/CIE');
    expect(second?.text).toMatch(/lista-attesa\/annulla\/[A-Za-z0-9_-]{43}/);

    await eventually(
      () => db.sql.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'WAITLIST' AND status = 'SENT'`),
      (r) => r.rows[0].n === 2,
      10_000,
      'both sent',
    );
    // First to book wins: one place, two people told.
    const winner = await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, freed.start, n++));
    const late = await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, freed.start, n++));
    expect([winner.status, late.status]).toEqual([201, 409]);
    expect(smtp.received.filter((m) => m.to.endsWith('@example.it') && waiting.includes(m.to))).toHaveLength(2);
  });

  it('the notice’s unsubscribe link removes the address; idempotent, one answer for every token', async () => {
    const notice = smtp.received.find((m) => m.to === 'secondo@example.it')?.parsed;
    const token = /lista-attesa\/annulla\/([A-Za-z0-9_-]{43})/.exec(notice?.text ?? '')?.[1] as string;
    const first = await post(`${api.baseUrl}/api/waitlist/${token}/unsubscribe`, {});
    expect(first).toMatchObject({ status: 200, body: { status: 'UNSUBSCRIBED' } });
    expect((await entries()).map((r) => r.email)).toEqual(['primo@example.it', 'terzo@example.it', 'quarto@example.it']);
    expect((await post(`${api.baseUrl}/api/waitlist/${token}/unsubscribe`, {})).body).toEqual({ status: 'UNSUBSCRIBED' });
    expect((await post(`${api.baseUrl}/api/waitlist/not-a-token/unsubscribe`, {})).body).toEqual({ status: 'UNSUBSCRIBED' });
    // Only its hash was stored.
    const stored = await db.sql.query(`SELECT count(*)::int AS n FROM waitlist_entry WHERE unsubscribe_token_hash = $1`, [Buffer.from(token)]);
    expect(stored.rows[0].n).toBe(0);
  });

  it('someone already told may join again, at the end of the queue', async () => {
    const answer = await join('primo@example.it');
    expect(answer.status).toBe(201);
    expect((await entries()).map((r) => [r.email, r.status])).toEqual([
      ['terzo@example.it', 'WAITING'],
      ['quarto@example.it', 'WAITING'],
      ['primo@example.it', 'WAITING'],
    ]);
  });

  it('moving a booking away frees its old place: the next two waiting are told', async () => {
    // Staff open a new half hour on Mondays; a citizen moves there from a full slot.
    await db.sql.query(`INSERT INTO opening_hours (office_id, weekday, start_time, end_time) VALUES ($1, 1, '09:30', '10:00')`, [office.officeId]);
    const target = (await freeSlots())[0];
    const moving = booked[0];
    const moved = await post(`${api.baseUrl}/api/appointments/manage/${moving.token}/reschedule`, { start: target });
    expect(moved.status).toBe(200);
    expect((await entries()).map((r) => [r.email, r.status])).toEqual([
      ['terzo@example.it', 'NOTIFIED'],
      ['quarto@example.it', 'NOTIFIED'],
      ['primo@example.it', 'WAITING'],
    ]);
    await smtp.waitFor((m) => m.filter((x) => x.to === 'terzo@example.it' || x.to === 'quarto@example.it').length >= 2, 20_000, 'two more notices');
  });

  it('logs no e-mail addresses', () => {
    expect(logs()).toContain('[Waitlist]');
    expect(logs()).not.toMatch(/@example\.it|annulla\//);
  });

  it('joining is rate-limited like other public writes (429 with Retry-After)', async () => {
    const limited = await startApi(db.url, { THROTTLE_LIMIT: '3' });
    try {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await post(`${limited.baseUrl}/api/waitlist`, {}));
      expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 429]);
      expect(Number(answers[3].headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.stop();
    }
  });
});
