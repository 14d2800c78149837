// `npm run screenshots`: the README's screenshots of the staff workspace, taken in headless
// Chromium (playwright-core, Debian's /usr/bin/chromium or CHROME_PATH) from the built app
// on a throwaway embedded PostgreSQL with the demo data, into docs/screenshots/.
//   npm run screenshots              (builds the api and the web app first)
//   node tools/screenshots/run.mjs --no-build
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startDemoApp } from '../e2e/demo-app.mjs';
import { ROOT, run, say } from '../launcher/common.mjs';

const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(chrome)) {
  say(`Chromium not found at ${chrome}: install it (apt-get install -y chromium) or set CHROME_PATH.`);
  process.exit(1);
}
const out = path.join(ROOT, 'docs/screenshots');
mkdirSync(out, { recursive: true });

if (!process.argv.includes('--no-build')) {
  say('building the api and the web app…');
  await run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static']);
}

const app = await startDemoApp({ BOOKING_CHALLENGE: 'off' });
const browser = await chromium.launch({ executablePath: chrome, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const base = app.baseUrl;
  /** The api as a demo account (cookies and CSRF header by hand). */
  const as = async (username) => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'sportello-demo' }),
    });
    const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]);
    const xsrf = cookies.find((c) => c.startsWith('XSRF-TOKEN='))?.slice('XSRF-TOKEN='.length) ?? '';
    return async (method, url, body) => {
      const answer = await fetch(`${base}${url}`, {
        method,
        headers: { cookie: cookies.join('; '), 'x-xsrf-token': xsrf, 'content-type': 'application/json' },
        body: body && JSON.stringify(body),
      });
      if (answer.status >= 300 && answer.status !== 204) throw new Error(`${method} ${url} answered ${answer.status}: ${await answer.text()}`);
      return answer.status === 204 ? null : answer.json();
    };
  };

  // A morning in progress whenever this runs: the office open around the clock (on this
  // throwaway database), walk-ins at the desk, one already served, one called to Sportello 2.
  const operatore = await as('operatore');
  const [office] = await (await fetch(`${base}/api/offices`)).json();
  const admin = await as('admin');
  await admin('PUT', `/api/admin/offices/${office.id}/opening-hours`, {
    intervals: Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, start: '00:00', end: '23:59' })),
    confirm: true,
  });
  const services = await (await fetch(`${base}/api/services?officeId=${office.id}`)).json();
  const id = (code) => services.find((s) => s.code === code).id;
  // (force: on a public holiday the office stays closed whatever its hours.)
  const issue = (code, extra = {}) => operatore('POST', `/api/offices/${office.id}/tickets`, { serviceId: id(code), force: true, ...extra });
  await issue('CIE');
  const desks = await operatore('GET', `/api/offices/${office.id}/desks`);
  const desk1 = desks.find((d) => d.number === 1);
  const desk2 = desks.find((d) => d.number === 2);
  await operatore('POST', `/api/desks/${desk1.id}/call-next`);
  await operatore('POST', `/api/desks/${desk1.id}/start`);
  await operatore('POST', `/api/desks/${desk1.id}/complete`, { outcome: 'CIE_REQUEST_TAKEN' });
  await issue('SPID', { priority: true });
  await issue('CIE', { name: 'Giuseppe Verdi' });
  await issue('RESIDENZA');
  await issue('CIE');
  await operatore('POST', `/api/desks/${desk2.id}/call-next`);

  const shoot = async ({ username, url, file, width, height, ready, before, fullPage = false }) => {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'it-IT', timezoneId: 'Europe/Rome', deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${base}/staff/login`);
    await page.getByLabel('Nome utente').fill(username);
    await page.getByLabel('Password').fill('sportello-demo');
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(/\/staff$/);
    await page.evaluate((deskId) => localStorage.setItem('sportello.desk', deskId), desk2.id);
    await page.goto(`${base}${url}`);
    await page.getByTestId(ready).first().waitFor();
    if (before) await before(page);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(out, file), fullPage });
    say(`wrote docs/screenshots/${file}`);
    await context.close();
  };

  await shoot({ username: 'responsabile', url: '/staff', file: 'staff-home.png', width: 1280, height: 900, ready: 'today-figures' });
  await shoot({ username: 'operatore', url: '/staff/sportello', file: 'desk.png', width: 1280, height: 900, ready: 'desk-overview', fullPage: true });
  await shoot({ username: 'operatore', url: '/staff/sportello', file: 'desk-phone.png', width: 360, height: 780, ready: 'desk-current-number' });
  await shoot({
    username: 'operatore',
    url: '/staff',
    file: 'staff-menu-phone.png',
    width: 360,
    height: 780,
    ready: 'today-figures',
    before: (page) => page.getByTestId('nav-toggle').click(),
  });
} finally {
  await browser.close();
  await app.stop();
}
