import type { Browser } from 'playwright-core';
import { BASE_URL, launchChromium, newPage, wcagViolations } from './browser';

// The staff login with the demo accounts (the e2e runner starts the api in demo mode):
// from the footer link to the login page, a wrong password, the staff home, logout.
describe('staff login (real Chromium, demo accounts)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('footer → login (a wrong password, then the right one) → staff home → logout; no WCAG 2.1 A/AA violation', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(BASE_URL);
      await page.getByTestId('footer-staff').click();
      await page.waitForURL(/\/staff\/login\?returnUrl=%2Fstaff$/);
      expect(await page.locator('h1').textContent()).toBe('Accesso operatori');
      expect(await wcagViolations(page)).toEqual([]);

      await page.getByTestId('login-submit').click();
      await page.getByTestId('error-summary').waitFor();
      expect(await wcagViolations(page)).toEqual([]);

      await page.getByLabel('Nome utente').fill('responsabile');
      await page.getByLabel('Password').fill('password-sbagliata');
      await page.getByTestId('login-submit').click();
      const failure = page.getByTestId('login-failure');
      await failure.waitFor();
      expect(await failure.textContent()).toContain('Nome utente o password non corretti.');
      expect(await wcagViolations(page)).toEqual([]);

      await page.getByLabel('Password').fill('sportello-demo');
      await page.getByLabel('Password').press('Enter');
      await page.waitForURL(/\/staff$/);
      await page.getByTestId('staff-role').waitFor();
      expect(await page.getByTestId('staff-role').textContent()).toBe('Responsabile');
      expect(await page.getByTestId('staff-offices').textContent()).toContain('URP – Ufficio Relazioni con il Pubblico');
      expect(await wcagViolations(page)).toEqual([]);
      const cookies = await context.cookies();
      expect(cookies.find((c) => c.name === 'sportello_session')).toMatchObject({ httpOnly: true, path: '/api', sameSite: 'Strict' });

      // A reload keeps the session (GET /api/auth/me).
      await page.reload();
      await page.getByTestId('staff-username').waitFor();
      expect(await page.getByTestId('staff-username').textContent()).toBe('responsabile');

      // Logout is a POST: it needs the X-XSRF-TOKEN header that HttpClient adds.
      await page.getByTestId('logout').click();
      await page.waitForURL(/\/staff\/login\?loggedOut=1$/);
      await page.getByTestId('logged-out').waitFor();
      await page.goto(`${BASE_URL}/staff`);
      await page.waitForURL(/\/staff\/login\?returnUrl=%2Fstaff$/);
    } finally {
      await context.close();
    }
  });
});
