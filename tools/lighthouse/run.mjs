// Lighthouse (12.2.3, Node 20) with Debian Chromium on the citizen booking home page and
// the waiting-room display of the built app (demo data). Saves every report under
// .data/lighthouse/ (HTML + JSON) and prints the category scores; exits 1 below the bars.
//   npm run lighthouse
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ROOT, run, say } from '../launcher/common.mjs';
import { startDemoApp } from '../e2e/demo-app.mjs';

const BARS = { accessibility: 100, performance: 90, 'best-practices': 95 };
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const out = path.join(ROOT, '.data/lighthouse');
mkdirSync(out, { recursive: true });

say('building the api and the web app…');
await run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static']);
const app = await startDemoApp();
let chrome;
let failed = false;
try {
  const offices = await (await fetch(`${app.baseUrl}/api/offices`)).json();
  const pages = { home: '/', display: `/display/${offices[0].id}` };
  chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const results = {};
  for (const [name, page] of Object.entries(pages)) {
    // Mobile emulation with simulated throttling: Lighthouse's defaults.
    const result = await lighthouse(`${app.baseUrl}${page}`, { port: chrome.port, output: ['html', 'json'], logLevel: 'error', onlyCategories: Object.keys(BARS) });
    const [html, json] = result.report;
    writeFileSync(path.join(out, `${name}.html`), html);
    writeFileSync(path.join(out, `${name}.json`), json);
    results[name] = Object.fromEntries(Object.keys(BARS).map((c) => [c, Math.round(result.lhr.categories[c].score * 100)]));
    for (const [category, bar] of Object.entries(BARS)) if (results[name][category] < bar) failed = true;
  }
  console.log(JSON.stringify({ bars: BARS, results, reports: path.relative(ROOT, out) }, null, 2));
  say(failed ? 'below the bars: see the reports' : 'every page meets the bars');
} finally {
  await chrome?.kill();
  await app.stop();
}
process.exit(failed ? 1 : 0);
