// The mandate summary over one million recorded ticket events.
//
// Seeds an embedded PostgreSQL (schema migrated by the built api) with one office and
// the tickets, appointments and ticket events of a busy desk over the mandate June 2019 –
// May 2024: exactly --events ticket events (default 1,000,000) with their tickets, plus
// appointments (cancelled and missed ones too). Then times
//   GET /api/stats/summary?from=2019-06-01&to=2024-05-31&officeId=…
// over HTTP (--runs runs after one warm-up, p50 reported) and, as the baseline, the same
// figures computed by hand-written SQL over `pg` in this process.
//   node tools/bench/stats-million.mjs [--events 1000000] [--runs 9]
import { hash } from '@node-rs/argon2';
import { arg, percentile, startBenchApi, startBenchDatabase } from './harness.mjs';

const EVENTS = arg('events', 1_000_000);
const RUNS = arg('runs', 9);
const PASSWORD = 'bench-password-123';
const FROM = '2019-06-01';
const TO = '2024-05-31';

/**
 * Ticket i follows a pattern: every 20th a no-show (ISSUED, CALLED, NO_SHOW: 3 events),
 * i % 10 = 5 served after a recall (CHECKED_IN/ISSUED, CALLED, RECALLED, STARTED,
 * COMPLETED: 5), the others served (4). One last ticket takes the remainder (1–4 events).
 */
const eventsOf = (i) => (i % 20 === 0 ? 3 : i % 10 === 5 ? 5 : 4);
let tickets = 0;
let events = 0;
while (events + eventsOf(tickets) <= EVENTS) events += eventsOf(tickets++);
const remainder = EVENTS - events;

const ms = (t0) => Math.round(performance.now() - t0);
const log = (...parts) => console.log(...parts);

