import type { Browser } from 'playwright-core';
import { BASE_URL, launchChromium, newPage, policyViolations } from './browser';
import { chooseDayFrom, expectFocusOn, expectNoWcagViolations, randomFiscalCode, tabTo } from './citizen-helpers';

// The whole citizen booking against the real api and database: Data e orario → (hold) →
// Richiedente → Riepilogo → Conferma, then the manage link and cancellation; once with
// the mouse, once with the keyboard only, and a form with a wrong codice fiscale.

describe('booking an appointment (real Chromium, real api)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('books a CIE appointment with the mouse, then cancels it from the manage link; no WCAG 2.1 A/AA violation on any step', async () => {
    const { context, page } = await newPage(browser);
    // The anonymous writes carry a proof of work, solved by the widget in this Chromium.
    const challenged: Array<{ url: string; altcha: boolean }> = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/api\/(holds|appointments)$/.test(request.url()))
        challenged.push({ url: new URL(request.url()).pathname, altcha: !!request.headers()['x-altcha'] });
    });
    try {
      // Data e orario
      await page.goto(`${BASE_URL}/prenota/CIE`);
      // index.html's inline script (allowed by its hash in the CSP) chose the static first screen.
      expect(await page.evaluate(() => document.documentElement.getAttribute('data-shell'))).toBe('site');
      await chooseDayFrom(page, 2);
      await page.getByTestId('slot').first().click();
      await page.getByTestId('choice').waitFor();
      const bookedStart = (await page.getByTestId('slot').first().getAttribute('data-start')) ?? '';
      await expectNoWcagViolations(page, 'calendar');
      await page.getByTestId('continue').click();

      // Richiedente, with the hold's countdown
      await page.waitForURL(/\/prenota\/CIE\/richiedente$/);
      await page.getByTestId('applicant-form').waitFor();
      expect(await page.getByTestId('countdown').textContent()).toMatch(/^\s*(0\d|1\d):\d{2}\s*$/);
      expect(await page.getByTestId('steps').locator('[aria-current="step"]').textContent()).toContain('Richiedente');
      await expectNoWcagViolations(page, 'applicant form');

      // Submitting empty shows the errors first.
      await page.getByTestId('continue').click();
      await page.getByTestId('error-summary').waitFor();
      await expectFocusOn(page, 'error-summary');
      expect(await page.getByTestId('error-fiscalCode').textContent()).toContain('codice fiscale');
      await expectNoWcagViolations(page, 'applicant form with errors');

      const fiscalCode = randomFiscalCode();
      await page.getByTestId('field-firstName').fill('Maria');
      await page.getByTestId('field-lastName').fill('Rossi');
      // Lower case and spaces are accepted and normalised.
      await page.getByTestId('field-fiscalCode').fill(`${fiscalCode.slice(0, 6).toLowerCase()} ${fiscalCode.slice(6)}`);
      await page.getByTestId('field-email').fill('maria.rossi@example.org');
      await page.getByTestId('field-notes').fill('Arrivo con il passeggino.');
      await page.getByTestId('field-privacyAccepted').check();
      await page.getByTestId('error-summary').waitFor({ state: 'detached' });
      await page.getByTestId('continue').click();

      // Riepilogo
      await page.waitForURL(/\/prenota\/CIE\/riepilogo$/);
      await page.getByTestId('summary-appointment').waitFor();
      expect(await page.getByTestId('summary-fiscal-code').textContent()).toContain(fiscalCode);
      expect(await page.getByTestId('summary-time').textContent()).toContain('Ora italiana');
      expect(await page.getByTestId('summary-office').textContent()).toContain('Calderara');
      expect(await page.getByTestId('summary-documents').locator('li').count()).toBeGreaterThan(0);
      await expectNoWcagViolations(page, 'summary');

      // Going back keeps what was typed.
      await page.getByTestId('step-link-applicant').click();
      await page.waitForURL(/\/richiedente$/);
      expect(await page.getByTestId('field-firstName').inputValue()).toBe('Maria');
      expect(await page.getByTestId('field-privacyAccepted').isChecked()).toBe(true);
      await page.getByTestId('continue').click();
      await page.waitForURL(/\/riepilogo$/);
      await page.getByTestId('confirm').click();

      // Conferma
      await page.waitForURL(/\/prenota\/CIE\/conferma$/);
      expect(challenged).toEqual([
        { url: '/api/holds', altcha: true },
        { url: '/api/appointments', altcha: true },
      ]);
      const code = ((await page.getByTestId('booking-code').textContent()) ?? '').trim();
      expect(code).toMatch(/^CIE-[23456789BCDFGHJKMNPQRSTVWXYZ]{6}$/);
      expect(await page.getByTestId('qr').locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
      const ics = (await page.getByTestId('ics-link').getAttribute('href')) ?? '';
      expect(ics).toMatch(/^\/api\/appointments\/manage\/[A-Za-z0-9_-]{43}\/calendar\.ics$/);
      const icsResponse = await page.request.get(`${BASE_URL}${ics}`);
      expect(icsResponse.status()).toBe(200);
      expect(await icsResponse.text()).toContain(code);
      expect(await page.getByTestId('google-link').getAttribute('href')).toMatch(
        /^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&text=.+&dates=\d{8}T\d{6}Z\/\d{8}T\d{6}Z&details=.+&location=.+/,
      );
      await expectNoWcagViolations(page, 'confirmation');

      // The manage link, opened as from the e-mail.
      const managePath = (await page.getByTestId('manage-link').getAttribute('href')) ?? '';
      expect(managePath).toMatch(/^\/gestisci\/[A-Za-z0-9_-]{43}$/);
      await page.goto(`${BASE_URL}${managePath}`);
      await page.getByTestId('manage-code').waitFor();
      expect((await page.getByTestId('manage-code').textContent())?.trim()).toBe(code);
      expect(await page.getByTestId('manage-status').getAttribute('data-status')).toBe('BOOKED');
      await expectNoWcagViolations(page, 'manage page');

      // The demo office asks for reconfirmation of attendance: the reminder's one-click
      // link opens a page that POSTs the confirmation.
      expect(await page.getByTestId('manage-attendance').getAttribute('data-status')).toBe('PENDING');
      await page.goto(`${BASE_URL}${managePath}/conferma`);
      await page.getByTestId('attendance-confirmed').waitFor();
      await expectNoWcagViolations(page, 'attendance confirmed');
      await page.getByTestId('attendance-manage').click();
      await page.locator('[data-testid="manage-attendance"][data-status="CONFIRMED"]').waitFor();

      // Move it with the same calendar, to another time.
      await page.getByTestId('manage-move').click();
      await chooseDayFrom(page, 2);
      const starts = await page.getByTestId('slot').evaluateAll((slots) => slots.map((slot) => slot.getAttribute('data-start') ?? ''));
      const newStart = starts.find((start) => new Date(start).getTime() !== new Date(bookedStart).getTime()) ?? '';
      expect(newStart).not.toBe('');
      await page.locator(`[data-testid="slot"][data-start="${newStart}"]`).click();
      await page.getByTestId('move-choice').waitFor();
      await expectNoWcagViolations(page, 'manage page, moving');
      await page.getByTestId('move-confirm').click();
      await page.locator('[data-testid="manage-notice"][data-kind="success"]').waitFor();
      expect(await page.getByTestId('manage-notice').textContent()).toContain('spostata');
      expect((await page.getByTestId('manage-code').textContent())?.trim()).toBe(code);

      await page.getByTestId('manage-cancel').click();
      await page.getByTestId('cancel-dialog').waitFor();
      await expectFocusOn(page, 'cancel-keep');
      await expectNoWcagViolations(page, 'cancel dialog');
      await page.getByTestId('cancel-confirm').click();
      await page.locator('[data-testid="manage-status"][data-status="CANCELLED"]').waitFor();
      expect(await page.getByTestId('manage-notice').textContent()).toContain('annullata');
      expect(await page.getByTestId('manage-cancel').count()).toBe(0);
      await expectNoWcagViolations(page, 'manage page after cancelling');

      // The link now gets the same answer as an unknown one.
      await page.reload();
      await page.getByTestId('manage-not-found').waitFor();
      expect(policyViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the waiting list’s leave page: nothing happens until the button is pressed; no WCAG 2.1 A/AA violation', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${BASE_URL}/lista-attesa/annulla/${'a'.repeat(43)}`);
      await page.getByTestId('leave-button').waitFor();
      await expectNoWcagViolations(page, 'leave the waiting list');
      await page.getByTestId('leave-button').click();
      await page.getByTestId('leave-done').waitFor();
      await expectFocusOn(page, 'leave-done');
      await expectNoWcagViolations(page, 'left the waiting list');
    } finally {
      await context.close();
    }
  });

  it('books with the keyboard only (Tab, Enter, Space)', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${BASE_URL}/prenota/SPID`);
      await page.locator('[data-testid^="day-"]').first().waitFor();

      await tabTo(page, 'day-*');
      await page.keyboard.press('Enter');
      await page.getByTestId('slot').first().waitFor();
      await tabTo(page, 'slot');
      await page.keyboard.press('Enter');
      await tabTo(page, 'continue');
      await page.keyboard.press('Enter');

      await page.waitForURL(/\/prenota\/SPID\/richiedente$/);
      await page.getByTestId('applicant-form').waitFor();
      await tabTo(page, 'field-firstName');
      await page.keyboard.type('Giuseppe');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Verdi');
      await page.keyboard.press('Tab');
      await expectFocusOn(page, 'field-fiscalCode');
      await page.keyboard.type(randomFiscalCode());
      await page.keyboard.press('Tab');
      await page.keyboard.type('giuseppe.verdi@example.org');
      await tabTo(page, 'field-privacyAccepted');
      await page.keyboard.press('Space');
      expect(await page.getByTestId('field-privacyAccepted').isChecked()).toBe(true);
      await tabTo(page, 'continue');
      await page.keyboard.press('Enter');

      await page.waitForURL(/\/prenota\/SPID\/riepilogo$/);
      await tabTo(page, 'confirm');
      await page.keyboard.press('Enter');

      await page.waitForURL(/\/prenota\/SPID\/conferma$/);
      expect(((await page.getByTestId('booking-code').textContent()) ?? '').trim()).toMatch(/^SPID-[A-Z0-9]{6}$/);
      // The manage link is reachable and opens with Enter too.
      await tabTo(page, 'manage-link');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/gestisci\/[A-Za-z0-9_-]{43}$/);
      await page.getByTestId('manage-code').waitFor();
    } finally {
      await context.close();
    }
  });

  it('shows the error summary and the inline error for a wrong codice fiscale, on a 360 px phone', async () => {
    const { context, page } = await newPage(browser, { width: 360, height: 740 });
    try {
      await page.goto(`${BASE_URL}/prenota/CIE`);
      await page.locator('[data-testid^="day-"]').first().click();
      await page.getByTestId('slot').first().click();
      await page.getByTestId('continue').click();
      await page.waitForURL(/\/richiedente$/);

      await page.getByTestId('field-firstName').fill('Anna');
      await page.getByTestId('field-lastName').fill('Bianchi');
      await page.getByTestId('field-fiscalCode').fill('RSSMRA85T10A562X'); // wrong check character
      await page.getByTestId('field-email').fill('anna.bianchi@example.org');
      await page.getByTestId('field-privacyAccepted').check();
      await page.getByTestId('continue').click();

      const summary = page.getByTestId('error-summary');
      await summary.waitFor();
      await expectFocusOn(page, 'error-summary');
      expect(await summary.locator('li').count()).toBe(1);
      expect(await summary.textContent()).toContain('controllo');
      const input = page.getByTestId('field-fiscalCode');
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
      const errorId = (await page.getByTestId('error-fiscalCode').getAttribute('id')) ?? '';
      expect(describedBy.split(' ')).toContain(errorId);
      expect(await page.getByTestId('error-fiscalCode').textContent()).toContain('controllo');
      expect(page.url()).toMatch(/\/richiedente$/);

      // The summary's link takes the focus to the field.
      await page.getByTestId('error-link-fiscalCode').click();
      await expectFocusOn(page, 'field-fiscalCode');

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoWcagViolations(page, 'form with a wrong codice fiscale');
    } finally {
      await context.close();
    }
  });
});
