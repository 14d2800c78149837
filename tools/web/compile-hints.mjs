// Marks the entry script of the built web app for eager compilation: V8's explicit compile
// hint (`//# allFunctionsCalledOnLoad` as the file's first line, Chromium 136+) compiles all
// of main.js on a background thread while it downloads. Without it, each function that the
// app calls while starting is parsed and compiled on the main thread at its first call:
// about 40 ms of a 100 ms start-up task here, four times that on a slow phone. main.js is
// what runs at start-up (every route is a lazy chunk), so all of it is worth compiling.
// Other browsers ignore the comment.
//   node tools/web/compile-hints.mjs   (the last step of `nx build web`)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../launcher/common.mjs';

const HINT = '//# allFunctionsCalledOnLoad\n';
const dist = path.join(ROOT, 'dist/web/browser');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((m) => m[1]);
if (entries.length === 0) throw new Error('no entry script found in dist/web/browser/index.html');
for (const entry of entries) {
  const file = path.join(dist, entry);
  const code = readFileSync(file, 'utf8');
  if (code.startsWith(HINT)) continue;
  writeFileSync(file, HINT + code);
  // A source map, when built with one, moves down by the added line.
  const map = `${file}.map`;
  if (existsSync(map)) {
    const json = JSON.parse(readFileSync(map, 'utf8'));
    json.mappings = `;${json.mappings}`;
    writeFileSync(map, JSON.stringify(json));
  }
  console.log(`${entry}: compile hint added`);
}
