// The proof of work as a citizen meets it: the ALTCHA widget of the booking page solving
// fresh challenges of the api in real Chromium — at full speed with its default workers
// and with one worker, then with the CPU slowed down 4× through the DevTools protocol
// (Emulation.setCPUThrottlingRate, the "mid-tier mobile" factor of Chrome DevTools and
// Lighthouse). Chromium applies that factor to the page's main thread only: worker targets
// answer "Operation is only supported for pages, not workers", and PBKDF2 runs in WebCrypto
// off the JavaScript threads anyway. So the phone figure to hold against the one-second
// target is the conservative one: 4 × the time of a single worker at full speed (every part
// of the solve four times slower, no parallel workers). Then the server side: the CPU one
// verification costs (the api's own function) and one challenge (altcha-lib).
//   npm run build && node tools/bench/challenge-solve.mjs [--solves 20] [--rate 4]
// Needs the built app (dist/) and Chromium (/usr/bin/chromium or CHROME_PATH).
import { createChallenge, randomInt, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startDemoApp } from '../e2e/demo-app.mjs';

const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const SOLVES = arg('solves', 20);
const RATE = arg('rate', 4);
// The api's parameters (api/src/app/security/challenge.service.ts), read from its source.
const source = (await import('node:fs')).readFileSync(new URL('../../api/src/app/security/challenge.service.ts', import.meta.url), 'utf8');
const constant = (name) => Number(new RegExp(`export const ${name} = ([0-9_]+);`).exec(source)[1].replace(/_/g, ''));
const COST = constant('CHALLENGE_COST');
const COUNTER_MIN = constant('CHALLENGE_COUNTER_MIN');
const COUNTER_MAX = constant('CHALLENGE_COUNTER_MAX');
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
const summary = (values) => ({ median: Math.round(percentile(values, 50)), p90: Math.round(percentile(values, 90)), max: Math.round(Math.max(...values)) });

async function browserSolves(baseUrl) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 915 }, locale: 'it-IT' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    // The solver runs in dedicated workers: attach to each as it starts and throttle it too
    // (the old sendMessageToTarget route: Playwright's CDP sessions reach pages, not workers).
    const workers = [];
    let rate = 1;
    let messageId = 0;
    const throttle = (sessionId) =>
      cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id: ++messageId, method: 'Emulation.setCPUThrottlingRate', params: { rate } }),
      });
    const replies = [];
    cdp.on('Target.receivedMessageFromTarget', ({ message }) => replies.push(JSON.parse(message)));
    cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
      if (targetInfo.type !== 'worker') return;
      workers.push(sessionId);
      void throttle(sessionId);
    });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    await page.goto(`${baseUrl}/prenota/CIE`);
    await page.locator('[data-testid^="day-"]').first().click();
    await page.locator('[data-testid="slot"][data-start]').first().click();
    await page.locator('altcha-widget').waitFor();
    await page.waitForFunction(() => document.querySelector('altcha-widget')?.getState?.() === 'verified', null, { timeout: 60_000 });
    const run = (workers) =>
      page.evaluate(
        async ({ count, workers }) => {
          const widget = document.querySelector('altcha-widget');
          if (workers) await widget.configure({ workers });
          const times = [];
          for (let i = 0; i < count; i++) {
            widget.reset();
            const start = performance.now();
            const result = await widget.verify();
            if (!result?.payload) throw new Error('not solved');
            times.push(performance.now() - start);
          }
          return { times, workers: widget.getConfiguration().workers };
        },
        { count: SOLVES, workers },
      );
    const defaultWorkers = await page.evaluate(() => document.querySelector('altcha-widget').getConfiguration().workers);
    const full = await run(defaultWorkers);
    const single = await run(1);
    rate = RATE;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
    const slow = await run(defaultWorkers);
    const refused = replies.filter((r) => r.error).map((r) => r.error.message);
    const singleMs = summary(single.times);
    return {
      workers: defaultWorkers,
      fullSpeedMs: summary(full.times),
      oneWorkerFullSpeedMs: singleMs,
      [`pageThrottled${RATE}xMs`]: summary(slow.times),
      workerThrottling: [...new Set(refused)].join('; ') || `applied to ${workers.length} workers`,
      [`phoneEstimate${RATE}xOneWorkerMs`]: { median: singleMs.median * RATE, p90: singleMs.p90 * RATE, max: singleMs.max * RATE },
    };
  } finally {
    await browser.close();
  }
}

async function serverVerification() {
  // The api's verification (api/src/app/security/challenge-verify.ts), compiled on the fly.
  const require = createRequire(import.meta.url);
  require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
  const { verifyKeySignedSolution } = require('../../api/src/app/security/challenge-verify.ts');
  const secrets = { signature: randomBytes(32).toString('hex'), key: randomBytes(32).toString('hex') };
  const options = () => ({
    algorithm: 'PBKDF2/SHA-256',
    cost: COST,
    counter: randomInt(COUNTER_MAX, COUNTER_MIN),
    deriveKey,
    expiresAt: new Date(Date.now() + 300_000),
    hmacSignatureSecret: secrets.signature,
    hmacKeySignatureSecret: secrets.key,
  });
  const payloads = [];
  for (let i = 0; i < 100; i++) {
    const challenge = await createChallenge(options());
    payloads.push({ challenge, solution: await solveChallenge({ challenge, deriveKey }) });
  }
  const createStart = process.cpuUsage();
  for (let i = 0; i < 200; i++) await createChallenge(options());
  const created = process.cpuUsage(createStart);
  const rounds = 100;
  let verified = 0;
  const start = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const payload of payloads) if (verifyKeySignedSolution(payload, secrets)) verified++;
  const used = process.cpuUsage(start);
  if (verified !== rounds * payloads.length) throw new Error('a solution did not verify');
  const nodeSolveStart = process.cpuUsage();
  for (let i = 0; i < 20; i++) await solveChallenge({ challenge: await createChallenge(options()), deriveKey });
  const nodeSolve = process.cpuUsage(nodeSolveStart);
  return {
    verifyCpuMsPerRequest: Number(((used.user + used.system) / 1000 / verified).toFixed(4)),
    createCpuMsPerChallenge: Number(((created.user + created.system) / 1000 / 200).toFixed(3)),
    // What a bot pays per request, solving natively in Node (one core).
    nodeSolveCpuMsPerChallenge: Math.round((nodeSolve.user + nodeSolve.system) / 1000 / 20),
  };
}

const app = await startDemoApp({ THROTTLE_LIMIT: '100000' });
try {
  const browser = await browserSolves(app.baseUrl);
  const server = await serverVerification();
  console.log(JSON.stringify({ solves: SOLVES, challenge: { cost: COST, counter: [COUNTER_MIN, COUNTER_MAX] }, ...browser, ...server }, null, 2));
} finally {
  await app.stop();
}
