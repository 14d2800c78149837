// Lighthouse (12.2.3, Node 20) with Debian Chromium on the citizen booking home page and
// the waiting-room display of the built app (demo data). Saves every report under
// .data/lighthouse/ (HTML + JSON) and prints the category scores; exits 1 below the bars.
//   npm run lighthouse                 one run per page
//   npm run lighthouse -- --runs 3     the median of 3 runs per page (simulated throttling
//                                      is sensitive to the host's load: use it for figures)
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ROOT, run, say } from '../launcher/common.mjs';
import { startDemoApp } from '../e2e/demo-app.mjs';

const BARS = { accessibility: 100, performance: 90, 'best-practices': 95 };
const METRICS = { FCP: 'first-contentful-paint', LCP: 'largest-contentful-paint', TBT: 'total-blocking-time', CLS: 'cumulative-layout-shift' };
const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' }, 'skip-build': { type: 'boolean', default: false } } });
const runs = Math.max(1, Number(values.runs) || 1);
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const out = path.join(ROOT, '.data/lighthouse');
mkdirSync(out, { recursive: true });

if (!values['skip-build']) {
  say('building the api and the web app…');
  await run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static']);
}
const app = await startDemoApp();
let chrome;
let failed = false;
try {
  const offices = await (await fetch(`${app.baseUrl}/api/offices`)).json();
  const pages = { home: '/', display: `/display/${offices[0].id}` };
  chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const results = {};
  for (const [name, page] of Object.entries(pages)) {
    const samples = [];
    for (let i = 1; i <= runs; i++) {
      // Mobile emulation with simulated throttling: Lighthouse's defaults.
      const result = await lighthouse(`${app.baseUrl}${page}`, {
        port: chrome.port,
        output: ['html', 'json'],
        logLevel: 'error',
        onlyCategories: Object.keys(BARS),
      });
      const [html, json] = result.report;
      const suffix = runs > 1 ? `-${i}` : '';
      writeFileSync(path.join(out, `${name}${suffix}.html`), html);
      writeFileSync(path.join(out, `${name}${suffix}.json`), json);
      const sample = Object.fromEntries(Object.keys(BARS).map((c) => [c, Math.round(result.lhr.categories[c].score * 100)]));
      for (const [short, id] of Object.entries(METRICS)) sample[short] = result.lhr.audits[id].numericValue;
      samples.push(sample);
      if (runs > 1) say(`${name} run ${i}: ${format(sample)}`);
    }
    // The median of each figure on its own (with an odd number of runs, one run's value).
    results[name] = Object.fromEntries(Object.keys(samples[0]).map((key) => [key, median(samples.map((s) => s[key]))]));
    for (const [category, bar] of Object.entries(BARS)) if (results[name][category] < bar) failed = true;
  }
  for (const [name, r] of Object.entries(results)) say(`${name}${runs > 1 ? ` (median of ${runs})` : ''}: ${format(r)}`);
  console.log(JSON.stringify({ bars: BARS, runs, loadAverage: os.loadavg().map((l) => l.toFixed(2)), results, reports: path.relative(ROOT, out) }, null, 2));
  say(failed ? 'below the bars: see the reports' : 'every page meets the bars');
} finally {
  await chrome?.kill();
  await app.stop();
}
process.exit(failed ? 1 : 0);

function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function format(r) {
  return `performance ${r.performance}, accessibility ${r.accessibility}, best practices ${r['best-practices']}; FCP ${(r.FCP / 1000).toFixed(1)} s, LCP ${(r.LCP / 1000).toFixed(1)} s, TBT ${Math.round(r.TBT)} ms, CLS ${r.CLS.toFixed(2)}`;
}
