import { simpleParser } from 'mailparser';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { at, bookingBody, countBy, nextWeekday, post } from './support/booking';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { captureLogs, eventually, freePort, TestSmtpServer } from './support/smtp';
import { insertStaff, StaffClient } from './support/staff';

// Retries are driven by moving `due_at` in the database ("time passes") and by waiting for
// events at the test SMTP server, never by sleeping for the backoff.

describe('e-mail delivery: several instances, SMTP outages, file transport', () => {
  let db: TestDatabase;
  let office: OfficeFixture;
  let n = 7000;
  const apis: RunningApi[] = [];
  const servers: TestSmtpServer[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
  });

  afterEach(async () => {
    await Promise.all(apis.splice(0).map((a) => a.stop()));
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await db.sql.query('DELETE FROM notification');
  });

  afterAll(async () => {
    await db?.drop();
  });

  const launch = async (env: Record<string, string>) => {
    const api = await startApi(db.url, { MAIL_POLL_SECONDS: '1', THROTTLE_LIMIT: '100000', ...env });
    apis.push(api);
    return api;
  };
  const book = async (api: RunningApi, start: string) => {
    const answer = await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, start, n++));
    expect(answer.status).toBe(201);
    return answer.body as { code: string };
  };
  const confirmationRow = async (code: string) =>
    (
      await db.sql.query(
        `SELECT n.status, n.attempts, n.last_error, n.due_at FROM notification n JOIN appointment a ON a.id = n.appointment_id WHERE a.code = $1 AND n.kind = 'CONFIRMATION'`,
        [code],
      )
    ).rows[0];
  const timePasses = () => db.sql.query(`UPDATE notification SET due_at = now() - interval '1 second' WHERE status = 'PENDING' AND kind <> 'REMINDER'`);

  it('two api instances on one database: every confirmation and reminder arrives exactly once', async () => {
    const smtp = await TestSmtpServer.start();
    servers.push(smtp);
    const [a, b] = await Promise.all([launch({ SMTP_URL: smtp.url }), launch({ SMTP_URL: smtp.url })]);
    const starts = [nextWeekday(1, 3), nextWeekday(1, 10)].flatMap((day) =>
      ['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00'].map((t) => at(day, t)),
    );
    const booked = await Promise.all(starts.flatMap((start) => [book(a, start), book(b, start)]));
    const codes = new Set(booked.map((x) => x.code));
    expect(codes.size).toBe(32);
    await smtp.waitFor((m) => m.filter((x) => x.parsed.subject?.startsWith('Prenotazione confermata')).length >= 32, 30_000, '32 confirmations');
    // The reminders' time comes: both instances race for them too.
    await db.sql.query(`UPDATE notification SET due_at = now() WHERE kind = 'REMINDER'`);
    await smtp.waitFor((m) => m.length >= 64, 30_000, '64 messages');
    await eventually(
      () => db.sql.query(`SELECT count(*)::int AS n FROM notification WHERE status = 'SENT'`),
      (r) => r.rows[0].n === 64,
      10_000,
      'all rows sent',
    );
    // Stopping waits for batches in flight, so a late duplicate would be counted below.
    await Promise.all(apis.splice(0).map((x) => x.stop()));
    const perMessage = countBy(smtp.received, (m) => `${m.parsed.subject?.split(' ')[0]} ${m.parsed.subject?.match(/CIE-\w+/)?.[0]}`);
    expect(Object.keys(perMessage)).toHaveLength(64);
    expect(Object.values(perMessage).every((count) => count === 1)).toBe(true);
    expect(smtp.received).toHaveLength(64);
    expect(new Set(smtp.received.map((m) => m.parsed.messageId)).size).toBe(64);
    for (const code of codes)
      expect(
        smtp.received
          .filter((m) => m.parsed.subject?.includes(code))
          .map((m) => m.parsed.subject?.split(' ')[0])
          .sort(),
      ).toEqual(['Prenotazione', 'Promemoria']);
  });

  it('SMTP down (not listening, then refusing) → retried with backoff → delivered exactly once when back', async () => {
    const port = await freePort();
    const api = await launch({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    const { code } = await book(api, at(nextWeekday(3), '09:00'));

    // Nothing listens: the attempt fails and is rescheduled 30 s later.
    const first = await eventually(
      () => confirmationRow(code),
      (r) => r.attempts >= 1,
      15_000,
      'the first failed attempt',
    );
    expect(first).toMatchObject({ status: 'PENDING', attempts: 1, last_error: expect.stringContaining('ECONNREFUSED') });
    expect(new Date(first.due_at).getTime() - Date.now()).toBeGreaterThan(20_000);

    // The server comes up but refuses mail for a while.
    const smtp = await TestSmtpServer.start(port);
    servers.push(smtp);
    smtp.rejecting = true;
    const refused = smtp.nextRejection();
    await timePasses();
    await refused;
    const second = await eventually(
      () => confirmationRow(code),
      (r) => r.attempts >= 2,
      15_000,
      'the second failed attempt',
    );
    expect(second.status).toBe('PENDING');
    expect(second.last_error).toContain('451');
    expect(second.last_error).not.toContain('@example.it');
    expect(new Date(second.due_at).getTime() - Date.now()).toBeGreaterThan(45_000); // 60 s backoff now

    // Back to normal: delivered once.
    smtp.rejecting = false;
    await timePasses();
    await smtp.waitFor((m) => m.some((x) => x.parsed.subject?.includes(code)), 15_000, 'the confirmation');
    await eventually(
      () => confirmationRow(code),
      (r) => r.status === 'SENT',
      10_000,
      'the row sent',
    );
    await Promise.all(apis.splice(0).map((x) => x.stop()));
    expect(smtp.received.filter((m) => m.parsed.subject?.includes(code))).toHaveLength(1);
    expect(await confirmationRow(code)).toMatchObject({ status: 'SENT', attempts: 3, last_error: null });
  });

  it('a permanent failure ends as FAILED with its error after MAIL_MAX_ATTEMPTS, visible through the api', async () => {
    const smtp = await TestSmtpServer.start();
    servers.push(smtp);
    smtp.rejecting = true;
    const api = await launch({ SMTP_URL: smtp.url, MAIL_MAX_ATTEMPTS: '2' });
    const refused = smtp.nextRejection();
    const { code } = await book(api, at(nextWeekday(3), '09:30'));
    await refused;
    await eventually(
      () => confirmationRow(code),
      (r) => r.attempts >= 1,
      15_000,
      'the first failed attempt',
    );
    await timePasses();
    const row = await eventually(
      () => confirmationRow(code),
      (r) => r.status !== 'PENDING',
      15_000,
      'the row failed',
    );
    expect(row).toMatchObject({ status: 'FAILED', attempts: 2 });
    await insertStaff(db.sql, 'responsabile', 'manager', [office.officeId]);
    const listed = await (await StaffClient.login(api.baseUrl, 'responsabile')).get('/api/notifications?status=FAILED');
    expect(listed.body).toEqual([
      expect.objectContaining({ kind: 'CONFIRMATION', status: 'FAILED', attempts: 2, bookingCode: code, lastError: expect.stringContaining('451') }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain('@example.it');
    expect(smtp.received).toHaveLength(0);
  });

  it('without SMTP_URL each message is written as an .eml file under MAIL_DIR, logged without personal data', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sportello-mail-'));
    const api = await launch({ MAIL_DIR: dir, SMTP_URL: '' });
    const logs = captureLogs(api);
    const { code } = await book(api, at(nextWeekday(3), '10:00'));
    const files = await eventually(
      async () => readdirSync(dir),
      (f) => f.length >= 1,
      15_000,
      'an .eml file',
    );
    expect(files[0]).toMatch(new RegExp(`CONFIRMATION-${code}-[0-9a-f]{8}\\.eml$`));
    const mail = await simpleParser(readFileSync(path.join(dir, files[0])));
    expect(mail.subject).toContain(code);
    expect(mail.attachments.map((x) => x.contentType).sort()).toEqual(['image/png', 'text/calendar']);
    await eventually(
      async () => logs(),
      (o) => o.includes(`wrote CONFIRMATION ${code} to ${dir}`),
      5_000,
      'the log line',
    );
    expect(logs()).not.toMatch(/@example\.it|Maria|D'Amico|gestisci/);
  });
});
