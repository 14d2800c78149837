// Shared set-up of the benchmarks: embedded PostgreSQL with the migrated schema, a bench
// office open every day, and api processes (the built dist/api/main.js) on free ports.
import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../db/embedded.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const API_MAIN = path.join(ROOT, 'dist/api/main.js');

export const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Embedded PostgreSQL in a temporary directory with the schema migrated by the built api. */
export async function startBenchDatabase(pool) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sportello-bench-'));
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  await server.createDatabase('bench');
  const url = server.url('bench');
  execFileSync(process.execPath, [API_MAIN, 'migrate'], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' }, stdio: 'inherit' });
  const db = new pg.Pool({ connectionString: url, max: pool });
  db.on('error', () => undefined); // idle connections dropped when the server stops
  return {
    server,
    url,
    db,
    async stop() {
      await db.end();
      await server.stop();
    },
  };
}

/** An office open every day 08:00 for 500 minutes per 100 slots wanted; services of `durationMinutes` (5: 100 slots a day) and capacity 1. */
export async function seedBenchOffice(db, slotsPerDay, durationMinutes = 5) {
  const {
    rows: [office],
  } = await db.query(`INSERT INTO office (code, name, address, city) VALUES ('BENCH', 'Bench', 'Via Roma 1', 'Bologna') RETURNING id`);
  await db.query('INSERT INTO office_settings (office_id, booking_horizon_days, min_notice_minutes) VALUES ($1, 60, 0)', [office.id]);
  const minutes = Math.ceil(slotsPerDay / 100) * 500;
  const end = `${String(8 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  for (let weekday = 1; weekday <= 7; weekday++)
    await db.query(`INSERT INTO opening_hours (office_id, weekday, start_time, end_time) VALUES ($1, $2, '08:00', $3)`, [office.id, weekday, end]);
  const service = async (code, capacity = 1) =>
    (
      await db.query(`INSERT INTO service (office_id, code, name_it, name_en, duration_minutes, capacity) VALUES ($1, $2, $2, $2, $3, $4) RETURNING id`, [
        office.id,
        code,
        durationMinutes,
        capacity,
      ])
    ).rows[0].id;
  return { officeId: office.id, service };
}

/** Starts the built api on a free port and resolves once /api/health/ready answers 200. */
export async function startBenchApi(url, env = {}, nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? []) {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, API_MAIN], {
    // E-mail off unless asked for (MAIL_POLL_SECONDS): sending would compete for the CPU being measured.
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      THROTTLE_LIMIT: '1000000',
      BOOKING_CHALLENGE: 'off',
      LOG_LEVEL: 'warn',
      MAIL_POLL_SECONDS: '3600',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}/api`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) break;
    } catch {
      if (i > 100 || child.exitCode !== null) throw new Error('api did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // Several workers (API_WORKERS): wait until each holds the listening socket.
  const workers = Number(env.API_WORKERS ?? process.env.API_WORKERS ?? 1);
  for (let i = 0; workers > 1 && listeningWorkers(child.pid, port) < workers; i++) {
    if (i > 100) throw new Error('api workers did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    pid: child.pid,
    /** CPU time (user + system) the api process has used so far, in milliseconds. */
    cpuMs: () => processCpuMs(child.pid),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.on('exit', r));
    },
  };
}

/** Every process on the machine from /proc/PID/stat (Linux): pid, command name, parent and CPU time in ms. */
function processes() {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // After the parenthesised command name: state, ppid, …; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
    found.push({ pid: Number(entry), command: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ppid: Number(fields[1]), cpuMs });
  }
  return found;
}
const CLOCK_TICKS_PER_SECOND = 100;

/** Child processes of `pid` holding a socket listening on `port` (Linux /proc). */
function listeningWorkers(pid, port) {
  const hexPort = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const inodes = new Set(
    readFileSync('/proc/net/tcp', 'utf8')
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[1]?.endsWith(hexPort) && cols[3] === '0A') // 0A: LISTEN
      .map((cols) => cols[9]),
  );
  const holdsSocket = (child) => {
    try {
      return readdirSync(`/proc/${child}/fd`).some((fd) => inodes.has(readlinkSync(`/proc/${child}/fd/${fd}`).replace(/^socket:\[(\d+)\]$/, '$1')));
    } catch {
      return false; // ended meanwhile
    }
  };
  return processes().filter((p) => p.ppid === pid && holdsSocket(p.pid)).length;
}

/** CPU time of every PostgreSQL server process on the machine (the benchmark's own is the only busy one), in milliseconds. */
export function postgresCpuMs() {
  return processes()
    .filter((p) => p.command.startsWith('postgres'))
    .reduce((sum, p) => sum + p.cpuMs, 0);
}

/** CPU time (user + system) of a process and its children (cluster workers), in milliseconds. */
export function processCpuMs(pid) {
  return processes()
    .filter((p) => p.pid === pid || p.ppid === pid)
    .reduce((sum, p) => sum + p.cpuMs, 0);
}

/**
 * A lean HTTP client for the load generators: node:http is about a third of fetch's CPU per
 * request (measured: 0.43–0.58 ms vs 1.46 ms), and the generator shares the two cores with
 * the api and PostgreSQL. Sends Accept-Encoding like a browser but does not decompress: only
 * the status and the arrival of the whole body matter. `agent: false` opens a connection
 * per request (distinct citizens); pass a keep-alive agent for clients that loop.
 */
export function request(url, { method = 'GET', headers = {}, body, agent = keepAlive } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(body);
    const req = http.request(
      url,
      { method, agent, headers: { 'accept-encoding': 'gzip, deflate, br', ...headers, ...(payload ? { 'content-length': payload.length } : {}) } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** Free start times of one service: the first day (from tomorrow) that offers `count` of them. */
export async function freeStarts(base, officeId, serviceId, count) {
  const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 15 * 86_400_000).toISOString().slice(0, 10);
  const availability = await (await fetch(`${base}/availability?officeId=${officeId}&serviceId=${serviceId}&from=${from}&to=${to}`)).json();
  const day = availability.days.find((d) => d.slots.length >= count);
  if (!day) throw new Error(`no day with ${count} free slots`);
  return { day, otherDays: availability.days.filter((d) => d !== day), starts: day.slots.slice(0, count).map((s) => s.start) };
}
