import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launchChromium, newPage, wcagViolations } from './browser';
import { openAroundTheClock, StaffApi, staffApi } from './staff-api';

// The staff workspace in real Chromium: the shell on every staff page (Bootstrap Italia's
// header, the account, the office switch, the navigation with the current page marked),
// checked with axe at desktop size and at 360 px, never wider than the screen; the
// dashboard's numbers; the desk on a phone: "Chiama numero…", the confirmed "Assente" and
// its undo.

/** Into the staff home with the account's session (the login page itself is tested in staff.e2e.ts). */
async function login(page: Page, username: string): Promise<void> {
  await page.context().addCookies((await staffApi(username)).cookies);
  await page.goto(`${BASE_URL}/staff`);
  await page.getByTestId('staff-header').waitFor();
  await page.getByTestId('staff-nav').waitFor({ state: 'attached' });
}

/** axe's WCAG 2.1 A/AA rules, no heading skipping a level, and nothing wider than the window. */
async function check(page: Page, where: string): Promise<void> {
  expect([where, await wcagViolations(page)]).toEqual([where, []]);
  const skipped = await page.evaluate(() => {
    const levels = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))
      .filter((h) => (h as HTMLElement).offsetParent !== null || h.closest('dialog[open]'))
      .map((h) => Number(h.tagName[1]));
    return levels.filter((level, i) => i > 0 && level > levels[i - 1] + 1).length;
  });
  expect([where, 'headings skipping a level', skipped]).toEqual([where, 'headings skipping a level', 0]);
  const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  expect([where, width.page]).toEqual([where, width.window]);
}

const nav = (page: Page) =>
  page
    .getByTestId('staff-nav')
    .locator('a')
    .evaluateAll((links) => links.map((a) => [a.textContent?.trim() ?? '', a.getAttribute('aria-current')]));

