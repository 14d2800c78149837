import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { Answer, at, bookingBody, countBy, nextWeekday, post } from './support/booking';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { getJson } from './support/http';
import { API_MAIN } from './support/paths';
import { captureLogs, eventually, freePort } from './support/smtp';

/** PostgreSQL in a child process (support/pg-server.mjs), so that it can be stopped and started again. */
class PgServer {
  private constructor(
    private readonly child: ChildProcess,
    private readonly port: number,
  ) {}

  static start(dataDir: string, port: number, database: string): Promise<PgServer> {
    const child = spawn(process.execPath, [path.join(__dirname, 'support/pg-server.mjs'), dataDir, String(port), database], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return new Promise((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve(new PgServer(child, port));
      });
      child.on('exit', (code) => reject(new Error(`PostgreSQL exited with ${code}`)));
    });
  }

  url(database: string): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/${database}`;
  }

  stop(): Promise<void> {
    if (this.child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.on('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}

/** The Monday slots of the fixture's 30-minute service of capacity 2: 11 slots, 22 places. */
const MONDAY_TIMES = ['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '14:30', '15:00', '15:30'];
const PLACES = MONDAY_TIMES.length * 2;

/** Nothing half-written: every booked appointment holds exactly one seat and has its confirmation queued; no seat is held by nothing. */
async function expectConsistent(sql: Client): Promise<void> {
  const { rows } = await sql.query(`
    SELECT (SELECT count(*) FROM appointment a WHERE a.status = 'BOOKED'
              AND (SELECT count(*) FROM slot_seat s WHERE s.claim_kind = 'APPOINTMENT' AND s.claim_id = a.id) <> 1)::int AS without_seat,
           (SELECT count(*) FROM appointment a WHERE a.status = 'BOOKED'
              AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.appointment_id = a.id AND n.kind = 'CONFIRMATION'))::int AS without_mail,
           (SELECT count(*) FROM slot_seat s WHERE s.claim_kind = 'APPOINTMENT'
              AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.id = s.claim_id AND a.status = 'BOOKED'))::int AS orphan_seats,
           (SELECT count(*) FROM (SELECT start_at FROM appointment WHERE status = 'BOOKED' GROUP BY service_id, start_at HAVING count(*) > 2) x)::int AS overbooked,
           (SELECT count(*) FROM (SELECT fiscal_code FROM appointment WHERE status = 'BOOKED' GROUP BY fiscal_code HAVING count(*) > 1) x)::int AS twice`);
  expect(rows[0]).toEqual({ without_seat: 0, without_mail: 0, orphan_seats: 0, overbooked: 0, twice: 0 });
}

describe('replicas and faults (real processes, real PostgreSQL)', () => {
  const monday = nextWeekday(1, 4);
  const starts = MONDAY_TIMES.map((t) => at(monday, t));

  describe('two api instances on one database', () => {
    let db: TestDatabase;
    let office: OfficeFixture;
    let a: RunningApi;
    let b: RunningApi;

    beforeAll(async () => {
      db = await createTestDatabase();
      office = await insertOffice(db.sql);
      [a, b] = await Promise.all([startApi(db.url, { THROTTLE_LIMIT: '100000' }), startApi(db.url, { THROTTLE_LIMIT: '100000' })]);
    });

    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await db?.drop();
    });

    it('a rush split across both books exactly the capacity', async () => {
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          post(`${(i % 2 ? a : b).baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, starts[i % starts.length], 100 + i)),
        ),
      );
      expect(countBy(answers, (x) => x.status)).toEqual({ 201: PLACES, 409: 200 - PLACES });
      expect(new Set(answers.filter((x) => x.status === 201).map((x) => x.body.code)).size).toBe(PLACES);
      await expectConsistent(db.sql);
    });

    it('kill -9 of one instance mid-rush: every acknowledged booking is stored, none twice; the rest retry fine on the other', async () => {
      const victim = await startApi(db.url, { THROTTLE_LIMIT: '100000' });
      await db.sql.query('TRUNCATE appointment, slot_seat, notification, manage_token, idempotency_record CASCADE');
      let victimAnswers = 0;
      let killed = false;
      let retried = 0;
      /** One citizen's booking with its Idempotency-Key, retried on the survivor when the victim dies under it. */
      const attempt = async (i: number): Promise<Answer> => {
        const body = bookingBody(office.officeId, office.serviceId, starts[i % starts.length], 500 + i);
        const headers = { 'Idempotency-Key': `fault-test-${i}` };
        if (i % 2 === 0) {
          try {
            const answer = await post(`${victim.baseUrl}/api/appointments`, body, headers);
            if (++victimAnswers === 10 && !killed) {
              killed = true;
              victim.process.kill('SIGKILL');
            }
            return answer;
          } catch {
            retried++;
          }
        }
        return post(`${a.baseUrl}/api/appointments`, body, headers);
      };
      const answers = await Promise.all(Array.from({ length: 160 }, (_, i) => attempt(i)));
      expect(killed).toBe(true);
      expect(retried).toBeGreaterThan(0);
      expect(countBy(answers, (x) => (x.status === 201 || x.status === 409 ? x.status : 'other'))).toEqual({ 201: PLACES, 409: 160 - PLACES });
      const acknowledged = answers.filter((x) => x.status === 201).map((x) => x.body.code as string);
      const stored = await db.sql.query(`SELECT code FROM appointment WHERE status = 'BOOKED'`);
      expect(stored.rows.map((r) => r.code).sort()).toEqual([...new Set(acknowledged)].sort());
      await expectConsistent(db.sql);
    });
  });

  describe('PostgreSQL restarted under load', () => {
    // A server of its own: the shared one serves the other suites.
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sportello-restart-'));
    let server: PgServer;
    let port: number;
    let api: RunningApi;
    let sql: Client;
    let office: OfficeFixture;
    let logs: () => string;

    const startServer = () => PgServer.start(dataDir, port, 'restart');

    beforeAll(async () => {
      port = await freePort();
      server = await startServer();
      execFileSync(process.execPath, [API_MAIN, 'migrate'], {
        env: { ...process.env, DATABASE_URL: server.url('restart'), LOG_LEVEL: 'warn' },
        stdio: 'ignore',
      });
      sql = new Client({ connectionString: server.url('restart') });
      await sql.connect();
      office = await insertOffice(sql);
      await sql.end();
      api = await startApi(server.url('restart'), { THROTTLE_LIMIT: '100000' });
      logs = captureLogs(api);
    });

    afterAll(async () => {
      await api?.stop();
      await sql?.end().catch(() => undefined);
      await server?.stop();
    });

    it('readiness goes red then green, the api recovers without a restart, nothing is half-written', async () => {
      const statuses: number[] = [];
      let n = 2000;
      let running = true;
      // Steady load: bookings (some refused once the day is full) and availability reads.
      const load = (async () => {
        while (running) {
          const answer = await post(`${api.baseUrl}/api/appointments`, bookingBody(office.officeId, office.serviceId, starts[n % starts.length], n++)).catch(
            () => ({ status: 0 }) as Answer,
          );
          statuses.push(answer.status);
          await getJson(
            `${api.baseUrl}/api/availability?officeId=${office.officeId}&serviceId=${office.serviceId}&from=${monday.toISODate()}&to=${monday.toISODate()}`,
          ).catch(() => undefined);
        }
      })();
      const ready = async () => (await fetch(`${api.baseUrl}/api/health/ready`).catch(() => ({ status: 0 }))).status;
      await eventually(
        async () => statuses.filter((s) => s === 201).length,
        (count) => count >= 3,
        20_000,
        'bookings before the restart',
      );

      await server.stop();
      await eventually(ready, (status) => status === 503, 20_000, 'readiness red');
      const duringOutage = statuses.length;
      server = await startServer();
      await eventually(ready, (status) => status === 200, 30_000, 'readiness green');
      await eventually(
        async () => statuses.slice(duringOutage).filter((s) => s === 201 || s === 409).length,
        (count) => count >= 5,
        30_000,
        'bookings after the restart',
      );
      running = false;
      await load;

      expect(api.process.exitCode).toBeNull(); // the same process, never restarted
      // During the outage: 503 SERVICE_UNAVAILABLE, never a 500 (the log says what failed otherwise).
      expect({
        unexpected: statuses.filter((s) => ![201, 409, 503].includes(s)),
        log: statuses.includes(500)
          ? logs()
              .split('\n')
              .filter((l) => /ERROR|Error/.test(l))
              .slice(0, 5)
          : [],
      }).toEqual({ unexpected: [], log: [] });
      expect(statuses).toContain(503);
      sql = new Client({ connectionString: server.url('restart') });
      await sql.connect();
      await expectConsistent(sql);
    });
  });
});
