// Availability reads: C clients each fetch one service's month calendar in a loop for S
// seconds through the HTTP API; then the same clients run the bare SQL behind it (the
// version check and the places taken in the month) over `pg` the same way. Prints
// requests/s and p50/p95/p99 of both and the throughput ratio.
//   node tools/bench/availability-reads.mjs [--clients 50] [--seconds 30] [--booked 300]
import { fiscalCode } from '../../libs/domain/testing/fiscal-codes.cjs';
import { arg, percentile, request, seedBenchOffice, startBenchApi, startBenchDatabase } from './harness.mjs';

const CLIENTS = arg('clients', 50);
const SECONDS = arg('seconds', 30);
const BOOKED = arg('booked', 300);

async function closedLoop(run) {
  const latencies = [];
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        await run();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: sorted.length,
    perSecond: Math.round(sorted.length / SECONDS),
    p50: +percentile(sorted, 50).toFixed(1),
    p95: +percentile(sorted, 95).toFixed(1),
    p99: +percentile(sorted, 99).toFixed(1),
  };
}

const bench = await startBenchDatabase(20);
const apis = [];
try {
  const { db } = bench;
  // Opening 08:00–16:20 every day with a 20-minute service: 25 slots a day, as at a real counter.
  const { officeId, service } = await seedBenchOffice(db, 100, 20);
  const serviceId = await service('MONTH');
  apis.push(await startBenchApi(bench.url, { DB_POOL_SIZE: '20' }));
  const base = apis[0].base;
  // A month with some places taken, as in real use.
  const first = new Date(Date.now() + 86_400_000);
  const from = first.toISOString().slice(0, 10);
  const to = new Date(first.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  const month = `${base}/availability?officeId=${officeId}&serviceId=${serviceId}&from=${from}&to=${to}`;
  const initial = await (await fetch(month)).json();
  const starts = initial.days.flatMap((d) => d.slots.map((s) => s.start));
  for (let i = 0; i < BOOKED && i < starts.length; i++) {
    await fetch(`${base}/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        officeId,
        serviceId,
        start: starts[(i * 37) % starts.length],
        citizen: { firstName: 'Anna', lastName: 'Bianchi', fiscalCode: fiscalCode(i), email: `c${i}@example.it` },
        language: 'it',
        privacyAccepted: true,
      }),
    });
  }
  // Warm-up.
  await Promise.all(Array.from({ length: 100 }, () => fetch(month).then((r) => r.arrayBuffer())));

  const api = await closedLoop(async () => {
    // Keep-alive connections, as a browser's.
    const response = await request(month);
    if (response.status !== 200) throw new Error(`availability answered ${response.status}`);
  });
  const windowStart = new Date(`${from}T00:00:00+01:00`);
  const windowEnd = new Date(`${to}T23:59:59+01:00`);
  // The one statement behind the answer (see CalendarRepository.takenSignature): the
  // configuration counter and the places taken per slot, as one text.
  const sql = await closedLoop(async () => {
    await db.query(
      `SELECT (SELECT version FROM office_config_version WHERE office_id = $1) AS version,
              coalesce(string_agg(ms || ':' || taken, ',' ORDER BY ms), '') AS signature
         FROM (SELECT (extract(epoch FROM start_at) * 1000)::bigint AS ms, count(*) AS taken FROM slot_seat
                WHERE service_id = $2 AND start_at >= $3 AND start_at < $4 AND seat_no <= $5
                  AND (claim_kind = 'APPOINTMENT' OR (claim_kind = 'HOLD' AND claim_expires_at > now()))
                GROUP BY start_at) AS t`,
      [officeId, serviceId, windowStart, windowEnd, 1],
    );
  });
  console.log(
    JSON.stringify(
      {
        clients: CLIENTS,
        seconds: SECONDS,
        slotsInMonth: starts.length,
        booked: BOOKED,
        api,
        sql,
        throughputRatio: +(api.perSecond / sql.perSecond).toFixed(2),
      },
      null,
      2,
    ),
  );
} finally {
  for (const api of apis) await api.stop();
  await bench.stop();
}
