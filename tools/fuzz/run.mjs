// The fuzz pass: fuzzed requests for every operation of the OpenAPI document, against the
// built app with its demo data (embedded PostgreSQL, throwaway), anonymously and logged in
// as the demo admin, manager and operator. Exit code 1 on any 5xx or dropped connection.
//   npm run build && node tools/fuzz/run.mjs [--requests 10000] [--seed 1] [--challenge on]
//   node tools/fuzz/run.mjs --base http://127.0.0.1:3000 …   (an app already running)
// The rate limits are raised and, unless --challenge on, the proof of work is off, so that
// the requests reach the validation and the services behind them.
import { createRequire } from 'node:module';
import { startDemoApp } from '../e2e/demo-app.mjs';

const require = createRequire(import.meta.url);
const { fuzz } = require('./fuzzer.cjs');

const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const requests = Number(arg('requests', 10_000));
const seed = Number(arg('seed', 1));
const base = arg('base', null);
const challenge = arg('challenge', 'off');

const app = base ? null : await startDemoApp({ THROTTLE_LIMIT: '1000000', LOGIN_THROTTLE_LIMIT: '1000000', BOOKING_CHALLENGE: challenge });
const baseUrl = base ?? app.baseUrl;
const started = Date.now();
let result;
try {
  result = await fuzz({
    baseUrl,
    seed,
    requests,
    accounts: [
      { username: 'admin', password: 'sportello-demo' },
      { username: 'responsabile', password: 'sportello-demo' },
      { username: 'operatore', password: 'sportello-demo' },
    ],
    log: (line) => console.error(`[fuzz] ${line}`),
  });
} finally {
  await app?.stop();
}
console.log(
  JSON.stringify(
    { ...result, seconds: Math.round((Date.now() - started) / 1000), findings: result.findings.slice(0, 20), findingCount: result.findings.length },
    null,
    2,
  ),
);
process.exit(result.findings.length > 0 ? 1 : 0);
