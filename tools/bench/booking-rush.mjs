// Booking rush: N virtual citizens fire at once for S slots of capacity 1 through the
// HTTP API, then the same contention runs as raw SQL over `pg` (one transaction per
// attempt: create seats if missing, conditional update of a free seat, insert) as the
// baseline. Prints successes, 5xx, overbooking, latency percentiles and the ratios.
//   node tools/bench/booking-rush.mjs [--citizens 1000] [--slots 100] [--pool 20]
import { randomUUID } from 'node:crypto';
import { arg, freeStarts, percentile, postgresCpuMs, request, seedBenchOffice, startBenchApi, startBenchDatabase } from './harness.mjs';
import { fiscalCode } from '../../libs/domain/testing/fiscal-codes.cjs';

const CITIZENS = arg('citizens', 1000);
const SLOTS = arg('slots', 100);
// Places: over 100, slots of one day get several seats each (100 five-minute slots a day).
const CAPACITY = Math.ceil(SLOTS / 100);
const TIMES = SLOTS / CAPACITY;
if (!Number.isInteger(TIMES)) throw new Error('--slots over 100 must be a multiple of its hundreds');
const POOL = arg('pool', 20);

const summary = (name, latencies, totalMs, extra) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    name,
    attempts: latencies.length,
    totalMs: Math.round(totalMs),
    perSecond: Math.round((latencies.length / totalMs) * 1000),
    p50: Math.round(percentile(sorted, 50)),
    p95: Math.round(percentile(sorted, 95)),
    p99: Math.round(percentile(sorted, 99)),
    ...extra,
  };
};

const bench = await startBenchDatabase(POOL);
const api = { instance: null };
try {
  const { db } = bench;
  const { officeId, service } = await seedBenchOffice(db, TIMES);
  const office = { id: officeId };
  const apiService = await service('RUSH', CAPACITY);
  const sqlService = await service('RAW', CAPACITY);

  api.instance = await startBenchApi(bench.url, { MAX_HOLDS_PER_CLIENT: '100', DB_POOL_SIZE: String(POOL) });
  const base = api.instance.base;

  const { starts, otherDays } = await freeStarts(base, office.id, apiService, TIMES);
  const pick = (i) => starts[(i * 7919) % TIMES]; // every slot wanted about equally

  // Warm up both paths (JIT, connections) on another day.
  const warmDay = otherDays.find((d) => d.slots.length > 0);
  await Promise.all(
    Array.from({ length: 50 }, () =>
      fetch(`${base}/availability?officeId=${office.id}&serviceId=${apiService}&from=${warmDay.date}&to=${warmDay.date}`).then((r) => r.text()),
    ),
  );

  // 1. Through the HTTP API.
  const statuses = {};
  const apiLatencies = [];
  const apiStart = performance.now();
  const apiCpuStart = api.instance.cpuMs();
  const postgresCpuStart = postgresCpuMs();
  const generatorCpuStart = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CITIZENS }, async (_, i) => {
      const t = performance.now();
      // One connection per citizen, as thousands of browsers would open.
      const response = await request(`${base}/appointments`, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          officeId: office.id,
          serviceId: apiService,
          start: pick(i),
          citizen: { firstName: 'Anna', lastName: 'Bianchi', fiscalCode: fiscalCode(i), email: `c${i}@example.it` },
          language: 'it',
          privacyAccepted: true,
        }),
      });
      apiLatencies.push(performance.now() - t);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }),
  );
  const apiTotal = performance.now() - apiStart;
  const apiCpuPerAttempt = +((api.instance.cpuMs() - apiCpuStart) / CITIZENS).toFixed(2);
  const postgresCpuPerAttempt = +((postgresCpuMs() - postgresCpuStart) / CITIZENS).toFixed(2);
  const generatorCpu = process.cpuUsage(generatorCpuStart);
  const generatorCpuPerAttempt = +((generatorCpu.user + generatorCpu.system) / 1000 / CITIZENS).toFixed(2);

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
        await client.query(
          `INSERT INTO slot_seat (service_id, start_at, seat_no, office_id, end_at) SELECT $1, $2, g, $3, $4 FROM generate_series(1, $5::int) g ON CONFLICT DO NOTHING`,
          [sqlService, start, office.id, endAt, CAPACITY],
        );
        const seat = await client.query(
          `UPDATE slot_seat s SET claim_kind = 'APPOINTMENT', claim_id = $3 WHERE (s.service_id, s.start_at, s.seat_no) =
             (SELECT service_id, start_at, seat_no FROM slot_seat WHERE service_id = $1 AND start_at = $2 AND claim_kind IS NULL LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING seat_no`,
          [sqlService, start, id],
        );
        if (seat.rowCount === 1) {
          await client.query(
            `INSERT INTO appointment (id, code, office_id, service_id, start_at, end_at, first_name, last_name, fiscal_code, fiscal_code_key, email, email_key, language, privacy_accepted_at)
             VALUES ($1, $2, $3, $4, $5, $6, 'Anna', 'Bianchi', $7, left($7, 15), $8, $8, 'it', now())`,
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
    (
      await db.query(
        `SELECT count(*)::int AS n FROM (SELECT start_at FROM appointment WHERE service_id = $1 AND status = 'BOOKED' GROUP BY start_at HAVING count(*) > $2) x`,
        [serviceId, CAPACITY],
      )
    ).rows[0].n;
  const apiRows = (await db.query(`SELECT count(*)::int AS n FROM appointment WHERE service_id = $1`, [apiService])).rows[0].n;
  const result = {
    citizens: CITIZENS,
    places: SLOTS,
    slots: TIMES,
    seatsPerSlot: CAPACITY,
    pool: POOL,
    api: summary('HTTP API', apiLatencies, apiTotal, {
      statuses,
      cpuMsPerAttempt: { api: apiCpuPerAttempt, postgres: postgresCpuPerAttempt, generator: generatorCpuPerAttempt },
      booked: apiRows,
      overbookedSlots: await overbooked(apiService),
      server5xx: Object.entries(statuses)
        .filter(([s]) => Number(s) >= 500)
        .reduce((n, [, c]) => n + c, 0),
    }),
    sql: summary('raw SQL', sqlLatencies, sqlTotal, { booked: sqlBooked, overbookedSlots: await overbooked(sqlService) }),
  };
  result.ratio = {
    time: +(apiTotal / sqlTotal).toFixed(2),
    throughput: +(result.api.perSecond / result.sql.perSecond).toFixed(2),
    p99: +(result.api.p99 / result.sql.p99).toFixed(2),
  };
  console.log(JSON.stringify(result, null, 2));
  const ok = apiRows === SLOTS && result.api.overbookedSlots === 0 && result.api.server5xx === 0 && (statuses[201] ?? 0) === SLOTS;
  console.log(ok ? `OK: exactly ${SLOTS} booked, none overbooked, no 5xx` : 'FAILED: see above');
  process.exitCode = ok ? 0 : 1;
} finally {
  await api.instance?.stop();
  await bench.stop();
}
