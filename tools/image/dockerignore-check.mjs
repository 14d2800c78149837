// CI: the image's build context (`docker build .`, read through .dockerignore) holds the
// sources and nothing else: no local data (.data: the embedded PostgreSQL, e-mails,
// backups), no secrets (.env files), no build output (dist) and no installed packages
// (node_modules, which the image installs itself with `npm ci`).
// `node tools/image/dockerignore-check.mjs [dir]` (default: the repository root).
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contextFiles, isIgnored, parseDockerignore, readDockerignore } from './dockerignore.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.resolve(process.argv[2] ?? ROOT);
const rules = readDockerignore(dir);

// Paths that must never reach the context, whether or not they exist right now.
const MUST_BE_OUT = [
  '.data/pg/PG_VERSION',
  '.data/mail/message.eml',
  '.data/backups/sportello.tar.gz',
  'backups/sportello-2026-01-01T00-00-00Z.backup.gz',
  '.env',
  '.env.production',
  'api/.env',
  'dist/api/main.js',
  'dist/web/browser/index.html',
  'node_modules/typeorm/package.json',
  'web/node_modules/.cache/x',
  '.git/HEAD',
];
// A segment that gives a file away wherever it sits.
const FORBIDDEN_SEGMENT = /^(\.data|dist|node_modules|\.git|\.env(\..+)?)$/;
// What the Dockerfile's build stage needs.
const MUST_BE_IN = [
  'package.json',
  'package-lock.json',
  'nx.json',
  'tsconfig.base.json',
  'api/src/main.ts',
  'api/webpack.config.js',
  'web/src/index.html',
  'libs/domain/src/index.ts',
];

const problems = [];
// The matcher against the examples of Docker's .dockerignore documentation, first.
const documented = parseDockerignore('# comment\n*/temp*\n*/*/temp*\ntemp?\n**/*.go\n*.md\n!README*.md\nREADME-secret.md');
const expectations = [
  ['somedir/temporary.txt', true],
  ['somedir/temp', true],
  ['somedir/subdir/temporary.txt', true],
  ['temp', false],
  ['tempa', true],
  ['a/b/c.go', true],
  ['c.go', true],
  ['notes.md', true],
  ['README.md', false],
  ['README-secret.md', true],
  ['temporary.txt', false],
];
for (const [file, ignored] of expectations) {
  if (isIgnored(documented, file) !== ignored) problems.push(`the matcher gets Docker's example wrong: ${file} should be ${ignored ? 'ignored' : 'kept'}`);
}
for (const probe of MUST_BE_OUT) if (!isIgnored(rules, probe)) problems.push(`${probe} would be in the build context`);
for (const needed of MUST_BE_IN) if (isIgnored(rules, needed)) problems.push(`${needed} is needed by the build but .dockerignore leaves it out`);

const files = contextFiles(dir, rules);
// A committed file is no secret (nothing secret is ever committed): web/.env.bundle.production
// is a build setting the image needs. Anything else with such a segment is a leak.
const tracked = new Set(gitFiles(dir));
const leaked = files.filter((f) => f.split('/').some((segment) => FORBIDDEN_SEGMENT.test(segment)) && !(tracked.has(f) && /(^|\/)\.env\.[^/]+$/.test(f)));
for (const file of leaked.slice(0, 20)) problems.push(`${file} is in the build context`);
if (leaked.length > 20) problems.push(`… and ${leaked.length - 20} more such files`);

function gitFiles(directory) {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: directory, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\0');
  } catch {
    return [];
  }
}

const bytes = files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
if (problems.length > 0) {
  console.error(
    `.dockerignore check failed (${path.relative(process.cwd(), path.join(dir, '.dockerignore')) || '.dockerignore'}):\n  - ${problems.join('\n  - ')}`,
  );
  process.exit(1);
}
console.log(
  `.dockerignore: the build context is ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB; no .data, .env, dist, node_modules or .git in it`,
);
