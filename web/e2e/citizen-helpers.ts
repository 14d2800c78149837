import type { Page } from 'playwright-core';
import { wcagViolations } from './browser';

// Helpers of the citizen pages' browser tests (booking.e2e.ts, citizen.e2e.ts).

export { randomFiscalCode } from '../../libs/domain/testing/fiscal-codes.cjs';

export async function focusedTestId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
}

/** Waits (briefly) until the element with this data-testid has the focus. */
export async function expectFocusOn(page: Page, testId: string): Promise<void> {
  await page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId, { timeout: 5000 }).catch(() => undefined);
  expect(await focusedTestId(page)).toBe(testId);
}

/** Presses Tab until the element with this data-testid (or prefix*) has the focus. */
export async function tabTo(page: Page, testId: string, max = 80): Promise<void> {
  const matches = (id: string) => (testId.endsWith('*') ? id.startsWith(testId.slice(0, -1)) : id === testId);
  for (let i = 0; i < max; i++) {
    if (matches(await focusedTestId(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId}; focus is on "${await focusedTestId(page)}"`);
}

/** Today's date in Rome plus `days`, "YYYY-MM-DD". */
export function romeDate(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Clicks the first free day at least `days` ahead (a booking can be cancelled online only
 * until CANCEL_CUTOFF_HOURS before it), moving to later months when needed.
 */
export async function chooseDayFrom(page: Page, days: number): Promise<void> {
  const earliest = romeDate(days);
  await page.locator('[data-testid^="day-"]').first().waitFor();
  for (let month = 0; month < 4; month++) {
    const dates = await page.locator('[data-testid^="day-"]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-date') ?? ''));
    const date = dates.find((d) => d >= earliest);
    if (date) {
      await page.getByTestId(`day-${date}`).click();
      // The day's times render after the click: wait for them, never read a stale list.
      await page.locator('[data-testid="slot"][data-start]').first().waitFor();
      return;
    }
    const shown = await page.getByTestId('calendar-month').textContent();
    await page.getByTestId('calendar-next').click();
    await page.waitForFunction((before) => document.querySelector('[data-testid="calendar-month"]')?.textContent !== before, shown);
  }
  throw new Error(`no free day from ${earliest}`);
}

export async function expectNoWcagViolations(page: Page, where: string): Promise<void> {
  const violations = await wcagViolations(page);
  expect({ where, violations }).toEqual({ where, violations: [] });
}
