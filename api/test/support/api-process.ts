import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { API_MAIN, TEMPLATE_DB } from './paths';

export interface TestDatabase {
  name: string;
  url: string;
  /** A client connected to this database, for fixtures and checks. */
  sql: Client;
  drop(): Promise<void>;
}

export function serverUrl(database: string): string {
  const base = process.env['SPORTELLO_TEST_PG_URL'];
  if (!base) throw new Error('SPORTELLO_TEST_PG_URL is not set: run through the integration jest config.');
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A fresh database cloned from the migrated template; `empty`: a new database with no
 * table at all (not migrated), `owner`: owned by that role.
 */
export async function createTestDatabase({ empty = false, owner }: { empty?: boolean; owner?: string } = {}): Promise<TestDatabase> {
  const name = `it_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl('postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${empty ? '' : ` TEMPLATE ${TEMPLATE_DB}`}${owner ? ` OWNER ${owner}` : ''}`);
  } finally {
    await admin.end();
  }
  const sql = new Client({ connectionString: serverUrl(name) });
  await sql.connect();
  return {
    name,
    url: serverUrl(name),
    sql,
    async drop() {
      await sql.end();
      const admin = new Client({ connectionString: serverUrl('postgres') });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

export interface RunningApi {
  baseUrl: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the built api (dist/api/main.js) as a real process on a free port. The proof of
 * work is off (BOOKING_CHALLENGE=off) unless a test turns it on: the suites that are not
 * about it would otherwise solve a challenge per request; challenge.int-spec.ts tests it.
 */
export function startApi(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningApi> {
  const child = spawn(process.execPath, [API_MAIN], {
    // Without SMTP_URL mail goes to .eml files: keep them out of the workspace's .data.
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'log',
      MAIL_DIR: mkdtempSync(path.join(os.tmpdir(), 'sportello-mail-')),
      BOOKING_CHALLENGE: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let listening = false;
  return new Promise((resolve, reject) => {
    // Output keeps being collected after start-up (several workers log their own lines).
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = listening ? null : /listening on port (\d+)/.exec(output);
      if (match) {
        listening = true;
        resolve({
          baseUrl: `http://127.0.0.1:${match[1]}`,
          process: child,
          output: () => output,
          stop: () => stopProcess(child),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`api exited with ${code} before listening:\n${output}`)));
  });
}

/** The messages of an output's log lines: JSON lines (LOG_FORMAT=json) decoded, pretty lines as they are. */
export function logMessages(output: string): string {
  return output
    .split('\n')
    .map((line) => {
      try {
        const parsed = JSON.parse(line) as { msg?: unknown };
        return typeof parsed.msg === 'string' ? parsed.msg : line;
      } catch {
        return line;
      }
    })
    .join('\n');
}

/** Runs the api to completion (for start-up failures and commands), returning its output. */
export function runApi(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [API_MAIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
