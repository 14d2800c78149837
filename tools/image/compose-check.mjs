// CI: `docker-compose config` (Debian's docker-compose package; `docker compose config`
// where the Compose plugin is installed) validates docker-compose.yml, and the stack
// refuses to start without the settings it cannot guess (POSTGRES_PASSWORD, PUBLIC_URL).
// Runs with an empty env file, so that a developer's .env does not hide a problem.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'sportello-compose-'));
const envFile = path.join(scratch, 'empty.env');
writeFileSync(envFile, '');

const compose = spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0 ? ['docker', 'compose'] : ['docker-compose'];
const config = (env) => {
  const [command, ...args] = compose;
  const result = spawnSync(command, [...args, '--env-file', envFile, '--project-directory', ROOT, '-f', path.join(ROOT, 'docker-compose.yml'), 'config'], {
    env: { PATH: process.env.PATH, HOME: scratch, ...env },
    encoding: 'utf8',
  });
  if (result.error) throw new Error(`${compose.join(' ')} could not run (${result.error.message}): apt-get install -y docker-compose`);
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
};

const problems = [];
const complete = { POSTGRES_PASSWORD: 'ci-check-only', PUBLIC_URL: 'https://prenota.example.it' };
const valid = config(complete);
if (valid.code !== 0) problems.push(`docker-compose.yml is not valid:\n${valid.output}`);
else {
  for (const expected of [
    'PUBLIC_URL: https://prenota.example.it',
    'SMTP_URL: smtp://mail:1025',
    'DATABASE_URL: postgres://sportello:ci-check-only@db:5432/sportello',
    'condition: service_healthy',
  ]) {
    if (!valid.output.includes(expected)) problems.push(`the resolved configuration lacks "${expected}"`);
  }
}
for (const missing of Object.keys(complete)) {
  const env = { ...complete };
  delete env[missing];
  const result = config(env);
  if (result.code === 0 || !result.output.includes(missing))
    problems.push(`without ${missing} the stack should refuse to start naming it (exit ${result.code}):\n${result.output}`);
}
rmSync(scratch, { recursive: true, force: true });
if (problems.length > 0) {
  console.error(`docker-compose.yml check failed:\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log(`docker-compose.yml: valid (${compose.join(' ')} config); it refuses to start without POSTGRES_PASSWORD or PUBLIC_URL`);
