// Steady booking load: an open-loop generator sends R booking attempts per second for S
// seconds (each at its scheduled time, whether or not earlier ones have answered) to the
// HTTP API, spread over a month of slots of capacity 1, so some succeed and some find the
// slot taken. Prints statuses and latency percentiles.
//   node tools/bench/booking-steady.mjs [--rate 300] [--seconds 30]
import { fiscalCode } from '../../libs/domain/testing/fiscal-codes.cjs';
import { arg, percentile, request, seedBenchOffice, startBenchApi, startBenchDatabase } from './harness.mjs';

const RATE = arg('rate', 300);
const SECONDS = arg('seconds', 30);

const bench = await startBenchDatabase(20);
let api;
try {
  const { officeId, service } = await seedBenchOffice(bench.db, 100, 20);
  const serviceId = await service('STEADY');
  api = await startBenchApi(bench.url, { DB_POOL_SIZE: '20', MAX_ACTIVE_PER_CF: '50' });
  const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
  const availability = await (await fetch(`${api.base}/availability?officeId=${officeId}&serviceId=${serviceId}&from=${from}&to=${to}`)).json();
  const starts = availability.days.flatMap((d) => d.slots.map((s) => s.start));
  const attempt = async (i) => {
    const t = performance.now();
    // One connection per attempt: every attempt is another citizen.
    const response = await request(`${api.base}/appointments`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        officeId,
        serviceId,
        start: starts[(i * 7919) % starts.length],
        citizen: { firstName: 'Anna', lastName: 'Bianchi', fiscalCode: fiscalCode(i), email: `c${i}@example.it` },
        language: 'it',
        privacyAccepted: true,
      }),
    });
    return { status: response.status, ms: performance.now() - t };
  };
  /** A request that never got an answer (the api fell so far behind that connecting timed out) counts as 'error'. */
  const attemptOrError = (i) => attempt(i).catch(() => ({ status: 'error', ms: Infinity }));
  // Warm-up at a tenth of the rate.
  await Promise.all(Array.from({ length: RATE / 10 }, (_, i) => attempt(1_000_000 + i)));

  const total = RATE * SECONDS;
  const results = [];
  const started = performance.now();
  const pending = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(attemptOrError(i).then((r) => results.push(r)));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
  const statuses = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  console.log(
    JSON.stringify(
      {
        rate: RATE,
        seconds: SECONDS,
        attempts: total,
        achievedPerSecond: Math.round(total / elapsed),
        statuses,
        latencyMs: {
          p50: +percentile(sorted, 50).toFixed(1),
          p95: +percentile(sorted, 95).toFixed(1),
          p99: +percentile(sorted, 99).toFixed(1),
          max: +sorted[sorted.length - 1].toFixed(1),
        },
      },
      null,
      2,
    ),
  );
} finally {
  await api?.stop();
  await bench.stop();
}
