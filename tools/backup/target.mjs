// The database that backup and restore work on: DATABASE_URL when set, otherwise the
// embedded one of `npm start` (.data/pg, database "sportello"), reached where it runs or
// started for the time of the command.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_DIR, DATABASE_NAME, openDatabase } from '../launcher/common.mjs';
import { PG_PASSWORD, PG_USER } from '../db/embedded.mjs';

export const EMBEDDED_DIR = path.join(DATA_DIR, 'pg');

/**
 * @typedef {{ url: string, label: string, embedded: boolean, running: boolean, stop(): Promise<void> }} Target
 */

/** The port of the embedded PostgreSQL while it runs (postmaster.pid names a live process), else null. */
function runningEmbeddedPort() {
  const lock = path.join(EMBEDDED_DIR, 'postmaster.pid');
  if (!existsSync(lock)) return null;
  // postmaster.pid: pid, data directory, start time, port, …
  const [pid, , , port] = readFileSync(lock, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch {
    return null;
  }
  return Number(port) || null;
}

/** The database without its password, for the console. */
function describeUrl(/** @type {string} */ url) {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * @param {{ create: boolean }} options create: initialise the embedded database when there is none yet (restore)
 * @returns {Promise<Target | null>} null: no embedded database and `create` is false
 */
export async function openTarget({ create }) {
  const url = process.env.DATABASE_URL;
  if (url) return { url, label: `the PostgreSQL at DATABASE_URL (${describeUrl(url)})`, embedded: false, running: false, stop: async () => undefined };
  if (!create && !existsSync(path.join(EMBEDDED_DIR, 'PG_VERSION'))) return null;
  const port = runningEmbeddedPort();
  if (port !== null) {
    return {
      url: `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${DATABASE_NAME}`,
      label: `the embedded PostgreSQL of npm start (running on 127.0.0.1:${port}, database ${DATABASE_NAME})`,
      embedded: true,
      running: true,
      stop: async () => undefined,
    };
  }
  const database = await openDatabase();
  return {
    url: database.url,
    label: `the embedded PostgreSQL (.data/pg, database ${DATABASE_NAME})`,
    embedded: true,
    running: false,
    stop: () => database.stop(),
  };
}
