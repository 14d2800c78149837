import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launchChromium, newPage, wcagViolations } from './browser';
import { proofOfWork } from './challenge';
import { randomFiscalCode } from '../../libs/domain/testing/fiscal-codes.cjs';

// The administration pages against the real api and database (demo accounts): a manager
// closes the hour of a booked appointment — the confirmation lists it, confirming cancels
// it — and removes the closure again; an admin walks the other pages and finds the change
// in the audit log. Every page and state is checked with axe (WCAG 2.1 A/AA).

function romeDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(Date.now() + days * 86_400_000));
}

function romeTime(instant: string): string {
  return new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function api(path: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const response = await fetch(`${BASE_URL}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', accept: 'application/json', ...init?.headers },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Books the first free CIE slot 35–50 days ahead (far from the days the other browser tests use). */
async function bookFarAhead(): Promise<{ code: string; token: string; date: string; start: string; end: string }> {
  const [office] = (await api('/api/offices')).body;
  const services = (await api(`/api/services?officeId=${office.id}`)).body;
  const cie = services.find((s: { code: string }) => s.code === 'CIE');
  const availability = (await api(`/api/availability?officeId=${office.id}&serviceId=${cie.id}&from=${romeDate(35)}&to=${romeDate(50)}`)).body;
  const day = availability.days[0];
  const slot = day.slots[0];
  const booked = await api('/api/appointments', {
    method: 'POST',
    headers: await proofOfWork(BASE_URL),
    body: JSON.stringify({
      officeId: office.id,
      serviceId: cie.id,
      start: slot.start,
      citizen: { firstName: 'Giulia', lastName: 'Bianchi', fiscalCode: randomFiscalCode(), email: 'giulia.bianchi@example.it' },
      language: 'it',
      privacyAccepted: true,
    }),
  });
  expect(booked.status).toBe(201);
  return { code: booked.body.code, token: String(booked.body.manageUrl).split('/').pop() as string, date: day.date, start: slot.start, end: slot.end };
}

async function login(page: Page, username: string): Promise<void> {
  await page.goto(`${BASE_URL}/staff/login`);
  await page.getByLabel('Nome utente').fill(username);
  await page.getByLabel('Password').fill('sportello-demo');
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/staff$/);
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  expect({ where, violations: await wcagViolations(page) }).toEqual({ where, violations: [] });
}

describe('administration (real Chromium, demo accounts)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a manager closes the hour of a booked appointment: the confirmation lists it, confirming cancels it; then the closure is removed', async () => {
    const booking = await bookFarAhead();
    const reason = `Assemblea del personale ${Date.now() % 100000}`;
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'responsabile');
      await page.getByTestId('link-admin').click();
      await page.waitForURL(/\/staff\/admin$/);
      await page.getByTestId('admin-office').first().waitFor();
      expect(await page.locator('h1').textContent()).toBe('Amministrazione');
      await expectNoViolations(page, 'admin home');

      await page.getByTestId('link-closures').first().click();
      await page.waitForURL(/\/closures$/);
      await page.getByTestId('closures-table').waitFor();
      expect(await page.title()).toContain('Chiusure');
      await expectNoViolations(page, 'closures');

      // Nothing filled in: the api's errors, in a focused summary and on each field.
      await page.getByTestId('closure-save').click();
      await page.getByTestId('error-summary').waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
      expect(await page.getByTestId('closure-reason').getAttribute('aria-invalid')).toBe('true');
      await expectNoViolations(page, 'closure form with errors');

      await page.getByTestId('closure-kind-hours').check();
      await page.getByTestId('closure-from').fill(booking.date);
      await page.getByTestId('closure-startTime').fill(romeTime(booking.start));
      await page.getByTestId('closure-endTime').fill(romeTime(booking.end));
      await page.getByTestId('closure-reason').fill(reason);
      await page.getByTestId('closure-save').click();

      const dialog = page.getByTestId('confirm-change');
      await dialog.waitFor();
      expect(await dialog.getAttribute('role')).toBe('alertdialog');
      expect(await page.getByTestId('affected-list').textContent()).toContain(booking.code);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
      await expectNoViolations(page, 'closure confirmation');
      // Nothing happened yet: the booking is still there.
      expect((await api(`/api/appointments/manage/${booking.token}`)).status).toBe(200);

      await page.getByTestId('confirm-yes').click();
      const success = page.getByTestId('form-success');
      await success.waitFor();
      expect(await success.textContent()).toContain(booking.code);
      expect((await api(`/api/appointments/manage/${booking.token}`)).status).toBe(404);
      await expectNoViolations(page, 'closure created');

      const row = page.getByTestId('closures-table').locator('tbody tr', { hasText: reason });
      await row.getByRole('button').click();
      await page.getByTestId('closure-delete-yes').click();
      await page.getByTestId('form-success').filter({ hasText: 'eliminata' }).waitFor();
      await row.waitFor({ state: 'detached' });
      expect(await page.getByTestId('closures-table').textContent()).not.toContain(reason);
    } finally {
      await context.close();
    }
  });

  it('an admin walks the services, opening hours, desks, settings, users and audit log pages, in Italian and English', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'admin');
      await page.goto(`${BASE_URL}/staff/admin`);
      await page.getByTestId('admin-office').first().waitFor();
      const office = page.getByTestId('admin-office').first();

      await office.getByRole('link', { name: 'Servizi' }).click();
      await page.getByTestId('services-table').waitFor();
      await page.getByTestId('service-edit-CIE').click();
      await page.getByTestId('service-form').waitFor();
      expect(await page.getByTestId('service-code').inputValue()).toBe('CIE');
      await expectNoViolations(page, 'service form');

      await page.getByTestId('nav-hours').click();
      await page.getByTestId('hours-form').waitFor();
      expect(await page.getByTestId('hours-1-0-start').inputValue()).toBe('08:30');
      await expectNoViolations(page, 'opening hours');

      await page.getByTestId('nav-desks').click();
      await page.getByTestId('desks-table').waitFor();
      await expectNoViolations(page, 'desks');

      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-form').waitFor();
      expect(await page.getByTestId('settings-bookingHorizonDays').inputValue()).toBe('60');
      await expectNoViolations(page, 'settings');

      await page.goto(`${BASE_URL}/staff/admin/staff-users`);
      await page.getByTestId('users-table').waitFor();
      expect(await page.getByTestId('users-table').textContent()).toContain('responsabile');
      await expectNoViolations(page, 'users');
      // A new account's password: the meter tells what the api would refuse, as it is typed.
      await page.getByTestId('user-new').click();
      await page.getByTestId('user-form').waitFor();
      await page.locator('#user-username').fill('nuovo.collega');
      await page.locator('#user-password').fill('password1234');
      await page.locator('[data-testid="password-meter"][data-ok="false"][data-score]').waitFor();
      expect(await page.getByTestId('password-meter-text').textContent()).toContain('facile da indovinare');
      await page.locator('#user-password').fill('ombrello vulcano biscotto lanterna');
      await page.locator('[data-testid="password-meter"][data-ok="true"][data-score]').waitFor();
      expect(await page.getByTestId('password-meter-text').textContent()).toContain('Va bene');
      await expectNoViolations(page, 'new account with the password meter');
      await page.goto(`${BASE_URL}/staff/admin/staff-users`);
      await page.getByTestId('users-table').waitFor();

      await page.goto(`${BASE_URL}/staff/admin/audit`);
      await page.getByTestId('audit-table').waitFor();
      await page.getByTestId('audit-entity').selectOption('closure');
      await page.getByTestId('audit-apply').click();
      await page.getByTestId('audit-table').locator('tbody tr', { hasText: 'responsabile' }).first().waitFor();
      expect(await page.getByTestId('audit-table').textContent()).toContain('Chiusura');
      await expectNoViolations(page, 'audit log');

      await page.getByTestId('lang-en').click();
      await page.getByRole('heading', { name: 'Audit log' }).waitFor();
      await expectNoViolations(page, 'audit log in English');
    } finally {
      await context.close();
    }
  });
});
