import type { Browser } from 'playwright-core';
import { BASE_URL, launchChromium, newPage, wcagViolations } from './browser';

// The citizen's first steps on a fresh start: the office and its services, then the
// month calendar of a service with its free times — against the real api and database.
describe('home and availability calendar (real Chromium)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the services with "Cosa serve", then a calendar with free times; no WCAG 2.1 A/AA violation', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(BASE_URL);
      await page.getByTestId('service-CIE').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('it');
      for (const code of ['CIE', 'SPID', 'RESIDENZA']) expect(await page.getByTestId(`service-${code}`).isVisible()).toBe(true);
      const residency = page.getByTestId('service-RESIDENZA');
      expect(await residency.textContent()).toContain('ANPR');
      expect(await page.getByTestId('service-CIE').textContent()).toContain('Cosa serve');
      expect(await wcagViolations(page)).toEqual([]);

      await page.getByTestId('service-CIE').getByTestId('book').click();
      await page.waitForURL(/\/prenota\/CIE$/);
      await page.getByTestId('calendar').waitFor();
      expect(await page.getByTestId('steps').textContent()).toContain('Data e orario');
      const day = page.locator('[data-testid^="day-"]').first();
      await day.waitFor();
      await day.click();
      const slots = page.getByTestId('slot');
      await slots.first().waitFor();
      expect(await slots.count()).toBeGreaterThan(0);
      // Times are shown in Rome's local time, e.g. "08:30".
      expect(await slots.first().textContent()).toMatch(/\d{2}[:.]\d{2}/);
      expect(await wcagViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('fits a 360 px phone and works in English', async () => {
    const { context, page } = await newPage(browser, { width: 360, height: 740 });
    try {
      await page.goto(BASE_URL);
      await page.getByTestId('service-CIE').waitFor();
      await page.getByTestId('lang-en').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await page.getByTestId('service-CIE').textContent()).toContain('Electronic identity card');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await wcagViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reaches a free time with the keyboard only', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${BASE_URL}/prenota/SPID`);
      await page.locator('[data-testid^="day-"]').first().waitFor();
      // Tab until a day of the calendar has the focus, then choose it with Enter.
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
        if (focused.startsWith('day-')) break;
      }
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '')).toMatch(/^day-\d{4}-\d{2}-\d{2}$/);
      await page.keyboard.press('Enter');
      await page.getByTestId('slot').first().waitFor();
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'slot') break;
      }
      await page.keyboard.press('Enter');
      await page.getByTestId('choice').waitFor();
      expect(await page.getByTestId('choice').textContent()).toMatch(/\d{2}[:.]\d{2}/);
    } finally {
      await context.close();
    }
  });
});