describe('staff shell and desk (real Chromium, demo accounts)', () => {
  let browser: Browser;
  let officeId: string;
  let hours: { restore(): Promise<void> };
  let admin: StaffApi;
  let secondOffice: string | null = null;

  beforeAll(async () => {
    browser = await launchChromium();
    officeId = ((await (await fetch(`${BASE_URL}/api/offices`)).json()) as Array<{ id: string }>)[0].id;
    hours = await openAroundTheClock(officeId);
    admin = await staffApi('admin');
  });

  afterAll(async () => {
    if (secondOffice) await admin.send('DELETE', `/api/admin/offices/${secondOffice}`);
    await hours?.restore();
    await browser?.close();
  });

  it('every staff page of a manager sits in the shell: header, account, navigation with aria-current; axe and 360 px', async () => {
    for (const width of [1280, 360]) {
      const { context, page } = await newPage(browser, { width, height: 800 });
      try {
        await login(page, 'responsabile');
        expect(await page.getByTestId('staff-comune').textContent()).toBe('Comune di Calderara di Reno');
        expect(await page.getByTestId('staff-user-role').textContent()).toBe('Responsabile');
        expect(await page.getByTestId('staff-user-office').textContent()).toContain('URP – Ufficio Relazioni con il Pubblico');
        // Bootstrap Italia is detectable (AgID's validator, C.SI.1.2).
        expect(await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--bootstrap-italia-version').replace(/['"]/g, '').trim())).toMatch(
          /^2\.\d+\.\d+$/,
        );
        if (width === 360) {
          // On a phone the navigation waits behind "Menu".
          expect(await page.getByTestId('staff-nav').isVisible()).toBe(false);
          await page.getByTestId('nav-toggle').click();
          // The menu opens on Angular's next render, not within the click: wait for it (a timeout fails the test).
          await page.locator('[data-testid="nav-toggle"][aria-expanded="true"]').waitFor({ timeout: 5000 });
          await page.getByTestId('staff-nav').waitFor({ state: 'visible', timeout: 5000 });
          expect(await page.getByTestId('nav-toggle').getAttribute('aria-expanded')).toBe('true');
          expect(await page.getByTestId('staff-nav').isVisible()).toBe(true);
          await check(page, `menu open at ${width}`);
          await page.getByTestId('nav-toggle').click();
        }
        expect(await nav(page)).toEqual([
          ['Oggi', 'page'],
          ['Sportello', null],
          ['Agenda', null],
          ['Totem', null],
          ['Statistiche', null],
          ['Amministrazione', null],
        ]);
        await page.getByTestId('today-figures').waitFor();
        await check(page, `home at ${width}`);

        for (const [path, label, ready] of [
          ['/staff/sportello', 'Sportello', 'desk-select'],
          ['/staff/agenda', 'Agenda', 'walk-in-form'],
          ['/staff/statistiche', 'Statistiche', 'stats-figures'],
          ['/staff/admin', 'Amministrazione', 'admin-office'],
          [`/staff/admin/offices/${officeId}/services`, 'Amministrazione', 'services-table'],
        ] as const) {
          await page.goto(`${BASE_URL}${path}`);
          await page.getByTestId(ready).first().waitFor();
          expect(await page.locator('header.it-header-wrapper').count()).toBe(1);
          expect((await nav(page)).filter(([, current]) => current)).toEqual([[label, path.includes('/offices/') ? 'true' : 'page']]);
          await check(page, `${path} at ${width}`);
        }
      } finally {
        await context.close();
      }
    }
  });

  it('an admin’s users and audit log at 360 px: stacked tables, the sign-ins in words', async () => {
    const { context, page } = await newPage(browser, { width: 360, height: 800 });
    try {
      await login(page, 'admin');
      for (const [path, ready] of [
        ['/staff/admin/staff-users', 'users-table'],
        ['/staff/admin/audit', 'audit-table'],
      ] as const) {
        await page.goto(`${BASE_URL}${path}`);
        await page.getByTestId(ready).waitFor();
        await check(page, path);
      }
      // The sign-ins are in the log, in words.
      const signIn = page.locator('[data-testid="audit-table"] tbody tr[data-action="LOGIN"]').first();
      expect((await signIn.locator('td').allTextContents()).slice(2, 4).map((t) => t.trim())).toEqual(['Accesso', 'Utente']);
      expect(['admin', 'responsabile', 'operatore']).toContain((await signIn.locator('td').nth(1).textContent())?.trim());
      expect(await page.getByTestId('audit-table').textContent()).not.toContain('{"');
    } finally {
      await context.close();
    }
  });

  it('the office switch: an account with two offices chooses one, and the pages follow it', async () => {
    const created = await admin.send('POST', '/api/admin/offices', {
      code: `E2E${Date.now() % 100000}`,
      name: 'Sportello di Longara',
      address: 'Via Longarola 1',
      city: 'Calderara di Reno',
    });
    expect(created.status).toBe(201);
    secondOffice = created.body.id as string;
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'admin');
      const choice = page.getByTestId('office-switch');
      expect(await choice.locator('option').allTextContents()).toEqual(
        expect.arrayContaining(['URP – Ufficio Relazioni con il Pubblico', 'Sportello di Longara']),
      );
      await choice.selectOption(secondOffice);
      await page.getByTestId('today-office').filter({ hasText: 'Sportello di Longara' }).waitFor();
      // The office without hours: closed, and the dashboard says so.
      expect(await page.getByTestId('today-open').textContent()).toContain('Chiuso');
      await page.goto(`${BASE_URL}/staff/admin/offices/${officeId}/desks`);
      await page.getByTestId('office-name').filter({ hasText: 'URP' }).waitFor();
      // The page's office became the choice; switching moves the page to the other office.
      expect(await page.getByTestId('office-switch').inputValue()).toBe(officeId);
      await page.getByTestId('office-switch').selectOption(secondOffice);
      await page.waitForURL(new RegExp(`/staff/admin/offices/${secondOffice}/desks$`));
      await page.getByTestId('office-name').filter({ hasText: 'Sportello di Longara' }).waitFor();
      await check(page, 'desks of the second office');
      await page.getByTestId('office-switch').selectOption(officeId);
    } finally {
      await context.close();
    }
  });

  it('the desk on a phone: "Chiama numero…", a confirmed "Assente" undone, a completion; the dashboard counts it; axe at every step', async () => {
    const operatore = await staffApi('operatore');
    const services = (await (await fetch(`${BASE_URL}/api/services?officeId=${officeId}`)).json()) as Array<{ id: string; code: string }>;
    const cie = services.find((s) => s.code === 'CIE')?.id;
    const first = await operatore.send('POST', `/api/offices/${officeId}/tickets`, { serviceId: cie });
    const second = await operatore.send('POST', `/api/offices/${officeId}/tickets`, { serviceId: cie, name: 'Ada Lovelace' });
    expect([first.status, second.status]).toEqual([201, 201]);
    const number = second.body.number as string;

    const { context, page } = await newPage(browser, { width: 360, height: 740 });
    try {
      await login(page, 'operatore');
      const servedBefore = Number(await page.getByTestId('fig-served').locator('.sp-figure-value').textContent());
      await page.getByTestId('nav-toggle').click();
      await page.getByTestId('nav-desk').click();
      await page.getByTestId('desk-select').waitFor();
      const deskOption = await page.locator('#desk-select option', { hasText: 'Sportello 3 –' }).getAttribute('value');
      await page.getByTestId('desk-select').selectOption(deskOption ?? '');
      await page.getByTestId('desk-overview').waitFor();
      await check(page, 'desk idle');

      // "Chiama numero…": the second ticket, out of the queue's order.
      await page.getByTestId('desk-call-number').click();
      await page.getByTestId('desk-pick').selectOption(second.body.id);
      await check(page, 'desk picking a number');
      await page.getByTestId('desk-pick-submit').click();
      await page.getByTestId('desk-current-number').filter({ hasText: number }).waitFor();
      expect(await page.getByTestId('desk-current').textContent()).toContain('Ada Lovelace');
      await check(page, 'desk with a called number');

      // "Assente" asks first.
      await page.getByTestId('desk-no-show').click();
      await page.getByTestId('no-show-confirm').waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('no-show-cancel');
      await check(page, 'no-show confirmation');
      await page.getByTestId('no-show-confirm').click();
      await page.getByTestId('desk-undo').waitFor();
      expect(await page.getByTestId('desk-status').textContent()).toContain(`Numero ${number} segnato come assente.`);
      await check(page, 'desk with the undo');
      await page.getByTestId('desk-undo').click();
      await page.getByTestId('desk-current-number').filter({ hasText: number }).waitFor();
      expect(await page.getByTestId('desk-status').textContent()).toContain(`Annullato: il numero ${number} è di nuovo a questo sportello.`);

      // Start and complete; the undo goes away by itself after 10 seconds.
      await page.getByTestId('desk-start').click();
      await page.locator('#desk-current-title', { hasText: 'In servizio' }).waitFor();
      await page.getByTestId('desk-outcome').selectOption('CIE_REQUEST_TAKEN');
      await page.getByTestId('desk-complete').click();
      await page.getByTestId('desk-undo').waitFor();
      await page.getByTestId('desk-undo').waitFor({ state: 'detached', timeout: 15_000 });

      // The audit log has the undo, the event log the reopening.
      const audit = await admin.get(`/api/audit?action=UNDO`);
      expect(audit.body.items[0]).toMatchObject({ action: 'UNDO', entity: 'ticket', details: { number, undone: 'NO_SHOW' } });

      await page.getByTestId('nav-toggle').click();
      await page.getByTestId('nav-home').click();
      await page.getByTestId('fig-served').waitFor();
      await page.waitForFunction(
        (before) => Number(document.querySelector('[data-testid="fig-served"] .sp-figure-value')?.textContent) > before,
        servedBefore,
        { timeout: 10_000 },
      );
    } finally {
      await context.close();
    }
  });
});
