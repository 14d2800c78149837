import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

export const BASE_URL = process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:3000';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

const cspReports = new WeakMap<Page, string[]>();

// Every browser context is another citizen: the app under test believes the loopback proxy
// (TRUST_PROXY=loopback in tools/e2e/run.mjs), so each context sends its own address and the
// per-client limits (3 open holds, the public write throttle) count it alone, as they would
// count one household behind the comune's proxy. The limits themselves are tested in the
// integration tier.
let contexts = 0;
export function clientAddress(): string {
  contexts += 1;
  return `10.${process.pid % 250}.${Math.floor(contexts / 250) % 250}.${(contexts % 250) + 1}`;
}

export async function newPage(
  browser: Browser,
  options: { width?: number; height?: number; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: options.locale ?? 'it-IT',
    timezoneId: 'Europe/Rome',
    extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() },
  });
  // A refused eval that the page catches (e.g. a library probing for it) logs nothing on the
  // console: the page's securitypolicyviolation event says so, for policyViolations() below.
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
    ),
  );
  const page = await context.newPage();
  // Chromium reports every script, style or worker the Content-Security-Policy refused on the console.
  const reports: string[] = [];
  cspReports.set(page, reports);
  page.on('console', (message) => {
    if (/Content Security Policy|Permissions-Policy/i.test(message.text())) reports.push(message.text());
  });
  return { context, page };
}

/** What the page's Content-Security-Policy (or Permissions-Policy) refused so far. */
export function policyViolations(page: Page): string[] {
  return [...(cspReports.get(page) ?? [])];
}

/** WCAG 2.1 A and AA violations found by axe-core on the page as it is now. */
export async function wcagViolations(page: Page): Promise<Array<{ id: string; help: string; nodes: string[] }>> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}
