import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE_URL, clientAddress, launchChromium, newPage } from './browser';
import { chooseDayFrom, expectNoWcagViolations, randomFiscalCode } from './citizen-helpers';

// Issue 13, the citizen's side, in real Chromium against the real api (demo mode): a reload
// on any step keeps the booking, leaving releases the hold, the hold limit shows the held
// times; the phone layout at 360 px; the ticket page's position as the desks call; Bootstrap
// Italia's share of each page's classes, headings, the footer's links, robots.txt.

interface Office {
  id: string;
}
interface Service {
  id: string;
  code: string;
  capacity: number;
}

async function demoIds(): Promise<{ officeId: string; cie: Service; spid: Service }> {
  const offices = (await (await fetch(`${BASE_URL}/api/offices`)).json()) as Office[];
  const services = (await (await fetch(`${BASE_URL}/api/services?officeId=${offices[0].id}`)).json()) as Service[];
  const find = (code: string) => services.find((s) => s.code === code) as Service;
  return { officeId: offices[0].id, cie: find('CIE'), spid: find('SPID') };
}

/** Free places of one slot as the public api tells them (0 when the slot is not listed: full). */
async function remaining(officeId: string, serviceId: string, start: string): Promise<number> {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(start));
  const answer = (await (await fetch(`${BASE_URL}/api/availability?officeId=${officeId}&serviceId=${serviceId}&from=${date}&to=${date}`)).json()) as {
    days: Array<{ slots: Array<{ start: string; remaining: number }> }>;
  };
  const slot = answer.days.flatMap((d) => d.slots).find((s) => Date.parse(s.start) === Date.parse(start));
  return slot?.remaining ?? 0;
}

/** Polls until `read` gives `expected` (the api is reached by a request the page sent as it went away). */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (value !== expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

/** On "Data e orario": a free day at least `days` ahead, its first time; returns the slot's start. */
async function pickFirstTime(page: Page, days = 3): Promise<string> {
  await chooseDayFrom(page, days);
  const slot = page.getByTestId('slot').first();
  const start = (await slot.getAttribute('data-start')) ?? '';
  await slot.click();
  await page.getByTestId('choice').waitFor();
  return start;
}

/** Unique class names of the page's elements. */
function pageClasses(page: Page): Promise<string[]> {
  return page.evaluate(() => [...new Set(Array.from(document.querySelectorAll('[class]')).flatMap((e) => Array.from(e.classList)))].sort());
}

/** The class selectors Bootstrap Italia's own stylesheet defines (its full build, as the AgID validator reads it). */
function bootstrapItaliaClasses(): Set<string> {
  const css = readFileSync(path.join(__dirname, '../../node_modules/bootstrap-italia/dist/css/bootstrap-italia.min.css'), 'utf8');
  return new Set([...css.matchAll(/\.(-?[A-Za-z_][\w-]*)/g)].map((m) => m[1]));
}

/** Headings in document order never go down more than one level (h1 → h3 is a skip). */
async function headingSkips(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skips: string[] = [];
    let previous = 0;
    for (const h of Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
      if ((h as HTMLElement).closest('[hidden], [inert]')) continue;
      const level = Number(h.tagName[1]);
      if (level > previous + 1) skips.push(`h${previous} → h${level} "${h.textContent?.trim()}"`);
      previous = level;
    }
    return skips;
  });
}

