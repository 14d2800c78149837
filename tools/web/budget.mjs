// The citizen booking path's budget: the JavaScript loaded before the first page shows
// (index.html's scripts and modulepreloads) must stay within 200 kB gzip-compressed.
// Angular's own budgets (angular.json) count uncompressed bytes; this counts what travels.
//   node tools/web/budget.mjs   (after `nx build web`; part of `npm run build`)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../launcher/common.mjs';

const LIMIT_KB = 200;
const dist = path.join(ROOT, 'dist/web/browser');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
if (entries.length === 0) throw new Error('no initial scripts found in dist/web/browser/index.html');
// Everything the entry scripts import statically (not `import()`: that is lazy) loads up front too.
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["']\.\/([\w.-]+\.js)["']/g;
const files = [];
const queue = [...entries];
while (queue.length > 0) {
  const file = queue.shift();
  if (files.includes(file)) continue;
  files.push(file);
  for (const m of readFileSync(path.join(dist, file), 'utf8').matchAll(STATIC_IMPORT)) queue.push(m[1]);
}
let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(7)} kB  ${file}`);
}
const kb = total / 1024;
console.log(`${kb.toFixed(1).padStart(7)} kB  initial JavaScript, gzip (budget ${LIMIT_KB} kB)`);
if (kb > LIMIT_KB) {
  console.error(`over budget by ${(kb - LIMIT_KB).toFixed(1)} kB: lazy-load more of the app`);
  process.exit(1);
}
