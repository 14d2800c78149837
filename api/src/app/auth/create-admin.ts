import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source';
import { translate } from '../common/messages';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password';
import { newPasswordProblem, PASSWORD_MESSAGES } from './password-strength';
import { createStaffUser, normaliseUsername, USERNAME } from './staff-accounts';

/** A mistake of the person running a command: printed without a stack trace, exit code 1. */
export class CommandError extends Error {}

export interface CommandIo {
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadStream;
  /** Prompts and messages go to stderr, so stdout stays clean for scripts. */
  stderr: NodeJS.WriteStream;
}

const USAGE = 'Usage: node dist/api/main.js create-admin --username NAME [--name "Display name"]   (password from ADMIN_PASSWORD, or asked for)';

/** `--username x`, `--username=x`. Unknown options are refused. */
export function parseCreateAdminArgs(args: string[]): { username: string; displayName: string } {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const match = /^--(username|name)(?:=(.*))?$/.exec(args[i]);
    if (!match) throw new CommandError(`Unknown argument "${args[i]}".\n${USAGE}`);
    const value = match[2] ?? args[++i];
    if (value === undefined) throw new CommandError(`--${match[1]} needs a value.\n${USAGE}`);
    values[match[1]] = value;
  }
  if (!values['username']) throw new CommandError(`--username is required.\n${USAGE}`);
  const username = normaliseUsername(values['username']);
  if (!USERNAME.test(username)) throw new CommandError('The username may contain only letters, digits, ".", "_" and "-" (2 to 64 characters).');
  const displayName = (values['name'] ?? 'Amministratore').trim();
  if (!displayName || displayName.length > 120) throw new CommandError('--name must have 1 to 120 characters.');
  return { username, displayName };
}

/**
 * `create-admin`: creates an admin account (every office). The password comes from
 * ADMIN_PASSWORD or is asked for on the terminal without echo (twice); piped standard
 * input is read as one line. Passwords shorter than 12 characters, containing the username
 * or the name, or easy to guess (zxcvbn score under 3) are refused.
 * `prepareDatabase` (migrations) runs once the arguments and the password are good.
 */
export async function createAdmin(
  config: AppConfig,
  args: string[],
  io: CommandIo,
  prepareDatabase: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const { username, displayName } = parseCreateAdminArgs(args);
  const password = io.env['ADMIN_PASSWORD'] ?? (await askPassword(io, { username, displayName }));
  const problem = strengthProblem(password, { username, displayName });
  if (problem) throw new CommandError(`${problem} Nothing was created.`);

  await prepareDatabase();
  const db = new DataSource(dataSourceOptions(config.databaseUrl, { extra: { max: 1 } }));
  await db.initialize();
  try {
    const id = await db.transaction((tx) => createStaffUser(tx, { username, displayName, role: 'admin', password, officeIds: [] }));
    if (!id) throw new CommandError('An account with this username already exists. Nothing was changed.');
  } finally {
    await db.destroy();
  }
  io.stderr.write(`Created the admin account. Log in at ${config.publicUrl}/staff/login\n`);
}

/** The policy of the admin page (libs/domain), in English for the terminal. */
function strengthProblem(password: string, owner: { username: string; displayName: string }): string | null {
  const problem = newPasswordProblem(password, owner);
  return problem ? translate(PASSWORD_MESSAGES[problem], 'en', { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH }) : null;
}

async function askPassword(io: CommandIo, owner: { username: string; displayName: string }): Promise<string> {
  if (!io.stdin.isTTY) return readLine(io.stdin);
  const first = await readHidden(io, 'Password for the new admin (at least 12 characters, not easy to guess): ');
  const problem = strengthProblem(first, owner);
  if (problem) throw new CommandError(`${problem} Nothing was created.`);
  const second = await readHidden(io, 'Repeat the password: ');
  if (first !== second) throw new CommandError('The two passwords differ. Nothing was created.');
  return first;
}

/** One line of piped input, without its line break. */
function readLine(stdin: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    const done = () => {
      stdin.off('data', onData);
      stdin.off('end', done);
      stdin.pause();
      resolve(data.split(/\r?\n/)[0] ?? '');
    };
    const onData = (chunk: Buffer | string) => {
      data += chunk.toString();
      if (data.includes('\n')) done();
    };
    stdin.on('data', onData);
    stdin.once('end', done);
    stdin.once('error', reject);
    stdin.resume();
  });
}

/** Reads a line on a terminal in raw mode, echoing nothing. Ctrl-C aborts. */
function readHidden(io: CommandIo, question: string): Promise<string> {
  const { stdin, stderr } = io;
  stderr.write(question);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error: Error | null) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish(null);
        if (char === '\u0003') return finish(new CommandError('Cancelled. Nothing was created.'));
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else if (char >= ' ') value += char;
      }
    };
    stdin.setRawMode(true);
    stdin.on('data', onData);
    stdin.resume();
  });
}
