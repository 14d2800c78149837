import { localToday, addDays } from '@sportello/domain';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { MIGRATIONS } from '../src/app/database/migrations';
import { DEMO_STAFF_PASSWORD } from '../src/app/demo/demo-staff';
import { createTestDatabase, serverUrl, startApi, TestDatabase } from './support/api-process';
import { bookingBody, post } from './support/booking';
import { fiscalCode } from '../../libs/domain/testing/fiscal-codes.cjs';
import { insertAppointment } from './support/frontdesk';
import { getJson } from './support/http';
import { WORKSPACE_ROOT } from './support/paths';
import { StaffClient } from './support/staff';

/** This release's last migration and the one before it, as the backups name them (every new migration moves them). */
const [PREVIOUS_MIGRATION, LATEST_MIGRATION] = MIGRATIONS.slice(-2).map((migration) => migration.name);

const ROME = 'Europe/Rome';
const ENV = { DEMO_MODE: 'true', THROTTLE_LIMIT: '100000', CHECKIN_EARLY_MINUTES: '60', CHECKIN_LATE_MINUTES: '15' };

/** Runs `tools/backup/<script>.mjs` against a database, as `npm run backup` / `restore` do. */
function runTool(script: 'backup' | 'restore', args: string[], databaseUrl: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(WORKSPACE_ROOT, `tools/backup/${script}.mjs`), ...args], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

/** Every table's row count and a digest of its rows (in a stable order), and every sequence's state. */
async function fingerprint(sql: Client) {
  const tables = await sql.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY relname`,
  );
  const rows: Record<string, { count: number; digest: string | null }> = {};
  for (const { name } of tables.rows) {
    const {
      rows: [r],
    } = await sql.query(`SELECT count(*)::int AS count, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS digest FROM "${name}" t`);
    rows[name] = r;
  }
  const sequences: Record<string, { last_value: string; is_called: boolean }> = {};
  for (const { name } of (
    await sql.query<{ name: string }>(`SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S'`)
  ).rows) {
    sequences[name] = (await sql.query(`SELECT last_value::text, is_called FROM "${name}"`)).rows[0];
  }
  return { rows, sequences };
}

const appointments = async (sql: Client) => (await sql.query('SELECT * FROM appointment ORDER BY id')).rows;
const emptyTables = async (sql: Client) =>
  Object.entries((await fingerprint(sql)).rows)
    .filter(([name, r]) => name !== 'migrations' && r.count > 0)
    .map(([name]) => name);

