// Call-next → display latency: D desks call tickets one after another while C display
// clients listen on Server-Sent Events (split across the api instances when I > 1).
// For every call, the time from sending POST /call-next to each client receiving the
// "CALLED" event is measured; prints p50/p95/p99 over all (call, client) pairs.
//   node tools/bench/queue-calls.mjs [--calls 200] [--desks 10] [--clients 50] [--instances 1]
import { hash } from '@node-rs/argon2';
import { arg, percentile, seedBenchOffice, startBenchApi, startBenchDatabase } from './harness.mjs';

const CALLS = arg('calls', 200);
const DESKS = arg('desks', 10);
const CLIENTS = arg('clients', 50);
const INSTANCES = arg('instances', 1);
const PASSWORD = 'bench-password-123';

/** Minimal cookie-keeping staff client. */
async function login(base, username) {
  const response = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login answered ${response.status}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
  const xsrf = cookies.find((c) => c.startsWith('XSRF-TOKEN='))?.split('=')[1];
  return (path, body = {}) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-xsrf-token': xsrf },
      body: JSON.stringify(body),
    });
}

/** An SSE reader calling `onEvent(type, data, receivedAt)` for each event. */
async function listen(url, onEvent, signal) {
  const response = await fetch(url, { headers: { accept: 'text/event-stream' }, signal });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: ?(.*)$/m.exec(block)?.[1];
          const data = /^data: ?(.*)$/m.exec(block)?.[1];
          if (type && data) onEvent(type, JSON.parse(data), performance.now());
        }
      }
    } catch {
      // aborted at the end
    }
  })();
}

const bench = await startBenchDatabase(10);
const apis = [];
const abort = new AbortController();
try {
  const { db } = bench;
  const { officeId, service } = await seedBenchOffice(db, 100);
  const serviceId = await service('QUEUE');
  await db.query(`UPDATE service SET ticket_prefix = 'C' WHERE id = $1`, [serviceId]);
  const desks = [];
  for (let number = 1; number <= DESKS; number++) {
    const { rows } = await db.query(`INSERT INTO desk (office_id, number, name) VALUES ($1, $2, $3) RETURNING id`, [officeId, number, `Sportello ${number}`]);
    await db.query('INSERT INTO desk_service (desk_id, service_id) VALUES ($1, $2)', [rows[0].id, serviceId]);
    desks.push(rows[0].id);
  }
  const {
    rows: [user],
  } = await db.query(`INSERT INTO staff_user (username, display_name, role, password_hash) VALUES ('bench', 'Bench', 'operator', $1) RETURNING id`, [
    await hash(PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 }),
  ]);
  await db.query('INSERT INTO staff_user_office (staff_user_id, office_id) VALUES ($1, $2)', [user.id, officeId]);

  for (let i = 0; i < INSTANCES; i++) apis.push(await startBenchApi(bench.url, { DB_POOL_SIZE: '10' }));
  const post = await login(apis[0].base, 'bench');

  // Display clients, spread over the instances; each records when it saw each ticket called.
  const seen = new Map(); // ticketId → array of receive times
  let connected = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) =>
      listen(
        `${apis[i % apis.length].base}/offices/${officeId}/events`,
        (type, data, at) => {
          if (type === 'ready') return;
          if (type === 'ticket' && data.event === 'CALLED') {
            const list = seen.get(data.ticketId) ?? [];
            list.push(at);
            seen.set(data.ticketId, list);
          }
        },
        abort.signal,
      ).then(() => connected++),
    ),
  );

  // Tickets first (not measured), then the calls: desks take turns, one call at a time in flight per desk.
  for (let i = 0; i < CALLS; i++) if ((await post(`/offices/${officeId}/tickets`, { serviceId })).status !== 201) throw new Error('ticket refused');
  const latencies = [];
  const lost = { events: 0 };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    desks.map(async (desk) => {
      while (next < CALLS) {
        next++;
        const sent = performance.now();
        const response = await post(`/desks/${desk}/call-next`);
        if (response.status === 204) break;
        const ticket = await response.json();
        // Wait until every client has it (or 2 s), then record each client's latency.
        const deadline = sent + 2000;
        while ((seen.get(ticket.id)?.length ?? 0) < CLIENTS && performance.now() < deadline) await new Promise((r) => setTimeout(r, 2));
        const times = seen.get(ticket.id) ?? [];
        lost.events += CLIENTS - times.length;
        latencies.push(...times.map((t) => t - sent));
        await post(`/desks/${desk}/complete`, { outcome: 'INFO_ONLY' });
      }
    }),
  );
  const total = performance.now() - started;
  const sorted = latencies.sort((a, b) => a - b);
  const result = {
    calls: CALLS,
    desks: DESKS,
    displayClients: connected,
    instances: INSTANCES,
    measurements: sorted.length,
    missingEvents: lost.events,
    totalSeconds: +(total / 1000).toFixed(2),
    latencyMs: {
      p50: +percentile(sorted, 50).toFixed(1),
      p95: +percentile(sorted, 95).toFixed(1),
      p99: +percentile(sorted, 99).toFixed(1),
      max: +sorted[sorted.length - 1].toFixed(1),
    },
  };
  console.log(JSON.stringify(result, null, 2));
  process.exitCode = lost.events === 0 ? 0 : 1;
} finally {
  abort.abort();
  for (const api of apis) await api.stop();
  await bench.stop();
}
