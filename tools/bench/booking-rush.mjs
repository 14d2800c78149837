// Booking rush: N virtual citizens fire at once for S slots of capacity 1 through the
// HTTP API, then the same contention runs as raw SQL over `pg` (one transaction per
// attempt: create seats if missing, conditional update of a free seat, insert) as the
// baseline. Prints successes, 5xx, overbooking, latency percentiles and the ratios.
//   node tools/bench/booking-rush.mjs [--citizens 1000] [--slots 100] [--pool 20]
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../db/embedded.mjs';
import { fiscalCode } from './fiscal-codes.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CITIZENS = arg('citizens', 1000);
const SLOTS = arg('slots', 100);
const POOL = arg('pool', 20);
const API_MAIN = path.join(ROOT, 'dist/api/main.js');

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (name, latencies, totalMs, extra) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { name, attempts: latencies.length, totalMs: Math.round(totalMs), perSecond: Math.round((latencies.length / totalMs) * 1000), p50: Math.round(percentile(sorted, 50)), p95: Math.round(percentile(sorted, 95)), p99: Math.round(percentile(sorted, 99)), ...extra };
};

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sportello-bench-'));
const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
const api = { process: null };
try {
  await server.createDatabase('bench');
  const url = server.url('bench');
  execFileSync(process.execPath, [API_MAIN, 'migrate'], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' }, stdio: 'inherit' });
  const db = new pg.Pool({ connectionString: url, max: POOL });

  // An office open every day 08:00–16:20 with a 5-minute service of capacity 1: 100 slots a day.
  const { rows: [office] } = await db.query(`INSERT INTO office (code, name, address, city) VALUES ('BENCH', 'Bench', 'Via Roma 1', 'Bologna') RETURNING id`);
  await db.query('INSERT INTO office_settings (office_id, booking_horizon_days, min_notice_minutes) VALUES ($1, 60, 0)', [office.id]);
  const minutes = Math.ceil(SLOTS / 100) * 500;
  const end = `${String(8 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  for (let weekday = 1; weekday <= 7; weekday++) await db.query(`INSERT INTO opening_hours (office_id, weekday, start_time, end_time) VALUES ($1, $2, '08:00', $3)`, [office.id, weekday, end]);
  const service = async (code) => (await db.query(`INSERT INTO service (office_id, code, name_it, name_en, duration_minutes, capacity) VALUES ($1, $2, $2, $2, 5, 1) RETURNING id`, [office.id, code])).rows[0].id;
  const apiService = await service('RUSH');
  const sqlService = await service('RAW');

  const port = await freePort();
  api.process = spawn(process.execPath, [...(process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? []), API_MAIN], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', THROTTLE_LIMIT: '1000000', MAX_HOLDS_PER_CLIENT: '100', DB_POOL_SIZE: String(POOL), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}/api`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) break;
    } catch {
      if (i > 100) throw new Error('api did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  // The first day (from tomorrow on) that offers all the slots.
  const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 15 * 86_400_000).toISOString().slice(0, 10);
  const availability = await (await fetch(`${base}/availability?officeId=${office.id}&serviceId=${apiService}&from=${from}&to=${to}`)).json();
  const day = availability.days.find((d) => d.slots.length >= SLOTS);
  const starts = day.slots.slice(0, SLOTS).map((s) => s.start);
  const pick = (i) => starts[(i * 7919) % SLOTS]; // every slot wanted about equally

  // Warm up both paths (JIT, connections) on another day.
  const warmDay = availability.days.find((d) => d !== day && d.slots.length > 0);
  await Promise.all(Array.from({ length: 50 }, (_, i) => fetch(`${base}/availability?officeId=${office.id}&serviceId=${apiService}&from=${warmDay.date}&to=${warmDay.date}`).then((r) => r.text())));

  // 1. Through the HTTP API.
  const statuses = {};
  const apiLatencies = [];
  const apiStart = performance.now();
  await Promise.all(
    Array.from({ length: CITIZENS }, async (_, i) => {
      const t = performance.now();
      const response = await fetch(`${base}/appointments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ officeId: office.id, serviceId: apiService, start: pick(i), citizen: { firstName: 'Anna', lastName: 'Bianchi', fiscalCode: fiscalCode(i), email: `c${i}@example.it` }, language: 'it', privacyAccepted: true }),
      });
      await response.arrayBuffer();
      apiLatencies.push(performance.now() - t);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }),
  );
  const apiTotal = performance.now() - apiStart;

  // 2. The same contention as raw SQL: one transaction per attempt.
  let sqlBooked = 0;
  const sqlLatencies = [];
  const sqlStart = performance.now();
  await Promise.all(
    Array.from({ length: CITIZENS }, async (_, i) => {
      const t = performance.now();
      const client = await db.connect();
      try {
        const start = new Date(pick(i));
        const endAt = new Date(start.getTime() + 5 * 60_000);
        const id = randomUUID();
        await client.query('BEGIN');
        await client.query(`INSERT INTO slot_seat (service_id, start_at, seat_no, office_id, end_at) SELECT $1, $2, g, $3, $4 FROM generate_series(1, 1) g ON CONFLICT DO NOTHING`, [sqlService, start, office.id, endAt]);
        const seat = await client.query(
          `UPDATE slot_seat s SET claim_kind = 'APPOINTMENT', claim_id = $3 WHERE (s.service_id, s.start_at, s.seat_no) =
             (SELECT service_id, start_at, seat_no FROM slot_seat WHERE service_id = $1 AND start_at = $2 AND claim_kind IS NULL LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING seat_no`,
          [sqlService, start, id],
        );
        if (seat.rowCount === 1) {
          await client.query(
            `INSERT INTO appointment (id, code, office_id, service_id, start_at, end_at, first_name, last_name, fiscal_code, email, language, privacy_accepted_at)
             VALUES ($1, $2, $3, $4, $5, $6, 'Anna', 'Bianchi', $7, $8, 'it', now())`,
            [id, `RAW-${i}`, office.id, sqlService, start, endAt, fiscalCode(i), `c${i}@example.it`],
          );
          sqlBooked++;
        }
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      sqlLatencies.push(performance.now() - t);
    }),
  );
  const sqlTotal = performance.now() - sqlStart;

  const overbooked = async (serviceId) =>
    (await db.query(`SELECT count(*)::int AS n FROM (SELECT start_at FROM appointment WHERE service_id = $1 AND status = 'BOOKED' GROUP BY start_at HAVING count(*) > 1) x`, [serviceId])).rows[0].n;
  const apiRows = (await db.query(`SELECT count(*)::int AS n FROM appointment WHERE service_id = $1`, [apiService])).rows[0].n;
  const result = {
    citizens: CITIZENS,
    slots: SLOTS,
    pool: POOL,
    api: summary('HTTP API', apiLatencies, apiTotal, { statuses, booked: apiRows, overbookedSlots: await overbooked(apiService), server5xx: Object.entries(statuses).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0) }),
    sql: summary('raw SQL', sqlLatencies, sqlTotal, { booked: sqlBooked, overbookedSlots: await overbooked(sqlService) }),
  };
  result.ratio = { time: +(apiTotal / sqlTotal).toFixed(2), throughput: +(result.api.perSecond / result.sql.perSecond).toFixed(2), p99: +(result.api.p99 / result.sql.p99).toFixed(2) };
  console.log(JSON.stringify(result, null, 2));
  const ok = apiRows === SLOTS && result.api.overbookedSlots === 0 && result.api.server5xx === 0 && (statuses[201] ?? 0) === SLOTS;
  console.log(ok ? `OK: exactly ${SLOTS} booked, none overbooked, no 5xx` : 'FAILED: see above');
  await db.end();
  process.exitCode = ok ? 0 : 1;
} finally {
  if (api.process) {
    api.process.kill('SIGTERM');
    await new Promise((r) => api.process.on('exit', r));
  }
  await server.stop();
}
