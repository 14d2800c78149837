// Shared by `npm start` and `npm run dev`: the workspace paths, the database (embedded
// unless DATABASE_URL is set) and child processes that stop together.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../db/embedded.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA_DIR = path.join(ROOT, '.data');
export const DATABASE_NAME = 'sportello';
export const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

const started = Date.now();
export const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
export const say = (message) => console.log(`[sportello] ${message}`);

/** Runs a command to completion; on failure prints its output and exits. */
export function run(command, args, { env = {}, quiet = true } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...NX_ENV, ...env }, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (c) => (output += c));
    child.stderr?.on('data', (c) => (output += c));
    child.on('exit', (code) => {
      if (code === 0) return resolve(output);
      process.stderr.write(output);
      say(`${command} ${args.join(' ')} failed (exit ${code})`);
      process.exit(code ?? 1);
    });
  });
}

/**
 * The database to use: DATABASE_URL when set, otherwise an embedded PostgreSQL whose
 * data lives in .data/pg and is kept between runs.
 */
export async function openDatabase() {
  if (process.env.DATABASE_URL) {
    say('using the PostgreSQL at DATABASE_URL (no embedded server started)');
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  mkdirSync(DATA_DIR, { recursive: true });
  const dataDir = path.join(DATA_DIR, 'pg');
  const port = Number(process.env.PG_PORT) || (await freePort());
  const server = await startEmbeddedPostgres({ dataDir, port, persistent: true, log: (m) => say(`postgres: ${m}`) });
  say(`${server.fresh ? 'initialised and started' : 'started'} embedded PostgreSQL 18 on 127.0.0.1:${port} (data in .data/pg) – ${elapsed()}`);
  await ensureDatabase(server.url('postgres'));
  return { url: server.url(DATABASE_NAME), embedded: true, stop: () => server.stop() };
}

async function ensureDatabase(adminUrl) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }
}

/** Stops everything once, on Ctrl-C, SIGTERM or when a child dies. */
export function onShutdown(cleanup) {
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    try {
      await cleanup();
    } finally {
      process.exit(code);
    }
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  return stop;
}

/** Stops a child; one spawned with `detached: true` is stopped with its whole process group. */
export function stopChild(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const signal = (name) => {
    try {
      if (child.detached) process.kill(-child.pid, name);
      else child.kill(name);
    } catch {
      // already gone
    }
  };
  return new Promise((resolve) => {
    const timer = setTimeout(() => signal('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    signal('SIGTERM');
  });
}

export function assertReadable(file, hint) {
  try {
    accessSync(file, constants.R_OK);
  } catch {
    say(`${path.relative(ROOT, file)} is missing. ${hint}`);
    process.exit(1);
  }
}

/** Whether the api will run in demo mode (DEMO_MODE, else: with the embedded database). */
export function isDemoMode(embedded) {
  return ['1', 'true', 'yes'].includes((process.env.DEMO_MODE ?? String(embedded)).trim().toLowerCase());
}

/** The fictitious citizens of the demo identity provider (tools/oidc/provider.mjs), demo only. */
export function demoCitizens(citizens) {
  return (
    `  Citizen sign-in (demo only, "DEMO – non è SPID"): "Entra con SPID / CIE", then pick one of\n` +
    citizens.map((c) => `    ${`${c.firstName} ${c.lastName}`.padEnd(18)} ${c.fiscalCode}`).join('\n') +
    '\n'
  );
}

/** The accounts that api/src/app/demo/demo-staff.ts creates in demo mode, and only there. */
export function demoAccounts(url) {
  return (
    `  Staff login (demo only): ${url}/staff/login   password: sportello-demo\n` +
    `    operatore     operator (desk)\n` +
    `    responsabile  manager\n` +
    `    admin         admin (every office)\n` +
    `    totem         kiosk\n`
  );
}
