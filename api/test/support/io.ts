import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { WORKSPACE_ROOT } from './paths';

/** The stand-in of the App IO API (tools/io/stand-in.mjs), as a process on loopback. */
export const IO_STAND_IN = path.join(WORKSPACE_ROOT, 'tools/io/stand-in.mjs');
export const IO_KEY = 'test-io-key-0001';

export interface IoProfileFixture {
  sender_allowed: boolean;
  preferred_languages?: string[];
}

export interface IoReceived {
  id: string;
  key: string;
  /** When the stand-in accepted it (ISO). */
  at: string;
  body: { fiscal_code: string; content: { subject: string; markdown: string; due_date?: string } };
}

export interface IoCall {
  route: 'profiles' | 'messages';
  status: number;
  key: string | null;
  fiscal_code: string | null;
}

export interface RunningIoStandIn {
  url: string;
  messages(): Promise<IoReceived[]>;
  calls(): Promise<IoCall[]>;
  /** The next `count` calls to `route` answer `status` (with Retry-After when given). */
  fault(fault: { status: number; count?: number; retryAfter?: number; route?: 'profiles' | 'messages' }): Promise<void>;
  stop(): Promise<void>;
}

export function startIoStandIn(options: { port?: number; keys?: string[]; profiles?: Record<string, IoProfileFixture> }): Promise<RunningIoStandIn> {
  const child: ChildProcess = spawn(process.execPath, [IO_STAND_IN, JSON.stringify({ keys: [IO_KEY], ...options })], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{"url"'));
      if (!line) return;
      const url = (JSON.parse(line) as { url: string }).url;
      const control = url.replace(/\/api\/v1$/, '');
      const get = async <T>(route: string) => (await (await fetch(`${control}${route}`)).json()) as T;
      resolve({
        url,
        messages: () => get<IoReceived[]>('/_test/messages'),
        calls: () => get<IoCall[]>('/_test/calls'),
        async fault(fault) {
          const answer = await fetch(`${control}/_test/fault`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(fault),
          });
          if (answer.status !== 200) throw new Error(`fault: ${answer.status}`);
        },
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`IO stand-in exited with ${code}:\n${output}`)));
  });
}