const bench = await startBenchDatabase(4);
let api;
try {
  const { db } = bench;
  const seedStart = performance.now();
  const {
    rows: [office],
  } = await db.query(
    `INSERT INTO office (code, name, address, city, time_zone) VALUES ('BENCH', 'Bench URP', 'Via Roma 1', 'Bologna', 'Europe/Rome') RETURNING id`,
  );
  await db.query(`INSERT INTO office_settings (office_id, mandate_start, mandate_end) VALUES ($1, $2, $3)`, [office.id, FROM, TO]);
  const outcomes = {
    CIE: [
      { code: 'CIE_REQUEST_TAKEN', it: 'Richiesta CIE acquisita', en: 'CIE request taken' },
      { code: 'CIE_INCOMPLETE', it: 'Incompleta', en: 'Incomplete' },
    ],
    SPID: [{ code: 'SPID_RECOGNISED', it: 'Riconosciuto', en: 'Recognised' }],
    RESIDENZA: [{ code: 'RESIDENCY_RECEIVED', it: 'Ricevuta', en: 'Received' }],
  };
  const service = {};
  for (const [code, prefix] of [
    ['CIE', 'C'],
    ['SPID', 'S'],
    ['RESIDENZA', 'R'],
  ]) {
    const { rows } = await db.query(
      `INSERT INTO service (office_id, code, name_it, name_en, duration_minutes, capacity, ticket_prefix, outcomes) VALUES ($1, $2, $2, $2, 20, 2, $3, $4) RETURNING id`,
      [office.id, code, prefix, JSON.stringify(outcomes[code])],
    );
    service[code] = rows[0].id;
  }
  const {
    rows: [manager],
  } = await db.query(`INSERT INTO staff_user (username, display_name, role, password_hash) VALUES ('bench', 'Bench', 'manager', $1) RETURNING id`, [
    await hash(PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 }),
  ]);
  await db.query('INSERT INTO staff_user_office (staff_user_id, office_id) VALUES ($1, $2)', [manager.id, office.id]);

  // Tickets: spread in order over the open days (Monday–Saturday) of the mandate, 08:30–12:30 local time.
  await db.query(
    `CREATE TEMP TABLE bench_day AS
    SELECT row_number() OVER (ORDER BY d) - 1 AS n, d::date AS day FROM generate_series($1::date, $2::date, interval '1 day') d WHERE extract(isodow FROM d) < 7`,
    [FROM, TO],
  );
  const {
    rows: [{ days }],
  } = await db.query('SELECT count(*)::int AS days FROM bench_day');
  await db.query(
    `CREATE TEMP TABLE bench_ticket AS
     SELECT i, gen_random_uuid() AS id, d.day,
            CASE WHEN i % 9 = 0 THEN 'WALK_IN' ELSE 'APPOINTMENT' END AS kind,
            CASE WHEN i % 10 < 6 THEN 'CIE' WHEN i % 10 < 9 THEN 'SPID' ELSE 'RESIDENZA' END AS service,
            CASE WHEN i % 20 = 0 THEN 'NO_SHOW' ELSE 'DONE' END AS status,
            ((d.day + time '08:30' + make_interval(mins => (i * 7) % 240)) AT TIME ZONE 'Europe/Rome') AS queued_at,
            1 + (i * 37) % 40 AS wait, 5 + (i * 13) % 25 AS service_minutes
       FROM generate_series(0, $1::int - 1) AS i JOIN bench_day d ON d.n = (i::bigint * $2::int) / $1::int`,
    [tickets, days],
  );
  await db.query(
    `INSERT INTO appointment (id, code, office_id, service_id, start_at, end_at, first_name, last_name, fiscal_code, fiscal_code_key, email, email_key, language, privacy_accepted_at, status)
     SELECT t.id, 'BEN-' || t.i, $1, s.id, t.queued_at + interval '5 minutes', t.queued_at + interval '25 minutes', 'Nome', 'Cognome', 'XXXXXXXXXXXXXXXX', 'XXXXXXXXXXXXXXX', 'b@example.it', 'b@example.it', 'it', t.queued_at, 'BOOKED'
       FROM bench_ticket t JOIN service s ON s.office_id = $1 AND s.code = t.service WHERE t.kind = 'APPOINTMENT'`,
    [office.id],
  );
  // Appointments without a ticket: one in 20 cancelled, one in 40 never came.
  await db.query(
    `INSERT INTO appointment (id, code, office_id, service_id, start_at, end_at, first_name, last_name, fiscal_code, fiscal_code_key, email, email_key, language, privacy_accepted_at, status, cancel_reason, cancelled_at)
     SELECT gen_random_uuid(), 'BEX-' || t.i, $1, s.id, t.queued_at + interval '10 minutes', t.queued_at + interval '30 minutes', 'Nome', 'Cognome', 'XXXXXXXXXXXXXXXX', 'XXXXXXXXXXXXXXX', 'b@example.it', 'b@example.it', 'it', t.queued_at,
            CASE WHEN t.i % 20 = 1 THEN 'CANCELLED' ELSE 'BOOKED' END, CASE WHEN t.i % 20 = 1 THEN 'CITIZEN' END, CASE WHEN t.i % 20 = 1 THEN t.queued_at - interval '2 days' END
       FROM bench_ticket t JOIN service s ON s.office_id = $1 AND s.code = t.service WHERE t.i % 20 = 1 OR t.i % 40 = 2`,
    [office.id],
  );
  await db.query(
    `INSERT INTO ticket (id, office_id, service_id, day, prefix, number, display_number, kind, appointment_id, status, queued_at, first_called_at, called_at, started_at, completed_at, call_count, outcome)
     SELECT t.id, $1, s.id, t.day, s.ticket_prefix, n.number, s.ticket_prefix || lpad(n.number::text, 3, '0'), t.kind,
            CASE WHEN t.kind = 'APPOINTMENT' THEN t.id END, t.status, t.queued_at,
            t.queued_at + make_interval(mins => t.wait), t.queued_at + make_interval(mins => t.wait),
            CASE WHEN t.status = 'DONE' THEN t.queued_at + make_interval(mins => t.wait + 1) END,
            t.queued_at + make_interval(mins => t.wait + 1 + CASE WHEN t.status = 'DONE' THEN t.service_minutes ELSE 0 END),
            CASE WHEN t.i % 10 = 5 THEN 2 ELSE 1 END,
            CASE WHEN t.status <> 'DONE' THEN NULL WHEN t.service = 'CIE' AND t.i % 7 = 0 THEN 'CIE_INCOMPLETE' WHEN t.service = 'CIE' THEN 'CIE_REQUEST_TAKEN'
                 WHEN t.service = 'SPID' THEN 'SPID_RECOGNISED' ELSE 'RESIDENCY_RECEIVED' END
       FROM bench_ticket t JOIN service s ON s.office_id = $1 AND s.code = t.service
       JOIN (SELECT i, row_number() OVER (PARTITION BY day, service ORDER BY i) AS number FROM bench_ticket) n ON n.i = t.i`,
    [office.id],
  );
  await db.query(
    `INSERT INTO ticket_event (ticket_id, office_id, service_id, type, at, staff_user_id, outcome)
     SELECT t.id, t.office_id, t.service_id, e.type, e.at, $2, e.outcome
       FROM ticket t JOIN bench_ticket b ON b.id = t.id
       CROSS JOIN LATERAL (VALUES
         (1, CASE WHEN t.kind = 'APPOINTMENT' THEN 'CHECKED_IN' ELSE 'ISSUED' END, t.queued_at, NULL),
         (2, 'CALLED', t.first_called_at, NULL),
         (3, CASE WHEN t.status = 'NO_SHOW' THEN 'NO_SHOW' WHEN b.i % 10 = 5 THEN 'RECALLED' END, t.first_called_at + interval '30 seconds', NULL),
         (4, CASE WHEN t.status = 'DONE' THEN 'STARTED' END, t.started_at, NULL),
         (5, CASE WHEN t.status = 'DONE' THEN 'COMPLETED' END, t.completed_at, t.outcome)
       ) AS e(step, type, at, outcome)
      WHERE t.office_id = $1 AND e.type IS NOT NULL`,
    [office.id, manager.id],
  );
  // The last ticket, still open, takes the remaining events (issued; called; …).
  if (remainder > 0) {
    const {
      rows: [last],
    } = await db.query(
      `INSERT INTO ticket (office_id, service_id, day, prefix, number, display_number, kind, status, queued_at, first_called_at, called_at, started_at)
       VALUES ($1, $2, $3, 'C', 999, 'C999', 'WALK_IN', $4, $5, $6, $6, $7) RETURNING id, queued_at`,
      [
        office.id,
        service.CIE,
        TO,
        ['WAITING', 'CALLED', 'CALLED', 'IN_SERVICE'][remainder - 1],
        `${TO}T10:00:00+02:00`,
        remainder >= 2 ? `${TO}T10:05:00+02:00` : null,
        remainder === 4 ? `${TO}T10:06:00+02:00` : null,
      ],
    );
    const types = ['ISSUED', 'CALLED', 'RECALLED', 'STARTED'].slice(0, remainder);
    for (const [k, type] of types.entries())
      await db.query(
        `INSERT INTO ticket_event (ticket_id, office_id, service_id, type, at) VALUES ($1, $2, $3, $4, $5::timestamptz + make_interval(mins => $6))`,
        [last.id, office.id, service.CIE, type, last.queued_at, k],
      );
  }
  // As autovacuum would leave a table written once: statistics and the visibility map.
  await db.query('VACUUM ANALYZE');
  const {
    rows: [counts],
  } = await db.query(
    `SELECT (SELECT count(*)::int FROM ticket_event) AS events, (SELECT count(*)::int FROM ticket) AS tickets, (SELECT count(*)::int FROM appointment) AS appointments`,
  );
  if (counts.events !== EVENTS) throw new Error(`seeded ${counts.events} events, expected ${EVENTS}`);
  log(
    `seeded ${counts.events.toLocaleString('en')} ticket events, ${counts.tickets.toLocaleString('en')} tickets, ${counts.appointments.toLocaleString('en')} appointments over ${days} open days in ${(ms(seedStart) / 1000).toFixed(1)} s`,
  );

  api = await startBenchApi(bench.url, { DB_POOL_SIZE: '10', RETENTION_DAYS: '3650' });
  const login = await fetch(`${api.base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login answered ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const url = `${api.base}/stats/summary?from=${FROM}&to=${TO}&officeId=${office.id}`;

  const http = async () => {
    const t0 = performance.now();
    const response = await fetch(url, { headers: { cookie, accept: 'application/json' } });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`summary answered ${response.status}: ${JSON.stringify(body)}`);
    return { time: performance.now() - t0, body };
  };

  // Baseline: the same figures by hand-written SQL (one statement), over pg in this process.
  const baselineSql = `
    WITH t AS (
      SELECT count(*) FILTER (WHERE status = 'DONE' AND kind = 'APPOINTMENT') AS attended,
             count(*) FILTER (WHERE status = 'DONE' AND kind = 'WALK_IN') AS walk_ins,
             count(*) FILTER (WHERE status = 'DONE' AND outcome = 'CIE_REQUEST_TAKEN') AS cie,
             count(*) FILTER (WHERE status = 'DONE' AND outcome = 'SPID_RECOGNISED') AS spid,
             count(*) FILTER (WHERE status = 'DONE' AND outcome = 'RESIDENCY_RECEIVED') AS residency,
             avg(date_part('epoch', first_called_at - queued_at)) / 60 AS avg_wait,
             percentile_disc(0.9) WITHIN GROUP (ORDER BY date_part('epoch', first_called_at - queued_at)) / 60 AS p90_wait,
             avg(date_part('epoch', completed_at - started_at)) FILTER (WHERE status = 'DONE') / 60 AS avg_service
        FROM ticket WHERE office_id = $1 AND day BETWEEN $2 AND $3),
    a AS (
      SELECT count(*) FILTER (WHERE a.status = 'CANCELLED') AS cancelled,
             count(*) FILTER (WHERE a.status = 'BOOKED' AND (tk.status = 'NO_SHOW' OR (tk.id IS NULL AND a.start_at < now() - interval '15 minutes'))) AS no_shows
        FROM appointment a LEFT JOIN ticket tk ON tk.appointment_id = a.id
       WHERE a.office_id = $1 AND a.start_at >= ($2::date::timestamp AT TIME ZONE 'Europe/Rome') AND a.start_at < (($3::date + 1)::timestamp AT TIME ZONE 'Europe/Rome'))
    SELECT * FROM t, a, (SELECT coalesce(sum(value), 0) AS monthly FROM stats_monthly WHERE office_id = $1 AND month BETWEEN '2019-06' AND '2024-05') m`;
  const sql = async () => {
    const t0 = performance.now();
    const { rows } = await db.query(baselineSql, [office.id, FROM, TO]);
    return { time: performance.now() - t0, row: rows[0] };
  };

  const first = await http();
  const base = await sql();
  const s = first.body;
  const b = base.row;
  const agree =
    s.appointmentsAttended === Number(b.attended) &&
    s.walkIns === Number(b.walk_ins) &&
    s.cieIssued === Number(b.cie) &&
    s.noShows === Number(b.no_shows) &&
    s.cancelled === Number(b.cancelled) &&
    s.p90WaitMinutes === Number(b.p90_wait);
  if (!agree) throw new Error(`api and baseline disagree: ${JSON.stringify({ api: s, sql: b })}`);
  const httpTimes = [];
  const sqlTimes = [];
  for (let run = 0; run < RUNS; run++) {
    httpTimes.push((await http()).time);
    sqlTimes.push((await sql()).time);
  }
  // Shorter periods read only their days through the (office_id, day) and (office_id, start_at) indexes.
  const shorter = {};
  for (const [label, from, to] of [
    ['a year (2023)', '2023-01-01', '2023-12-31'],
    ['a month (March 2024)', '2024-03-01', '2024-03-31'],
  ]) {
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const response = await fetch(`${api.base}/stats/summary?from=${from}&to=${to}&officeId=${office.id}`, {
        headers: { cookie, accept: 'application/json' },
      });
      await response.json();
      times.push(performance.now() - t0);
    }
    shorter[label] = times.sort((x, y) => x - y);
  }
  httpTimes.sort((x, y) => x - y);
  sqlTimes.sort((x, y) => x - y);
  const p50 = (list) => percentile(list, 50);
  log(
    `summary: ${s.appointmentsAttended.toLocaleString('en')} attended, ${s.walkIns.toLocaleString('en')} walk-ins, ${s.noShows.toLocaleString('en')} no-shows, ${s.cancelled.toLocaleString('en')} cancelled, wait avg ${s.avgWaitMinutes} / p90 ${s.p90WaitMinutes} min, service avg ${s.avgServiceMinutes} min (baseline agrees)`,
  );
  log('');
  log(`| ${RUNS} runs after a warm-up | p50 | min | max |`);
  log('|---|---|---|---|');
  log(`| GET /api/stats/summary (mandate, HTTP) | ${p50(httpTimes).toFixed(0)} ms | ${httpTimes[0].toFixed(0)} ms | ${httpTimes.at(-1).toFixed(0)} ms |`);
  log(`| raw SQL baseline (one statement, pg) | ${p50(sqlTimes).toFixed(0)} ms | ${sqlTimes[0].toFixed(0)} ms | ${sqlTimes.at(-1).toFixed(0)} ms |`);
  log(`| ratio API / SQL | ${(p50(httpTimes) / p50(sqlTimes)).toFixed(2)}× | | |`);
  for (const [label, times] of Object.entries(shorter))
    log(`| GET /api/stats/summary for ${label} | ${p50(times).toFixed(0)} ms | ${times[0].toFixed(0)} ms | ${times.at(-1).toFixed(0)} ms |`);
} finally {
  await api?.stop();
  await bench.stop();
}
