import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launchChromium, newPage, policyViolations } from './browser';
import { chooseDayFrom, expectNoWcagViolations } from './citizen-helpers';
import { staffApi } from './staff-api';

// Issue 15 in real Chromium: a citizen signs in with "Entra con SPID" at the demo identity
// provider (tools/oidc/provider.mjs, "DEMO – non è SPID", started by tools/e2e/demo-app.mjs),
// books a service the office keeps for signed-in citizens (signInRequired) with the names
// and the codice fiscale filled in from the identity and no proof of work, finds it in
// "Le mie prenotazioni", moves nothing, cancels it there, and signs out at the provider too.

interface Service {
  id: string;
  code: string;
}

const GIULIA = { name: 'Giulia Bianchi', fiscalCode: 'BNCGLI85C52B399J', email: 'giulia.bianchi@example.it' };

async function demoService(code: string): Promise<{ officeId: string; service: Service }> {
  const offices = (await (await fetch(`${BASE_URL}/api/offices`)).json()) as Array<{ id: string }>;
  const services = (await (await fetch(`${BASE_URL}/api/services?officeId=${offices[0].id}`)).json()) as Service[];
  return { officeId: offices[0].id, service: services.find((s) => s.code === code) as Service };
}

/** The office's manager sets signInRequired on a service; `restore()` clears it. */
async function requireSignIn(officeId: string, serviceId: string): Promise<{ restore(): Promise<void> }> {
  const admin = await staffApi('admin');
  const url = `/api/admin/offices/${officeId}/services`;
  const listed = ((await admin.get(url)).body as Array<Record<string, unknown>>).find((s) => s['id'] === serviceId) as Record<string, unknown>;
  const body = Object.fromEntries(Object.entries(listed).filter(([key]) => !['id', 'officeId', 'desks'].includes(key)));
  const save = async (signInRequired: boolean) => {
    const saved = await admin.send('PUT', `${url}/${serviceId}`, { ...body, signInRequired });
    expect(saved.status).toBe(200);
  };
  await save(true);
  return { restore: () => save(false) };
}

/** "Entra con SPID" on the page, then the demo provider's one-click citizen; back on our site. */
async function signInAs(page: Page, name: string): Promise<void> {
  await page.getByTestId('sign-in-spid').first().click();
  await page.waitForURL((url) => !url.href.startsWith(BASE_URL));
  expect(await page.textContent('body')).toContain('DEMO – non è SPID');
  await page.getByRole('button', { name }).click();
  await page.waitForURL((url) => url.href.startsWith(BASE_URL));
  await page.getByTestId('citizen-name').waitFor();
}

