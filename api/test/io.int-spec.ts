import { DateTime } from 'luxon';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fiscalCode } from '../../libs/domain/testing/fiscal-codes.cjs';
import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { at, bookingBody, countBy, nextWeekday, post, ZONE } from './support/booking';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { IO_KEY, IoProfileFixture, RunningIoStandIn, startIoStandIn } from './support/io';
import { eventually, freePort } from './support/smtp';
import { insertStaff, StaffClient } from './support/staff';

// App IO through the outbox, against the stand-in of the IO API (tools/io/stand-in.mjs) on
// loopback. Retries are driven by moving `due_at` ("time passes"), never by sleeping.

const KNOWN_EN = 9101; // a profile preferring English, booked in Italian
const KNOWN_IT = 9102;
const BLOCKED = 9103; // sender_allowed: false
const MISSING = 9104; // no profile: 404

describe('App IO: profiles, messages, retries, exactly once', () => {
  jest.setTimeout(120_000);
  let db: TestDatabase;
  let office: OfficeFixture;
  let n = 9200;
  const apis: RunningApi[] = [];
  const standIns: RunningIoStandIn[] = [];
  const profiles: Record<string, IoProfileFixture> = {
    [fiscalCode(KNOWN_EN)]: { sender_allowed: true, preferred_languages: ['de_DE', 'en_GB'] },
    [fiscalCode(KNOWN_IT)]: { sender_allowed: true, preferred_languages: ['it_IT'] },
    [fiscalCode(BLOCKED)]: { sender_allowed: false },
  };
  // Monday mornings, each half hour twice (capacity 2): a seat per booking, in order.
  let seat = 0;
  const TIMES = ['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00'];
  const slots = (count = 8) =>
    Array.from({ length: count }, () => {
      const i = seat++;
      return at(nextWeekday(1, 3 + 7 * Math.floor(i / 16)), TIMES[Math.floor(i / 2) % 8]);
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    await insertStaff(db.sql, 'responsabile-io', 'manager', [office.officeId]);
  });

  afterEach(async () => {
    await Promise.all(apis.splice(0).map((a) => a.stop()));
    await Promise.all(standIns.splice(0).map((s) => s.stop()));
  });

  afterAll(async () => {
    await db?.drop();
  });

  const standIn = async (port?: number) => {
    const s = await startIoStandIn({ profiles, ...(port && { port }) });
    standIns.push(s);
    return s;
  };
  const launch = async (ioUrl: string, env: Record<string, string> = {}) => {
    const api = await startApi(db.url, {
      MAIL_POLL_SECONDS: '1',
      THROTTLE_LIMIT: '100000',
      MAX_ACTIVE_PER_CF: '50',
      MAX_ACTIVE_PER_EMAIL: '1000',
      IO_API_URL: ioUrl,
      IO_API_KEY: IO_KEY,
      ...env,
    });
    apis.push(api);
    return api;
  };
  const book = async (api: RunningApi, start: string, person = n++, extra: Record<string, unknown> = {}) => {
    const answer = await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, start, person, extra));
    expect(answer.status).toBe(201);
    return answer.body as { code: string; start: string; manageUrl: string };
  };
  const rowsOf = async (code: string, channel = 'IO') =>
    (
      await db.sql.query(
        `SELECT n.kind, n.status, n.attempts, n.last_error, n.due_at, n.dedupe_key FROM notification n JOIN appointment a ON a.id = n.appointment_id
          WHERE a.code = $1 AND n.channel = $2 ORDER BY n.kind`,
        [code, channel],
      )
    ).rows;
  const confirmation = async (code: string) => (await rowsOf(code)).find((r) => r.kind === 'CONFIRMATION');
  const settled = (code: string, what: string) =>
    eventually(
      () => confirmation(code),
      (r) => r !== undefined && r.status !== 'PENDING',
      20_000,
      what,
    );
  const timePasses = () => db.sql.query(`UPDATE notification SET due_at = now() - interval '1 second' WHERE status = 'PENDING' AND kind <> 'REMINDER'`);

  it('a known profile gets exactly one message: subject and markdown within the limits, in the profile’s language, due at the start, with a working manage link', async () => {
    const io = await standIn();
    const api = await launch(io.url);
    const [start] = slots(1);
    const booked = await book(api, start, KNOWN_EN);
    expect(await settled(booked.code, 'the IO confirmation')).toMatchObject({ status: 'SENT', attempts: 1 });
    // The e-mail went too, in the booking's language; both rows exist once, with their keys.
    const email = await eventually(
      () => rowsOf(booked.code, 'EMAIL'),
      (rows) => rows.find((r) => r.kind === 'CONFIRMATION')?.status === 'SENT',
      20_000,
      'the e-mail confirmation',
    );
    const appointmentId = (await db.sql.query(`SELECT id FROM appointment WHERE code = $1`, [booked.code])).rows[0].id;
    expect(email.map((r) => r.dedupe_key).sort()).toEqual([`CONFIRMATION:${appointmentId}`, `REMINDER:${appointmentId}:0`]);
    expect((await rowsOf(booked.code)).map((r) => [r.kind, r.dedupe_key])).toEqual([
      ['CONFIRMATION', `CONFIRMATION:${appointmentId}:IO`],
      ['REMINDER', `REMINDER:${appointmentId}:0:IO`],
    ]);

    const messages = await io.messages();
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message.key).toBe(IO_KEY);
    expect(message.body.fiscal_code).toBe(fiscalCode(KNOWN_EN));
    const { subject, markdown, due_date } = message.body.content;
    expect(subject.length).toBeGreaterThanOrEqual(10);
    expect(subject.length).toBeLessThanOrEqual(120);
    expect(markdown.length).toBeGreaterThanOrEqual(80);
    expect(markdown.length).toBeLessThanOrEqual(10_000);
    // English (the profile's first language Sportello writes), not the booking's Italian.
    expect(subject).toBe(`Booking confirmed ${booked.code} – Identity card`);
    const local = DateTime.fromISO(start, { zone: ZONE }).setLocale('en');
    for (const fact of [
      'Identity card',
      'Ufficio di prova, Via Roma 1, Calderara di Reno',
      local.toFormat('cccc d LLLL yyyy, HH:mm'),
      booked.code,
      'What to bring',
      'Photo',
    ])
      expect(markdown).toContain(fact);
    expect(new Date(due_date as string).toISOString()).toBe(new Date(start).toISOString());
    // A manage link of its own: a fresh token, not the one of the booking's answer, and it works.
    const link = /\((http[^)]+\/gestisci\/([^)]+))\)/.exec(markdown);
    expect(link).not.toBeNull();
    const token = (link as RegExpExecArray)[2];
    expect(booked.manageUrl).not.toContain(token);
    const managed = await fetch(`${api.baseUrl}/api/appointments/manage/${token}`);
    expect(managed.status).toBe(200);
    expect(((await managed.json()) as { code: string }).code).toBe(booked.code);
  });

  it('the profile’s it_IT gives Italian; a citizen who opts out at booking gets no IO row at all', async () => {
    const io = await standIn();
    const api = await launch(io.url);
    const [first, second] = slots(2);
    const italian = await book(api, first, KNOWN_IT, { language: 'en' });
    const optedOut = await book(api, second, n++, { channels: { io: false } });
    expect(await settled(italian.code, 'the IO confirmation')).toMatchObject({ status: 'SENT' });
    expect((await io.messages()).map((m) => m.body.content.subject)).toEqual([`Prenotazione confermata ${italian.code} – Carta d'identità`]);
    expect(await rowsOf(optedOut.code)).toEqual([]);
    expect(
      (
        await db.sql.query(`SELECT count(*)::int AS n FROM appointment_channel c JOIN appointment a ON a.id = c.appointment_id WHERE a.code = $1`, [
          optedOut.code,
        ])
      ).rows[0].n,
    ).toBe(0);
  });

  it('no profile (404) and sender_allowed false → SKIPPED, no message sent; the e-mail still goes', async () => {
    const io = await standIn();
    const api = await launch(io.url);
    const [first, second] = slots(2);
    const missing = await book(api, first, MISSING);
    const blocked = await book(api, second, BLOCKED);
    expect(await settled(missing.code, 'the missing profile')).toMatchObject({
      status: 'SKIPPED',
      attempts: 0,
      last_error: 'no App IO profile for this citizen',
    });
    expect(await settled(blocked.code, 'the blocked sender')).toMatchObject({
      status: 'SKIPPED',
      last_error: 'the citizen does not accept messages from this service on App IO',
    });
    expect(await io.messages()).toEqual([]);
    const calls = await io.calls();
    expect(calls.filter((c) => c.route === 'messages')).toEqual([]);
    expect(
      calls
        .filter((c) => c.route === 'profiles')
        .map((c) => c.status)
        .sort(),
    ).toEqual([200, 404]);
    for (const code of [missing.code, blocked.code])
      await eventually(
        () => rowsOf(code, 'EMAIL'),
        (rows) => rows.find((r) => r.kind === 'CONFIRMATION')?.status === 'SENT',
        20_000,
        'the e-mail',
      );
  });

  it('429 with Retry-After is retried no earlier than asked; 5xx retried with backoff; then SENT exactly once', async () => {
    const io = await standIn();
    await io.fault({ status: 429, count: 1, retryAfter: 600 });
    const api = await launch(io.url);
    const [first, second] = slots(2);
    const limited = await book(api, first, KNOWN_IT);
    const throttled = await eventually(
      () => confirmation(limited.code),
      (r) => r.attempts >= 1,
      20_000,
      'the 429',
    );
    expect(throttled).toMatchObject({ status: 'PENDING', attempts: 1, last_error: expect.stringContaining('HTTP 429') });
    // Retry-After: 600 s wins over the 30 s backoff.
    expect(new Date(throttled.due_at).getTime() - Date.now()).toBeGreaterThan(590_000 - 5_000);
    await timePasses();
    expect(await settled(limited.code, 'the retried 429')).toMatchObject({ status: 'SENT', attempts: 2 });

    await io.fault({ status: 503, count: 2 });
    const unavailable = await book(api, second, KNOWN_EN);
    const failedOnce = await eventually(
      () => confirmation(unavailable.code),
      (r) => r.attempts >= 1,
      20_000,
      'the first 503',
    );
    expect(failedOnce).toMatchObject({ status: 'PENDING', last_error: expect.stringContaining('HTTP 503') });
    const backoff = new Date(failedOnce.due_at).getTime() - Date.now();
    expect(backoff).toBeGreaterThan(20_000);
    expect(backoff).toBeLessThan(35_000);
    await timePasses();
    const failedTwice = await eventually(
      () => confirmation(unavailable.code),
      (r) => r.attempts >= 2,
      20_000,
      'the second 503',
    );
    // Doubled: about 60 s.
    expect(new Date(failedTwice.due_at).getTime() - Date.now()).toBeGreaterThan(50_000);
    await timePasses();
    expect(await settled(unavailable.code, 'the retried 503')).toMatchObject({ status: 'SENT', attempts: 3 });
    const perCode = countBy(await io.messages(), (m) => m.body.content.subject.split(' ').find((w) => w.startsWith('CIE-')) ?? '?');
    expect(perCode).toEqual({ [limited.code]: 1, [unavailable.code]: 1 });
  });

  it('a 400 from IO → FAILED at once (no retry)', async () => {
    const io = await standIn();
    await io.fault({ status: 400, count: 1 });
    const api = await launch(io.url);
    const [start] = slots(1);
    const booked = await book(api, start, KNOWN_IT);
    expect(await settled(booked.code, 'the 400')).toMatchObject({ status: 'FAILED', attempts: 1, last_error: expect.stringContaining('HTTP 400') });
    await timePasses();
    expect(await io.messages()).toEqual([]);
    expect((await io.calls()).filter((c) => c.route === 'messages')).toHaveLength(1);
  });

  it('two api instances and an IO outage: every message arrives exactly once when IO is back', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/api/v1`;
    const [a, b] = await Promise.all([launch(url), launch(url)]);
    const people = Array.from({ length: 12 }, (_, i) => 9300 + i);
    for (const p of people) profiles[fiscalCode(p)] = { sender_allowed: true, preferred_languages: ['it_IT'] };
    const starts = slots(12);
    const booked = await Promise.all(starts.map((start, i) => book(i % 2 === 0 ? a : b, start, people[i])));
    // IO is down: every confirmation fails its first attempt (connection refused).
    for (const { code } of booked) {
      const row = await eventually(
        () => confirmation(code),
        (r) => r.attempts >= 1,
        20_000,
        `the first attempt of ${code}`,
      );
      expect(row).toMatchObject({ status: 'PENDING', last_error: expect.stringContaining('ECONNREFUSED') });
    }
    const io = await standIn(port);
    await timePasses();
    await eventually(
      () => io.messages(),
      (m) => m.length >= 12,
      30_000,
      '12 IO messages',
    );
    await eventually(
      () =>
        db.sql.query(`SELECT count(*)::int AS n FROM notification WHERE channel = 'IO' AND kind = 'CONFIRMATION' AND status = 'SENT' AND office_id = $1`, [
          office.officeId,
        ]),
      (r) => r.rows[0].n >= booked.length,
      10_000,
      'all IO rows sent',
    );
    // Stopping waits for batches in flight, so a late duplicate would be counted below.
    await Promise.all(apis.splice(0).map((x) => x.stop()));
    const messages = await io.messages();
    expect(messages).toHaveLength(12);
    const perCode = countBy(messages, (m) => m.body.content.subject.split(' ').find((w) => w.startsWith('CIE-')) ?? '?');
    expect(Object.keys(perCode).sort()).toEqual(booked.map((x) => x.code).sort());
    expect(Object.values(perCode).every((count) => count === 1)).toBe(true);
  });

  it('GET /api/notifications?channel=IO lists IO rows with their channel and no codice fiscale; a wrong channel is refused', async () => {
    const io = await standIn();
    const api = await launch(io.url);
    const [first, second] = slots(2);
    const sent = await book(api, first, KNOWN_IT);
    const skipped = await book(api, second, MISSING);
    await settled(sent.code, 'sent');
    await settled(skipped.code, 'skipped');
    const manager = await StaffClient.login(api.baseUrl, 'responsabile-io');
    const answer = await manager.get(`/api/notifications?channel=IO&officeId=${office.officeId}&limit=500`);
    expect(answer.status).toBe(200);
    const rows = answer.body as Array<{ channel: string; bookingCode: string; status: string; kind: string }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.channel === 'IO')).toBe(true);
    expect(rows.find((r) => r.bookingCode === sent.code && r.kind === 'CONFIRMATION')?.status).toBe('SENT');
    expect(rows.find((r) => r.bookingCode === skipped.code && r.kind === 'CONFIRMATION')?.status).toBe('SKIPPED');
    const text = JSON.stringify(answer.body);
    for (const p of [KNOWN_IT, MISSING]) expect(text).not.toContain(fiscalCode(p));
    const email = await manager.get(`/api/notifications?channel=EMAIL&officeId=${office.officeId}`);
    expect((email.body as Array<{ channel: string }>).every((r) => r.channel === 'EMAIL')).toBe(true);
    const wrong = await manager.get('/api/notifications?channel=PIGEON');
    expect(wrong.status).toBe(400);
    // The booking form offers IO: it is configured.
    const config = await fetch(`${api.baseUrl}/api/config`);
    expect(((await config.json()) as { channels: { io: boolean } }).channels).toEqual({ io: true });
  });

  it('retention removes the booking’s channel rows with its personal data', async () => {
    const io = await standIn();
    const api = await launch(io.url);
    const [start] = slots(1);
    const booked = await book(api, start, KNOWN_IT);
    await settled(booked.code, 'sent');
    await api.stop();
    apis.splice(0);
    const channels = () =>
      db.sql.query(`SELECT c.channel, c.target FROM appointment_channel c JOIN appointment a ON a.id = c.appointment_id WHERE a.code = $1`, [booked.code]);
    expect((await channels()).rows).toEqual([{ channel: 'IO', target: null }]);
    await db.sql.query(
      `UPDATE appointment SET start_at = now() - interval '40 days', end_at = now() - interval '40 days' + interval '30 minutes' WHERE code = $1`,
      [booked.code],
    );
    // Retention runs at start-up.
    await (await launch(io.url, { RETENTION_DAYS: '30' })).stop();
    apis.splice(0);
    expect((await channels()).rows).toEqual([]);
    expect((await db.sql.query(`SELECT fiscal_code FROM appointment WHERE code = $1`, [booked.code])).rows[0].fiscal_code).toBe('-');
  });

  it('demo mode without IO credentials: each IO message is written as a JSON file under IO_DIR, nothing goes over HTTP', async () => {
    const io = await standIn();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sportello-io-'));
    const api = await launch(io.url, { DEMO_MODE: 'true', IO_API_KEY: '', IO_DIR: dir });
    const config = await fetch(`${api.baseUrl}/api/config`);
    expect(((await config.json()) as { channels: { io: boolean } }).channels).toEqual({ io: true });
    const [start] = slots(1);
    const booked = await book(api, start, MISSING);
    // Every citizen "has the app" in the demo.
    expect(await settled(booked.code, 'the demo IO confirmation')).toMatchObject({ status: 'SENT' });
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f.includes(booked.code));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/CONFIRMATION-CIE-/);
    const written = JSON.parse(readFileSync(path.join(dir, files[0]), 'utf8')) as {
      fiscal_code: string;
      content: { subject: string; markdown: string; due_date: string };
    };
    expect(written.fiscal_code).toBe(fiscalCode(MISSING));
    expect(written.content.subject).toBe(`Prenotazione confermata ${booked.code} – Carta d'identità`);
    expect(written.content.markdown.length).toBeGreaterThanOrEqual(80);
    expect(new Date(written.content.due_date).toISOString()).toBe(new Date(start).toISOString());
    expect(await io.calls()).toEqual([]);
    // The log names the file, never the codice fiscale.
    expect(api.output()).toContain(`wrote CONFIRMATION ${booked.code}`);
    expect(api.output()).not.toContain(fiscalCode(MISSING));
  });
});