describe('backup and restore (tools/backup, real PostgreSQL)', () => {
  let source: TestDatabase;
  let restored: TestDatabase;
  const others: TestDatabase[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sportello-backup-'));
  const file = path.join(dir, 'sportello.backup.gz');
  let officeId: string;
  let period: string;
  let manageToken: string;
  let before: { stats: Record<string, unknown>; manage: unknown; fingerprint: Awaited<ReturnType<typeof fingerprint>>; appointments: unknown[] };
  /** The personal data the seeded rows hold: none may reach the tools' output. */
  const personal: string[] = [];
  let backupOutput: string;

  const stats = async (client: StaffClient) => {
    const views: Record<string, unknown> = {};
    for (const view of ['summary', 'services', 'outcomes', 'heatmap', 'trend']) {
      const answer = await client.get(`/api/stats/${view}?${period}`);
      expect(answer.status).toBe(200);
      views[view] = answer.body;
    }
    views['counters'] = (await client.get(`/api/stats/counters/${officeId}?year=2025`)).body;
    return views;
  };

  beforeAll(async () => {
    // The demo seed (office, services, desks, staff, five years of monthly figures), then a
    // day of bookings and the front desk through the api.
    source = await createTestDatabase();
    const api = await startApi(source.url, ENV);
    try {
      [officeId] = (await getJson(`${api.baseUrl}/api/offices`)).body.map((o: { id: string }) => o.id);
      const services = new Map<string, string>(
        (await getJson(`${api.baseUrl}/api/services?officeId=${officeId}`)).body.map((s: { code: string; id: string }) => [s.code, s.id]),
      );
      const cie = services.get('CIE') as string;
      const today = localToday(new Date(), ROME);
      period = `from=2019-06-01&to=${addDays(today, 60)}&officeId=${officeId}`;
      const slots = async (serviceId: string) => {
        const { days } = (
          await getJson(`${api.baseUrl}/api/availability?officeId=${officeId}&serviceId=${serviceId}&from=${addDays(today, 2)}&to=${addDays(today, 20)}`)
        ).body;
        const free: string[] = days.flatMap((d: { slots: Array<{ start: string; remaining: number }> }) =>
          d.slots.filter((s) => s.remaining > 0).map((s) => s.start),
        );
        expect(free.length).toBeGreaterThanOrEqual(9);
        return free;
      };
      const free = { CIE: await slots(cie), SPID: await slots(services.get('SPID') as string) };
      const tokens: string[] = [];
      for (let i = 0; i < 6; i++) {
        const code = i % 2 === 0 ? 'CIE' : 'SPID';
        const body = bookingBody(officeId, services.get(code) as string, free[code][i * 3], 7000 + i);
        personal.push(fiscalCode(7000 + i), body.citizen.email);
        const booked = await post(`${api.baseUrl}/api/appointments`, body);
        if (booked.status !== 201) throw new Error(`booking answered ${booked.status}: ${JSON.stringify(booked.body)}`);
        tokens.push(booked.body.manageUrl.split('/').pop());
      }
      expect((await post(`${api.baseUrl}/api/appointments/manage/${tokens[1]}/cancel`, {})).status).toBe(200);
      manageToken = tokens[0];

      const operator = await StaffClient.login(api.baseUrl, 'operatore', DEMO_STAFF_PASSWORD);
      const kiosk = await StaffClient.login(api.baseUrl, 'totem', DEMO_STAFF_PASSWORD);
      const manager = await StaffClient.login(api.baseUrl, 'responsabile', DEMO_STAFF_PASSWORD);
      const desk = (await source.sql.query(`SELECT id FROM desk WHERE office_id = $1 AND number = 1`, [officeId])).rows[0].id;
      const act = async (action: string, body: Record<string, unknown> = {}) => {
        const answer = await operator.send('POST', `/api/desks/${desk}/${action}`, body);
        if (answer.status !== 200) throw new Error(`${action} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
        return answer.body;
      };
      const walkIn = async (code: string, name?: string) =>
        (await operator.send('POST', `/api/offices/${officeId}/tickets`, { serviceId: services.get(code), force: true, ...(name && { name }) })).body;
      // Today's appointment (booking closes before the day, so inserted), checked in at the kiosk.
      const due = await insertAppointment(source.sql, officeId, cie, new Date(), 'CIE-BKP234', { firstName: 'Ornella', lastName: 'Bassi' });
      personal.push(due.fiscalCode, 'Ornella', 'Bassi', 'Giuseppe Verdi');
      expect((await kiosk.send('POST', `/api/appointments/${due.code}/check-in`, {})).status).toBe(201);
      await walkIn('CIE', 'Giuseppe Verdi');
      await walkIn('RESIDENZA');
      await walkIn('SPID');
      await walkIn('CIE');
      for (let i = 0; i < 2; i++) {
        await act('call-next');
        await act('start');
        await act('complete', { outcome: 'INFO_ONLY' });
      }
      await act('call-next');
      await act('no-show');
      const called = await act('call-next');
      await act('transfer', { serviceId: services.get(called.serviceId === services.get('SPID') ? 'CIE' : 'SPID') });
      // One still waiting; the monthly counters of a past month.
      expect((await manager.send('PUT', `/api/stats/counters/${officeId}/2025-03`, { phoneCalls: 412, residencyOnline: 17 })).status).toBe(200);

      before = {
        stats: await stats(manager),
        manage: (await getJson(`${api.baseUrl}/api/appointments/manage/${tokens[0]}`)).body,
        fingerprint: { rows: {}, sequences: {} },
        appointments: [],
      };
    } finally {
      await api.stop();
    }
    before.fingerprint = await fingerprint(source.sql);
    before.appointments = await appointments(source.sql);

    const backup = await runTool('backup', [file], source.url);
    backupOutput = backup.output;
    expect(backup).toMatchObject({ code: 0 });
    restored = await createTestDatabase({ empty: true });
  }, 120_000);

  afterAll(async () => {
    for (const db of [source, restored, ...others]) await db?.drop();
  });

  it('the seeded database is one worth restoring', () => {
    const { rows, sequences } = before.fingerprint;
    expect(rows['appointment'].count).toBe(7);
    expect(rows['ticket'].count).toBe(5);
    expect(rows['ticket_event'].count).toBeGreaterThan(10);
    expect(rows['stats_monthly'].count).toBeGreaterThan(300);
    expect(sequences['ticket_event_id_seq']).toEqual({ last_value: String(rows['ticket_event'].count), is_called: true });
    expect((before.stats['summary'] as { walkIns: number }).walkIns).toBeGreaterThan(0);
  });

  it('backup prints the rows per table and no personal data', () => {
    expect(backupOutput).toMatch(/^\s+appointment\s+7$/m);
    expect(backupOutput).toMatch(/^\s+ticket\s+5$/m);
    expect(backupOutput).toContain(`at migration ${LATEST_MIGRATION}`);
    for (const value of personal) expect(backupOutput).not.toContain(value);
  });

  it('restores into a fresh database: migrated first, then every row and sequence; the same statistics and bookings', async () => {
    const result = await runTool('restore', [file], restored.url);
    expect(result).toMatchObject({ code: 0 });
    expect(result.output).toContain('a fresh database: applying the migrations first');
    expect(result.output).toMatch(/^\s+appointment\s+7$/m);
    for (const value of personal) expect(result.output).not.toContain(value);

    expect(await appointments(restored.sql)).toEqual(before.appointments);
    expect(await fingerprint(restored.sql)).toEqual(before.fingerprint);

    const api = await startApi(restored.url, ENV);
    try {
      const manager = await StaffClient.login(api.baseUrl, 'responsabile', DEMO_STAFF_PASSWORD);
      expect(await stats(manager)).toEqual(before.stats);
      // The manage link still opens the booking (its token hash came back).
      const manage = await getJson(`${api.baseUrl}/api/appointments/manage/${manageToken}`);
      expect(manage).toMatchObject({ status: 200, body: before.manage });
      expect(before.manage).toMatchObject({ status: 'BOOKED' });
      // The sequences: a new ticket's events take fresh ids, and its number follows the restored counter.
      const operator = await StaffClient.login(api.baseUrl, 'operatore', DEMO_STAFF_PASSWORD);
      const ticket = await operator.send('POST', `/api/offices/${officeId}/tickets`, {
        serviceId: (await restored.sql.query(`SELECT id FROM service WHERE code = 'RESIDENZA'`)).rows[0].id,
        force: true,
      });
      expect(ticket.status).toBe(201);
      expect(ticket.body.number).toBe('R002');
    } finally {
      await api.stop();
    }
  }, 60_000);
  it('refuses a database that is not empty, leaving it as it was; --force replaces all of it in one transaction', async () => {
    const now = await fingerprint(restored.sql);
    expect(now).not.toEqual(before.fingerprint); // the api above wrote a ticket, sessions, audit rows
    const refused = await runTool('restore', [file], restored.url);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('restore refused: the database is not empty');
    expect(refused.output).toMatch(/^\s+ticket\s+6$/m);
    expect(refused.output).toContain('run again with --force');
    expect(await fingerprint(restored.sql)).toEqual(now);

    const forced = await runTool('restore', [file, '--force'], restored.url);
    expect(forced).toMatchObject({ code: 0 });
    expect(forced.output).toContain('--force: emptying');
    expect(forced.output).not.toContain('applying the migrations');
    expect(await fingerprint(restored.sql)).toEqual(before.fingerprint);
  }, 60_000);

  /** The backup file with its text edited (the format is gzipped lines). */
  const variant = (name: string, edit: (lines: string[]) => string[]) => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const target = path.join(dir, name);
    writeFileSync(target, gzipSync(edit(lines).join('\n')));
    return target;
  };
  const newDatabase = async (options?: Parameters<typeof createTestDatabase>[0]) => {
    const db = await createTestDatabase(options);
    others.push(db);
    return db;
  };

  it('refuses a backup taken at another migration, and a database at another migration, writing nothing', async () => {
    const older = variant('older.backup.gz', (lines) => {
      const manifest = JSON.parse(lines[1]);
      manifest.migrations = manifest.migrations.slice(0, -1);
      manifest.migration = manifest.migrations.at(-1);
      return [lines[0], JSON.stringify(manifest), ...lines.slice(2)];
    });
    const migrated = await newDatabase();
    const refused = await runTool('restore', [older], migrated.url);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(
      `restore refused: the backup was taken at migration ${PREVIOUS_MIGRATION}, but the database is at migration ${LATEST_MIGRATION}`,
    );
    expect(await emptyTables(migrated.sql)).toEqual([]);

    const fresh = await newDatabase({ empty: true });
    const freshRefused = await runTool('restore', [older], fresh.url);
    expect(freshRefused.code).toBe(1);
    expect(freshRefused.output).toContain(`but the database (just migrated by this release) is at migration ${LATEST_MIGRATION}`);
    expect(await emptyTables(fresh.sql)).toEqual([]);

    const behind = await newDatabase();
    await behind.sql.query('DELETE FROM migrations WHERE id = (SELECT max(id) FROM migrations)');
    const behindRefused = await runTool('restore', [file], behind.url);
    expect(behindRefused.code).toBe(1);
    expect(behindRefused.output).toContain(`the backup was taken at migration ${LATEST_MIGRATION}, but the database is at migration ${PREVIOUS_MIGRATION}`);
    expect(await emptyTables(behind.sql)).toEqual([]);
  }, 60_000);

  it('a restore failing half-way (a bad row in the last table, a truncated file) leaves nothing written and prints no personal data', async () => {
    const badRow = variant('bad-row.backup.gz', (lines) => {
      const section = lines.indexOf('COPY ticket');
      expect(section).toBe(lines.findIndex((l) => l.startsWith('END ')) - 7); // ticket is loaded last: 5 rows and its `\.`
      return lines.map((line, i) => (i > section && line.includes('Giuseppe Verdi') ? line.replace(/^[^\t]+/, 'not-a-uuid') : line));
    });
    const target = await newDatabase();
    const failed = await runTool('restore', [badRow], target.url);
    expect(failed.code).toBe(1);
    expect(failed.output).toMatch(
      /restore failed, nothing was changed: loading ticket failed at its row [1-5]: invalid input syntax for type uuid: "…" \(SQLSTATE 22P02\)/,
    );
    for (const value of personal) expect(failed.output).not.toContain(value);
    expect(await emptyTables(target.sql)).toEqual([]);

    const truncated = variant('truncated.backup.gz', (lines) => lines.slice(0, lines.indexOf('COPY stats_monthly') + 100));
    const cut = await runTool('restore', [truncated], target.url);
    expect(cut.code).toBe(1);
    expect(cut.output).toContain("ends inside a table's rows: the file is truncated");
    expect(await emptyTables(target.sql)).toEqual([]);
  }, 60_000);

  it("restores as the database owner who is not a superuser (any PostgreSQL): the tables' triggers are turned off instead", async () => {
    const role = `it_owner_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: serverUrl('postgres') });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'owner-password'`);
      const db = await createTestDatabase({ empty: true, owner: role });
      try {
        const url = new URL(db.url);
        url.username = role;
        url.password = 'owner-password';
        const result = await runTool('restore', [file], url.toString());
        expect(result).toMatchObject({ code: 0 });
        expect(result.output).toContain('not allowed to set session_replication_role');
        expect(await fingerprint(db.sql)).toEqual(before.fingerprint);
        // The tables' own trigger is on again.
        const { rows } = await db.sql.query(`SELECT DISTINCT tgenabled FROM pg_trigger WHERE tgname = 'office_config_changed'`);
        expect(rows).toEqual([{ tgenabled: 'O' }]);
      } finally {
        await db.drop();
      }
    } finally {
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  }, 60_000);
});