describe('signing in with SPID or CIE (real Chromium, the demo identity provider)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a signed-in booking of a service kept for SPID/CIE, end to end, then "Le mie prenotazioni" and sign-out; no WCAG 2.1 A/AA violation', async () => {
    const { officeId, service } = await demoService('RESIDENZA');
    const protection = await requireSignIn(officeId, service.id);
    const anonymous = await newPage(browser);
    const { context, page } = await newPage(browser);
    const challenged: Array<{ url: string; altcha: boolean }> = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/api\/(holds|appointments)$/.test(request.url()))
        challenged.push({ url: new URL(request.url()).pathname, altcha: !!request.headers()['x-altcha'] });
    });
    try {
      // Anonymous: the times are there, holding one asks for the sign-in instead.
      await anonymous.page.goto(`${BASE_URL}/prenota/RESIDENZA`);
      await anonymous.page.getByTestId('sign-in-required').waitFor();
      await chooseDayFrom(anonymous.page, 2);
      await anonymous.page.getByTestId('slot').first().click();
      await anonymous.page.getByTestId('choice').waitFor();
      expect(await anonymous.page.getByTestId('choice').getByTestId('continue').count()).toBe(0);
      expect(await anonymous.page.getByTestId('choice').getByTestId('sign-in-spid').count()).toBe(1);
      await expectNoWcagViolations(anonymous.page, 'booking page asking for the sign-in');
      // And the api refuses it anyway.
      const refused = await anonymous.page.request.post(`${BASE_URL}/api/holds`, {
        data: { officeId, serviceId: service.id, start: new Date(Date.now() + 3 * 86_400_000).toISOString() },
      });
      expect(refused.status()).toBe(401);
      expect((await refused.json()).code).toBe('SIGN_IN_REQUIRED');

      // The header's "Accedi" → the sign-in page → the provider → back to the home page.
      await page.goto(`${BASE_URL}/`);
      await page.getByTestId('citizen-sign-in').click();
      await page.waitForURL(/\/accedi\?returnTo=%2F$/);
      await page.getByTestId('sign-in-buttons').waitFor();
      expect(await page.getByRole('link', { name: 'Entra con SPID' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Entra con CIE' }).count()).toBe(1);
      await expectNoWcagViolations(page, 'sign-in page');
      await signInAs(page, GIULIA.name);
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await page.getByTestId('citizen-name').textContent()).toContain(GIULIA.name);
      const cookies = await context.cookies(`${BASE_URL}/api/citizen/me`);
      const session = cookies.find((c) => c.name === 'sportello_citizen');
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api' });
      await expectNoWcagViolations(page, 'home page, signed in');

      // The protected service books: names and codice fiscale from the identity, read-only.
      await page.goto(`${BASE_URL}/prenota/RESIDENZA`);
      await page.getByTestId('service-name').waitFor();
      expect(await page.getByTestId('sign-in-required').count()).toBe(0);
      await chooseDayFrom(page, 2);
      await page.getByTestId('slot').first().click();
      await page.getByTestId('continue').click();
      await page.waitForURL(/\/richiedente$/);
      await page.getByTestId('identity-note').waitFor();
      expect(await page.getByTestId('field-firstName').inputValue()).toBe('Giulia');
      expect(await page.getByTestId('field-lastName').inputValue()).toBe('Bianchi');
      expect(await page.getByTestId('field-fiscalCode').inputValue()).toBe(GIULIA.fiscalCode);
      expect(await page.getByTestId('field-fiscalCode').getAttribute('readonly')).not.toBeNull();
      expect(await page.getByTestId('field-email').inputValue()).toBe(GIULIA.email);
      expect(await page.getByTestId('field-email').getAttribute('readonly')).toBeNull();
      await expectNoWcagViolations(page, 'applicant form, signed in');
      await page.getByTestId('field-privacyAccepted').check();
      await page.getByTestId('continue').click();
      await page.waitForURL(/\/riepilogo$/);
      expect(await page.getByTestId('summary-fiscal-code').textContent()).toContain(GIULIA.fiscalCode);
      expect(await page.getByTestId('proof-of-work').count()).toBe(0);
      await page.getByTestId('confirm').click();
      await page.waitForURL(/\/conferma$/);
      const code = ((await page.getByTestId('booking-code').textContent()) ?? '').trim();
      expect(code).toMatch(/^RES/);
      // Signed in, neither the hold nor the booking needed a proof of work.
      expect(challenged).toEqual([
        { url: '/api/holds', altcha: false },
        { url: '/api/appointments', altcha: false },
      ]);
      await expectNoWcagViolations(page, 'confirmation, signed in');

      // "Le mie prenotazioni": the booking with its QR code and .ics; opened, then cancelled.
      await page.getByTestId('citizen-name').click();
      await page.waitForURL(/\/le-mie-prenotazioni$/);
      const item = page.locator(`[data-testid="mine-item"][data-code="${code}"]`);
      await item.waitFor();
      expect(await item.getByTestId('mine-qr').locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
      const ics = (await item.getByTestId('mine-ics').getAttribute('href')) ?? '';
      expect(ics).toBe(`/api/citizen/appointments/${code}/calendar.ics`);
      const icsFile = await page.request.get(`${BASE_URL}${ics}`);
      expect(icsFile.status()).toBe(200);
      expect(await icsFile.text()).toContain(`/le-mie-prenotazioni/${code}`);
      await expectNoWcagViolations(page, 'le mie prenotazioni');
      // The demo office asks for reconfirmation: confirm attendance right in the list.
      expect(await item.getByTestId('mine-attendance').getAttribute('data-status')).toBe('PENDING');
      await item.getByTestId('mine-confirm').click();
      await page.locator(`[data-testid="mine-item"][data-code="${code}"] [data-testid="mine-attendance"][data-status="CONFIRMED"]`).waitFor();
      expect(await page.getByTestId('mine-notice').textContent()).toContain('confermata');
      await item.getByTestId('mine-open').click();
      await page.waitForURL(new RegExp(`/le-mie-prenotazioni/${code}$`));
      await page.getByTestId('manage-back').waitFor();
      expect((await page.getByTestId('manage-code').textContent())?.trim()).toBe(code);
      await page.getByTestId('manage-cancel').click();
      await page.getByTestId('cancel-dialog').waitFor();
      await page.getByTestId('cancel-confirm').click();
      await page.locator('[data-testid="manage-status"][data-status="CANCELLED"]').waitFor();
      await expectNoWcagViolations(page, 'my booking, cancelled');
      await page.getByTestId('manage-back').click();
      await page.getByTestId('mine-past').waitFor();
      expect(await page.getByTestId('mine-past').textContent()).toContain(code);

      // "Esci": the session dies on the server, then the provider's own logout comes back home.
      await page.getByTestId('citizen-sign-out').click();
      await page.waitForURL((url) => !url.href.startsWith(BASE_URL));
      await page.getByRole('button', { name: 'Esci' }).click();
      await page.waitForURL(`${BASE_URL}/`);
      await page.getByTestId('citizen-sign-in').waitFor();
      const me = await page.request.get(`${BASE_URL}/api/citizen/me`, { headers: { accept: 'application/json' } });
      expect(me.status()).toBe(401);
      expect(policyViolations(page)).toEqual([]);
    } finally {
      await protection.restore();
      await anonymous.context.close();
      await context.close();
    }
  });
});