describe('citizens: a day at the URP without a dead end (real Chromium, real api)', () => {
  let browser: Browser;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  beforeAll(async () => {
    browser = await launchChromium();
    ids = await demoIds();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a reload on every step keeps the time, the hold and the data typed; leaving releases the hold; no WCAG 2.1 A/AA violation', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${BASE_URL}/prenota/CIE`);
      const start = await pickFirstTime(page);
      const free = await remaining(ids.officeId, ids.cie.id, start);

      // Data e orario, with the time chosen: a reload keeps the choice.
      await page.reload();
      await page.getByTestId('choice').waitFor();
      expect(await page.locator(`[data-testid="slot"][data-start="${start}"]`).getAttribute('aria-pressed')).toBe('true');

      await page.getByTestId('continue').click();
      await page.waitForURL(/\/richiedente$/);
      await page.getByTestId('applicant-form').waitFor();
      expect(await remaining(ids.officeId, ids.cie.id, start)).toBe(free - 1);
      const fiscalCode = randomFiscalCode();
      await page.getByTestId('field-firstName').fill('Lucia');
      await page.getByTestId('field-lastName').fill('Bianchi');
      await page.getByTestId('field-fiscalCode').fill(fiscalCode);
      await page.getByTestId('field-email').fill('lucia.bianchi@example.org');

      // Richiedente: the same step, the data typed, one hold (the old one replaced, not added).
      await page.reload();
      await page.getByTestId('applicant-form').waitFor();
      expect(page.url()).toMatch(/\/prenota\/CIE\/richiedente$/);
      expect(await page.getByTestId('field-firstName').inputValue()).toBe('Lucia');
      expect(await page.getByTestId('field-fiscalCode').inputValue()).toBe(fiscalCode);
      expect(await page.getByTestId('countdown').textContent()).toMatch(/^\s*(0\d|1\d):\d{2}\s*$/);
      expect(await remaining(ids.officeId, ids.cie.id, start)).toBe(free - 1);
      await expectNoWcagViolations(page, 'applicant form after a reload');

      await page.getByTestId('field-privacyAccepted').check();
      await page.getByTestId('continue').click();
      await page.waitForURL(/\/riepilogo$/);

      // Riepilogo after a reload: same time, same person.
      await page.reload();
      await page.getByTestId('summary-appointment').waitFor();
      expect(await page.getByTestId('summary-fiscal-code').textContent()).toContain(fiscalCode);
      expect(await page.getByTestId('summary-time').textContent()).toContain('Ora italiana');
      expect(await remaining(ids.officeId, ids.cie.id, start)).toBe(free - 1);
      await expectNoWcagViolations(page, 'summary after a reload');

      // Leaving the flow (closing the tab) gives the place back at once.
      const second = await context.newPage();
      await page.close({ runBeforeUnload: true });
      expect(await eventually(() => remaining(ids.officeId, ids.cie.id, start), free)).toBe(free);

      // The tab's storage is the tab's: a new tab starts afresh.
      await second.goto(`${BASE_URL}/prenota/CIE/riepilogo`);
      await second.waitForURL(/\/prenota\/CIE$/);
      await second.locator('[data-testid^="day-"]').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('the confirmation survives a reload without the data typed; a new booking starts afresh', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${BASE_URL}/prenota/SPID`);
      await pickFirstTime(page, 4);
      await page.getByTestId('continue').click();
      await page.getByTestId('applicant-form').waitFor();
      const fiscalCode = randomFiscalCode();
      await page.getByTestId('field-firstName').fill('Carlo');
      await page.getByTestId('field-lastName').fill('Verdi');
      await page.getByTestId('field-fiscalCode').fill(fiscalCode);
      await page.getByTestId('field-email').fill('carlo.verdi@example.org');
      await page.getByTestId('field-privacyAccepted').check();
      await page.getByTestId('continue').click();
      await page.waitForURL(/\/riepilogo$/);
      expect(await page.getByTestId('summary-cutoff').textContent()).toMatch(/fino a \p{L}+ \d+ \p{L}+ \d{4}, \d{2}:\d{2}/u);
      await page.getByTestId('confirm').click();
      await page.waitForURL(/\/conferma$/);
      const code = (await page.getByTestId('booking-code').textContent())?.trim();
      expect(await page.getByTestId('confirm-cutoff').textContent()).toMatch(
        /^Puoi spostare o annullare online fino a \p{L}+ \d+ \p{L}+ \d{4}, \d{2}:\d{2}\.$/u,
      );

      await page.reload();
      await page.getByTestId('booking-code').waitFor();
      expect((await page.getByTestId('booking-code').textContent())?.trim()).toBe(code);
      const saved = await page.evaluate(() => sessionStorage.getItem('sportello.booking') ?? '');
      expect(saved).toContain(code);
      expect(saved).not.toContain(fiscalCode);
      await expectNoWcagViolations(page, 'confirmation after a reload');

      await page.goto(`${BASE_URL}/prenota/SPID`);
      await page.locator('[data-testid^="day-"]').first().waitFor();
      expect(await page.getByTestId('choice').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('at the hold limit the citizen sees the times this browser holds, releases them and goes on', async () => {
    const context: BrowserContext = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'it-IT',
      timezoneId: 'Europe/Rome',
      extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() },
    });
    try {
      const tabs: Page[] = [];
      let limited: Page | null = null;
      // Holds in several tabs of one browser (the api caps them per client, 3 by default).
      for (let i = 0; i < 5 && !limited; i++) {
        const tab = await context.newPage();
        tabs.push(tab);
        await tab.goto(`${BASE_URL}/prenota/CIE`);
        await chooseDayFrom(tab, 5 + i);
        await tab.getByTestId('slot').nth(i).click();
        await tab.getByTestId('continue').click();
        const outcome = await Promise.race([
          tab.waitForURL(/\/richiedente$/).then(() => 'held' as const),
          tab
            .getByTestId('held-times')
            .waitFor()
            .then(() => 'limit' as const),
        ]);
        if (outcome === 'limit') limited = tab;
      }
      expect(limited).not.toBeNull();
      const page = limited as Page;
      const held = tabs.length - 1;
      expect(held).toBeGreaterThan(0);
      expect(await page.getByTestId('held-time').count()).toBe(held);
      expect(await page.getByTestId('hold-problem').textContent()).toContain('Hai già altri orari riservati');
      await expectNoWcagViolations(page, 'hold limit');

      await page.getByTestId('release-all').click();
      await page.waitForURL(/\/richiedente$/);
      await page.getByTestId('applicant-form').waitFor();
    } finally {
      await context.close();
    }
  });

  it('on a 360 px phone: the stepper is one compact row and "Continua" is in view after tapping a time; no horizontal scrolling', async () => {
    const { context, page } = await newPage(browser, { width: 360, height: 640 });
    try {
      await page.goto(`${BASE_URL}/prenota/CIE`);
      await page.locator('[data-testid^="day-"]').first().waitFor();
      const steps = await page.getByTestId('steps').boundingBox();
      expect(steps?.height).toBeLessThanOrEqual(64);
      const stepTops = await page
        .locator('[data-testid="steps"] li')
        .evaluateAll((items) => [...new Set(items.map((li) => Math.round(li.getBoundingClientRect().top)))]);
      expect(stepTops).toHaveLength(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      await chooseDayFrom(page, 2);
      const slots = page.getByTestId('slot');
      await slots.nth(Math.min(3, (await slots.count()) - 1)).click();
      await page.getByTestId('choice').waitFor();
      const button = await page.getByTestId('continue').boundingBox();
      expect(button).not.toBeNull();
      expect((button?.y ?? 0) + (button?.height ?? 0)).toBeLessThanOrEqual(640);
      expect(button?.y ?? -1).toBeGreaterThanOrEqual(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectNoWcagViolations(page, 'calendar at 360 px with a time chosen');
      await page.getByTestId('continue').click();
      await page.waitForURL(/\/richiedente$/);
      await page.getByTestId('applicant-form').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectNoWcagViolations(page, 'applicant form at 360 px');
    } finally {
      await context.close();
    }
  });

  it('the ticket page counts the people the desks call first, as call-next does: a priority ticket of another service is ahead', async () => {
    const staff = await newPage(browser);
    const citizen = await newPage(browser, { width: 390, height: 844 });
    try {
      const login = await staff.page.request.post(`${BASE_URL}/api/auth/login`, { data: { username: 'operatore', password: 'sportello-demo' } });
      expect(login.status()).toBe(200);
      const xsrf = (await staff.context.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
      const send = async (url: string, data: unknown) => {
        const answer = await staff.page.request.post(`${BASE_URL}${url}`, { data, headers: { 'x-xsrf-token': xsrf } });
        return { status: answer.status(), body: answer.status() === 204 ? null : await answer.json() };
      };
      // Desk 3 serves CIE and SPID only: its order is the one the CIE ticket waits in.
      const desks = (await (await staff.page.request.get(`${BASE_URL}/api/offices/${ids.officeId}/desks`)).json()) as Array<{
        id: string;
        number: number;
        current: unknown;
      }>;
      const desk = desks.find((d) => d.number === 3) as { id: string; current: unknown };
      if (desk.current) await send(`/api/desks/${desk.id}/complete`, { outcome: 'INFO_ONLY' });

      // A CIE walk-in, then a priority SPID one (force: outside opening hours staff may still issue, after confirming).
      const cie = await send(`/api/offices/${ids.officeId}/tickets`, { serviceId: ids.cie.id, force: true });
      const spid = await send(`/api/offices/${ids.officeId}/tickets`, { serviceId: ids.spid.id, priority: true, force: true });
      expect([cie.status, spid.status]).toEqual([201, 201]);

      await citizen.page.goto(`${BASE_URL}/biglietto/${cie.body.id}`);
      const position = citizen.page.getByTestId('public-ticket-position');
      await position.waitFor();
      const ahead = (await (await fetch(`${BASE_URL}/api/tickets/${cie.body.id}`)).json()).position as number;
      expect(ahead).toBeGreaterThanOrEqual(1);
      expect(await position.textContent()).not.toContain('è il tuo');
      expect(await position.textContent()).toContain(ahead === 1 ? 'C’è 1 persona prima di te' : `Ci sono ${ahead} persone prima di te`);
      await expectNoWcagViolations(citizen.page, 'ticket page');

      // Exactly that many calls of desk 3 come first (the priority SPID ticket among them), then this one.
      const called: string[] = [];
      for (let i = 0; i < ahead; i++) {
        const call = await send(`/api/desks/${desk.id}/call-next`, {});
        called.push(call.body.number);
        expect(call.body.id).not.toBe(cie.body.id);
        await send(`/api/desks/${desk.id}/complete`, { outcome: 'INFO_ONLY' });
      }
      expect(called).toContain(spid.body.number);
      // Live on the ticket page: next.
      await citizen.page.waitForFunction(() => document.querySelector('[data-testid="public-ticket-position"]')?.textContent?.includes('è il tuo'), undefined, {
        timeout: 10_000,
      });
      expect((await position.textContent())?.trim()).toBe('Il prossimo numero chiamato è il tuo!');
      const next = await send(`/api/desks/${desk.id}/call-next`, {});
      expect(next.body.id).toBe(cie.body.id);
      await citizen.page.getByTestId('ticket-turn').waitFor();
      await send(`/api/desks/${desk.id}/complete`, { outcome: 'INFO_ONLY' });
    } finally {
      await staff.context.close();
      await citizen.context.close();
    }
  });

  it('every citizen page: ≥ 30 % of its classes from Bootstrap Italia, no skipped heading level, the footer’s data-element links; no WCAG violation on the notices', async () => {
    const bi = bootstrapItaliaClasses();
    const { context, page } = await newPage(browser);
    const shares: Record<string, string> = {};
    const check = async (name: string) => {
      const classes = await pageClasses(page);
      const ours = classes.filter((c) => bi.has(c));
      const share = ours.length / classes.length;
      shares[name] = `${(share * 100).toFixed(0)} % (${ours.length}/${classes.length})`;
      expect({ name, share: share >= 0.3 }).toEqual({ name, share: true });
      expect({ name, skips: await headingSkips(page) }).toEqual({ name, skips: [] });
    };
    try {
      await page.goto(BASE_URL);
      await page.locator('[data-testid="service-CIE"]').waitFor();
      await check('home');
      expect(await page.locator('footer a[data-element="accessibility-link"]').getAttribute('href')).toBe('/accessibilita');
      expect(await page.locator('footer a[data-element="privacy-policy-link"]').getAttribute('href')).toBe('/privacy');

      await page.goto(`${BASE_URL}/prenota/CIE`);
      await pickFirstTime(page, 3);
      await check('booking: date and time');
      await page.getByTestId('continue').click();
      await page.getByTestId('applicant-form').waitFor();
      await check('booking: applicant');
      await page.getByTestId('field-firstName').fill('Anna');
      await page.getByTestId('field-lastName').fill('Neri');
      await page.getByTestId('field-fiscalCode').fill(randomFiscalCode());
      await page.getByTestId('field-email').fill('anna.neri@example.org');
      await page.getByTestId('field-privacyAccepted').check();
      await page.getByTestId('continue').click();
      await page.getByTestId('summary-appointment').waitFor();
      await check('booking: summary');
      await page.getByTestId('confirm').click();
      await page.getByTestId('booking-code').waitFor();
      await check('booking: confirmation');
      const manage = (await page.getByTestId('manage-link').getAttribute('href')) ?? '';

      await page.goto(`${BASE_URL}${manage}`);
      await page.getByTestId('manage-qr').waitFor();
      await check('manage');
      expect(await page.getByTestId('manage-fee').textContent()).toContain('€');
      await expectNoWcagViolations(page, 'manage page with QR and contacts');

      await page.goto(`${BASE_URL}/privacy`);
      await page.getByTestId('privacy-complaint').waitFor();
      await check('privacy');
      expect(await page.getByTestId('privacy-controller').textContent()).toContain('Comune di Calderara di Reno');
      await expectNoWcagViolations(page, 'privacy notice');

      await page.goto(`${BASE_URL}/accessibilita`);
      await page.getByTestId('accessibility-declaration').waitFor();
      expect(await page.getByTestId('accessibility-declaration').getAttribute('href')).toMatch(/^https:\/\/form\.agid\.gov\.it\//);
      await check('accessibility');
      await expectNoWcagViolations(page, 'accessibility page');

      await page.goto(`${BASE_URL}/lista-attesa/annulla/${'b'.repeat(43)}`);
      await page.getByTestId('leave-button').waitFor();
      await check('leave the waiting list');

      await page.goto(`${BASE_URL}/nessuna-pagina`);
      await page.locator('h1').waitFor();
      await check('not found');
      console.log(`Bootstrap Italia classes per citizen page: ${JSON.stringify(shares, null, 1)}`);
    } finally {
      await context.close();
    }
  });

  it('/robots.txt is a real robots file, not the app', async () => {
    const answer = await fetch(`${BASE_URL}/robots.txt`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await answer.text();
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).toMatch(/^Disallow: \/gestisci\/$/m);
    expect(text).not.toContain('<html');
  });
});
