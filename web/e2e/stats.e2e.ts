import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launchChromium, newPage, wcagViolations } from './browser';

// The statistics page of a fresh demo (the e2e runner starts the api in demo mode, which
// loads the customer's published figures as monthly history over the mandate).
describe('statistics page (real Chromium, demo data)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function login(page: Page, username: string): Promise<void> {
    await page.goto(`${BASE_URL}/staff/login`);
    await page.getByLabel('Nome utente').fill(username);
    await page.getByLabel('Password').fill('sportello-demo');
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(/\/staff$/);
  }

  const figure = (page: Page, key: string) => page.getByTestId(`fig-${key}`).textContent();

  it('staff home → statistics: the mandate shows 11.750 / 1.605 / 13.355 and the other published figures; tables, heat map, chart with its table; no WCAG 2.1 A/AA violation', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'responsabile');
      await page.getByTestId('stats-link').click();
      await page.waitForURL(/\/staff\/statistiche$/);
      expect(await page.locator('h1').textContent()).toBe('Statistiche');
      await page.getByTestId('stats-figures').waitFor();

      expect(await page.getByTestId('preset-mandate').isChecked()).toBe(true);
      expect(await page.getByTestId('stats-period').textContent()).toBe('Dal 1 giugno 2019 al 31 maggio 2024');
      expect(await figure(page, 'appointmentsAttended')).toBe('11.750');
      expect(await figure(page, 'walkIns')).toBe('1.605');
      expect(await figure(page, 'receptionsTotal')).toBe('13.355');
      expect(await figure(page, 'cieIssued')).toBe('7.541');
      expect(await figure(page, 'spidIssued')).toBe('3.259');
      expect(await figure(page, 'residencyOnline')).toBe('1.743');
      expect(await figure(page, 'residencyDesk')).toBe('972');
      expect(await figure(page, 'phoneCalls')).toBe('36.000');
      expect(await figure(page, 'avgWaitMinutes')).toBe('n.d.');
      // The per-service table adds up to the same total, with the monthly figures on their own line.
      const totalRow = page.getByTestId('services-table').locator('tfoot tr');
      expect(await totalRow.locator('td').nth(5).textContent()).toBe('13.355');
      // The chart's accessible table: 60 months.
      await page.locator('canvas').waitFor();
      await page.getByTestId('trend-table').locator('summary').click();
      expect(await page.getByTestId('trend-table').locator('tbody tr').count()).toBe(60);
      expect(await wcagViolations(page)).toEqual([]);

      // The CSV of the summary downloads with the session; the page is in Italian, so the file
      // is for Excel in Italian: semicolons, Italian headings, a byte-order mark.
      const href = (await page.getByTestId('csv-summary').getAttribute('href')) as string;
      expect(href).toContain('lang=it');
      const csv = await page.evaluate(async (url) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await fetch(url)).arrayBuffer()), href);
      expect(csv.startsWith('\uFEFFIndicatore;Descrizione;Valore;')).toBe(true);
      expect(csv).toContain('receptionsTotal;Ricevimenti totali;13355;0;13355;2019-06-01;2024-05-31');

      // A year: 2020 only, in English.
      await page.getByTestId('stats-from').fill('2020-01-01');
      await page.getByTestId('stats-to').fill('2020-12-31');
      await page.getByTestId('stats-apply').click();
      await page.getByTestId('stats-period').filter({ hasText: '1 gennaio 2020' }).waitFor();
      await page.getByTestId('fig-receptionsTotal').waitFor();
      const year = Number((await figure(page, 'receptionsTotal'))?.replace(/\./g, ''));
      expect(year).toBeGreaterThan(1000);
      expect(year).toBeLessThan(13355);
      expect(await page.getByTestId('preset-custom').isChecked()).toBe(true);

      // Today, after a walk-in served at a desk (through the api, as the desk pages would;
      // the queue is left empty for the other tests): one reception, one arrival in the heat map.
      const statuses = await page.evaluate(async () => {
        const xsrf = decodeURIComponent(
          document.cookie
            .split('; ')
            .find((c) => c.startsWith('XSRF-TOKEN='))
            ?.split('=')[1] ?? '',
        );
        const post = (url: string, body: unknown) =>
          fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-xsrf-token': xsrf }, body: JSON.stringify(body) });
        const office = (await (await fetch('/api/stats/options')).json()).offices[0].id;
        const services = await (await fetch(`/api/services?officeId=${office}`)).json();
        const desks = await (await fetch(`/api/offices/${office}/desks`)).json();
        // (force: staff may issue a ticket while the office is closed, as the desk page does after asking.)
        const issued = await post(`/api/offices/${office}/tickets`, { serviceId: services[0].id, force: true });
        const called = await post(`/api/desks/${desks[0].id}/call-next`, {});
        const completed = await post(`/api/desks/${desks[0].id}/complete`, { outcome: 'INFO_ONLY' });
        return [issued.status, called.status, completed.status];
      });
      expect(statuses).toEqual([201, 200, 200]);
      await page.locator('label[for="preset-today"]').click();
      await page.getByTestId('heat-map').waitFor();
      // (At least: other browser tests may have served someone today too.)
      expect(Number(await figure(page, 'walkIns'))).toBeGreaterThanOrEqual(1);
      expect(await page.getByTestId('heat-map').locator('td').filter({ hasNotText: /^0$/ }).count()).toBeGreaterThanOrEqual(1);
      expect(await wcagViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the counters form saves the changed months with one button; a CSV import with bad lines shows the report per line and imports nothing', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'responsabile');
      await page.goto(`${BASE_URL}/staff/statistiche`);
      await page.getByTestId('counters-table').waitFor();
      // The current year: January is always in the past or the present.
      const january = page.getByTestId('counters-table').locator('tbody tr').first();
      await january.locator('input').first().fill('812');
      await january.locator('input').nth(1).fill('37');
      await page.getByTestId('counters-save').click();
      await page.getByTestId('counters-status').filter({ hasText: 'salvati' }).waitFor();
      expect(await page.getByTestId('counters-status').textContent()).toMatch(/^Dati salvati: gennaio \d{4}\.$/);
      expect(await wcagViolations(page)).toEqual([]);

      await page.getByTestId('history-file').setInputFiles({
        name: 'storico.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('month,metric,value\n2018-01,walk_ins,40\n2018-13,walk_ins,1\n2018-02,telefonate,5\n'),
      });
      await page.getByTestId('history-submit').click();
      await page.getByTestId('history-problems').waitFor();
      const rows = page.getByTestId('history-problems').locator('tbody tr');
      expect(await rows.count()).toBe(2);
      expect(await rows.nth(0).locator('th').textContent()).toBe('3');
      expect(await rows.nth(1).locator('th').textContent()).toBe('4');
      expect(await page.getByTestId('history-failure').textContent()).toContain('Nessun dato è stato salvato');
      expect(await wcagViolations(page)).toEqual([]);

      await page
        .getByTestId('history-file')
        .setInputFiles({ name: 'storico.csv', mimeType: 'text/csv', buffer: Buffer.from('month,metric,value\n2018-01,walk_ins,40\n2018-02,walk_ins,35\n') });
      await page.getByTestId('history-submit').click();
      await page.getByTestId('history-done').waitFor();
      expect(await page.getByTestId('history-done').textContent()).toContain('Importate 2 righe (0 sostituite), da 2018-01 a 2018-02');
      // The mandate is unchanged by a year outside it.
      await page.locator('label[for="preset-mandate"]').click();
      await page.getByTestId('fig-receptionsTotal').filter({ hasText: '13.355' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('an operator is sent back to the staff home and sees no statistics link', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'operatore');
      expect(await page.getByTestId('stats-link').count()).toBe(0);
      await page.goto(`${BASE_URL}/staff/statistiche`);
      await page.waitForURL(/\/staff$/);
    } finally {
      await context.close();
    }
  });
});
