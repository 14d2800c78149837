import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { create as createQr } from 'qrcode';
import { BASE_URL, launchChromium, newPage, wcagViolations } from './browser';
import { proofOfWork } from './challenge';
import { openAroundTheClock } from './staff-api';
import { randomFiscalCode } from '../../libs/domain/testing/fiscal-codes.cjs';

// The front desk in real Chromium against the real api (demo mode, embedded PostgreSQL):
// the waiting-room display is open while the kiosk issues a ticket and a desk calls it —
// the display shows (and would speak) the call live, as does the citizen's ticket page.
// Then the agenda and the kiosk with a booked appointment. axe-core checks every page.

function romeDate(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Books, through the public api, the first free SPID slot from tomorrow on: code, local date, surname. */
async function bookForAnotherDay(officeId: string): Promise<{ code: string; date: string; lastName: string }> {
  const services = (await (await fetch(`${BASE_URL}/api/services?officeId=${officeId}`)).json()) as Array<{ id: string; code: string }>;
  const spid = services.find((s) => s.code === 'SPID');
  if (!spid) throw new Error('demo service SPID missing');
  const availability = (await (
    await fetch(`${BASE_URL}/api/availability?officeId=${officeId}&serviceId=${spid.id}&from=${romeDate(1)}&to=${romeDate(30)}`)
  ).json()) as {
    days: Array<{ date: string; slots: Array<{ start: string }> }>;
  };
  const day = availability.days[0];
  // Names take letters only: a random surname the agenda's search finds alone.
  const lastName = `Agenda${Array.from({ length: 8 }, () => 'bcdfghlmnprstvz'[Math.floor(Math.random() * 15)]).join('')}`;
  const booked = await fetch(`${BASE_URL}/api/appointments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await proofOfWork(BASE_URL)) },
    body: JSON.stringify({
      officeId,
      serviceId: spid.id,
      start: day.slots[0].start,
      citizen: { firstName: 'Paola', lastName, fiscalCode: randomFiscalCode(), email: 'paola@example.org' },
      language: 'it',
      privacyAccepted: true,
    }),
  });
  expect([booked.status, booked.status === 201 ? '' : await booked.text()]).toEqual([201, '']);
  const { code } = (await booked.json()) as { code: string };
  return { code, date: day.date, lastName };
}

/**
 * A Y4M video (Chromium's fake camera) of a booking confirmation's QR code, drawn as the
 * confirmation page draws it (the `qrcode` package, level M), black on white, 640×480.
 */
function qrVideo(text: string): string {
  const modules = createQr(text, { errorCorrectionLevel: 'M' }).modules;
  const width = 640;
  const height = 480;
  const scale = 10;
  const side = (modules.size + 8) * scale;
  const left = (width - side) / 2;
  const top = (height - side) / 2;
  const luma = Buffer.alloc(width * height, 255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - 4;
      const column = Math.floor(x / scale) - 4;
      const dark = row >= 0 && column >= 0 && row < modules.size && column < modules.size && modules.get(row, column);
      if (dark) luma[(top + y) * width + left + x] = 0;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sportello-qr-')), 'qr.y4m');
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: 10 }, () => frame)]));
  return file;
}

async function login(page: Page, username: string): Promise<void> {
  await page.goto(`${BASE_URL}/staff/login`);
  await page.getByLabel('Nome utente').fill(username);
  await page.getByLabel('Password').fill('sportello-demo');
  await page.getByLabel('Password').press('Enter');
  await page.waitForURL(/\/staff$/);
}

/** Records what the page prints and speaks instead of printing and speaking. */
async function recordPrintAndSpeech(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __printed: number; __spoken: string[] };
    w.__printed = 0;
    w.__spoken = [];
    window.print = () => {
      w.__printed++;
    };
    if ('speechSynthesis' in window) {
      window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
        if (utterance.text) w.__spoken.push(utterance.text);
        setTimeout(() => utterance.onend?.(new Event('end') as SpeechSynthesisEvent), 50);
      };
    }
  });
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** Waits (up to 10 s) until the element shows this text — the page renders after the click — then checks it. */
async function expectText(page: Page, testId: string, expected: string): Promise<void> {
  await page
    .waitForFunction(
      ([id, wanted]) => (document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim() === wanted,
      [testId, expected],
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  expect(await text(page, testId)).toBe(expected);
}

describe('front desk (real Chromium, demo accounts)', () => {
  let browser: Browser;
  let officeId: string;
  let hours: { restore(): Promise<void> };

  beforeAll(async () => {
    browser = await launchChromium();
    const offices = (await (await fetch(`${BASE_URL}/api/offices`)).json()) as Array<{ id: string }>;
    officeId = offices[0].id;
    // The kiosk gives walk-in tickets only while the office is open: open it whenever this runs.
    hours = await openAroundTheClock(officeId);
  });

  afterAll(async () => {
    await hours?.restore();
    await browser?.close();
  });

  it('kiosk issues a ticket, a desk calls it, the display and the ticket page show it live; no WCAG 2.1 A/AA violation', async () => {
    const display = await newPage(browser, { width: 1920, height: 1080 });
    const kiosk = await newPage(browser, { width: 1080, height: 1920 });
    const desk = await newPage(browser);
    const citizen = await newPage(browser, { width: 390, height: 844 });
    await recordPrintAndSpeech(display.context);
    await recordPrintAndSpeech(kiosk.context);
    try {
      // The waiting-room screen: public, full screen (no site header), audio switched on.
      await display.page.goto(`${BASE_URL}/display/${officeId}`);
      await display.page.getByTestId('display-rules').waitFor();
      expect(await display.page.locator('header.it-header-wrapper').count()).toBe(0);
      expect(await text(display.page, 'display-rules')).toContain('Chi aspetta da più di 30 minuti passa avanti.');
      expect(await wcagViolations(display.page)).toEqual([]);
      await display.page.getByTestId('display-audio').click();
      await expectText(display.page, 'display-audio', 'Disattiva audio');

      // The kiosk (totem account): "Non ho appuntamento" → CIE with priority → the printed ticket.
      await login(kiosk.page, 'totem');
      await kiosk.page.goto(`${BASE_URL}/staff/totem`);
      await kiosk.page.getByTestId('kiosk-walk-in').waitFor();
      expect(await kiosk.page.locator('header.it-header-wrapper').count()).toBe(0);
      expect(await wcagViolations(kiosk.page)).toEqual([]);
      await kiosk.page.getByTestId('kiosk-walk-in').click();
      await kiosk.page.getByTestId('kiosk-service-C').waitFor();
      await kiosk.page.getByTestId('kiosk-priority').click();
      await kiosk.page.locator('[data-testid="kiosk-priority"][aria-checked="true"]').waitFor();
      expect(await wcagViolations(kiosk.page)).toEqual([]);
      await kiosk.page.getByTestId('kiosk-service-C').click();
      await kiosk.page.getByTestId('printed-ticket').waitFor();
      const number = await text(kiosk.page, 'ticket-number');
      expect(number).toMatch(/^C\d{3}$/);
      expect(await text(kiosk.page, 'printed-ticket')).toContain('Precedenza');
      await kiosk.page.waitForFunction(() => (window as unknown as { __printed: number }).__printed === 1);
      expect(await wcagViolations(kiosk.page)).toEqual([]);
      // On paper: only the ticket, on an 80 mm page.
      await kiosk.page.emulateMedia({ media: 'print' });
      expect(await kiosk.page.getByTestId('printed-ticket').isVisible()).toBe(true);
      expect(await kiosk.page.getByTestId('kiosk-done').isVisible()).toBe(false);
      expect(await kiosk.page.locator('h1').isVisible()).toBe(false);
      const pageRule = await kiosk.page.evaluate(() =>
        Array.from(document.styleSheets)
          .flatMap((sheet) => Array.from(sheet.cssRules))
          .filter((rule): rule is CSSPageRule => rule instanceof CSSPageRule)
          .map((rule) => `${rule.style.getPropertyValue('size')} / ${rule.style.getPropertyValue('margin')}`),
      );
      expect(pageRule.some((rule) => rule.startsWith('80mm') && rule.endsWith('/ 0px'))).toBe(true);
      await kiosk.page.emulateMedia({ media: 'screen' });

      // The public display now counts the person waiting.
      const queue = (await (await fetch(`${BASE_URL}/api/offices/${officeId}/display`)).json()) as { waits: Array<{ ticketPrefix: string; waiting: number }> };
      expect(queue.waits.find((w) => w.ticketPrefix === 'C')?.waiting).toBeGreaterThanOrEqual(1);

      // The desk (operator): Sportello 2, whose queue shows the ticket and why it is there.
      await login(desk.page, 'operatore');
      await desk.page.goto(`${BASE_URL}/staff/sportello`);
      await desk.page.getByTestId('desk-select').waitFor();
      const deskOption = await desk.page.locator('#desk-select option', { hasText: 'Sportello 2 –' }).getAttribute('value');
      await desk.page.getByTestId('desk-select').selectOption(deskOption ?? '');
      await desk.page.getByTestId('desk-queue').waitFor();
      const queued = desk.page.locator('[data-testid="desk-queue"] li', { hasText: number });
      expect(((await queued.textContent()) ?? '').replace(/\s+/g, ' ')).toContain('Precedenza – in attesa da');
      expect(await wcagViolations(desk.page)).toEqual([]);

      // The ticket page, open before the call.
      const ticketId = await desk.page.evaluate(
        async ([office, wanted]) => {
          const list = (await (await fetch(`/api/offices/${office}/queue`)).json()) as Array<{ id: string; number: string }>;
          return list.find((t) => t.number === wanted)?.id ?? '';
        },
        [officeId, number],
      );
      await citizen.page.goto(`${BASE_URL}/biglietto/${ticketId}`);
      await citizen.page.getByTestId('public-ticket-position').waitFor();
      expect(await text(citizen.page, 'public-ticket-number')).toBe(number);
      expect(await wcagViolations(citizen.page)).toEqual([]);

      // Call: the desk shows the ticket; the display shows it live and speaks it; so does the ticket page.
      await desk.page.getByTestId('desk-call-next').click();
      await desk.page.getByTestId('desk-current-number').waitFor();
      expect(await text(desk.page, 'desk-current-number')).toBe(number);
      await expectText(desk.page, 'desk-status', `Chiamato il numero ${number}.`);
      expect(await wcagViolations(desk.page)).toEqual([]);

      const call = display.page.locator(`[data-testid="display-current"] li[data-number="${number}"]`);
      await call.waitFor({ timeout: 10_000 });
      expect(((await call.textContent()) ?? '').replace(/\s+/g, ' ').trim()).toBe(`${number} → allo Sportello 2`);
      expect(await call.getAttribute('class')).toContain('sp-call-fresh');
      await expectText(display.page, 'display-announcement', `Numero ${number}, Sportello 2`);
      const spelled = number.split('').join(' ');
      await display.page.waitForFunction(
        (expected) => (window as unknown as { __spoken: string[] }).__spoken.includes(expected),
        `Numero ${spelled}, sportello 2`,
        {
          timeout: 10_000,
        },
      );
      expect(await wcagViolations(display.page)).toEqual([]);

      await citizen.page.getByTestId('ticket-turn').waitFor({ timeout: 10_000 });
      await expectText(citizen.page, 'ticket-announcement', 'È il tuo turno: Sportello 2');
      expect(await wcagViolations(citizen.page)).toEqual([]);

      // Recall: spoken again, once.
      await desk.page.getByTestId('desk-recall').click();
      await display.page.waitForFunction(
        (expected) => (window as unknown as { __spoken: string[] }).__spoken.filter((s) => s === expected).length === 1,
        `Richiamo. Numero ${spelled}, sportello 2`,
        { timeout: 10_000 },
      );
      expect(await display.page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.length)).toBe(2);

      // Start, complete with an outcome: the display's current calls empty out.
      await desk.page.getByTestId('desk-start').click();
      await desk.page.locator('#desk-current-title', { hasText: 'In servizio' }).waitFor();
      await desk.page.getByTestId('desk-outcome').selectOption('CIE_REQUEST_TAKEN');
      await desk.page.getByTestId('desk-complete').click();
      await desk.page.getByTestId('desk-idle').waitFor();
      await expectText(desk.page, 'desk-status', `Numero ${number} concluso.`);
      await display.page.getByTestId('display-no-calls').waitFor({ timeout: 10_000 });
      expect(await text(display.page, 'display-recent')).toContain(number);
      await citizen.page.getByTestId('public-ticket-done').waitFor({ timeout: 10_000 });
    } finally {
      await Promise.all([display.context.close(), kiosk.context.close(), desk.context.close(), citizen.context.close()]);
    }
  });

  it('agenda: a booked appointment by date and search, no check-in on another day, a walk-in ticket; the kiosk refuses that code', async () => {
    const { code, date: day, lastName } = await bookForAnotherDay(officeId);

    const { context, page } = await newPage(browser);
    try {
      await login(page, 'operatore');
      await page.goto(`${BASE_URL}/staff/agenda`);
      await page.getByTestId('walk-in-form').waitFor();
      await page.locator('[data-testid="agenda-empty"], [data-testid="agenda-table"]').first().waitFor();
      expect(await wcagViolations(page)).toEqual([]);

      await page.getByTestId('agenda-date').fill(day);
      await page.getByTestId('agenda-search').fill(lastName.toLowerCase());
      const row = page.locator(`tr[data-code="${code}"]`);
      // The search (sent after a short pause in typing) leaves this booking alone.
      await page.waitForFunction(
        (wanted) => {
          const rows = document.querySelectorAll('[data-testid="agenda-table"] tbody tr');
          return rows.length === 1 && rows[0].getAttribute('data-code') === wanted;
        },
        code,
        { timeout: 10_000 },
      );
      expect(((await row.textContent()) ?? '').replace(/\s+/g, ' ')).toContain(`Paola ${lastName}`);
      expect(await row.getByTestId('agenda-status-badge').textContent()).toBe('Prenotato');
      // Another day: arrivals are registered on the day itself only.
      expect(await row.getByTestId('agenda-check-in').count()).toBe(0);
      expect(await text(page, 'agenda-other-day')).toContain('l’arrivo si registra solo nel giorno dell’appuntamento');
      expect(await wcagViolations(page)).toEqual([]);

      // A walk-in ticket issued at the desk.
      await page.getByTestId('walk-in-service').selectOption({ index: 3 });
      await page.getByTestId('walk-in-name').fill('Giuseppe Verdi');
      await page.getByTestId('walk-in-submit').click();
      await page.getByTestId('walk-in-number').waitFor();
      expect(await text(page, 'walk-in-number')).toMatch(/^R\d{3}$/);
      expect(await wcagViolations(page)).toEqual([]);

      // The kiosk, given the same code, says the same.
      const kiosk = await newPage(browser, { width: 1080, height: 1920 });
      try {
        await login(kiosk.page, 'totem');
        await kiosk.page.goto(`${BASE_URL}/staff/totem`);
        await kiosk.page.getByTestId('kiosk-appointment').click();
        // Typed as people do: lower case, no dash.
        await kiosk.page.getByTestId('kiosk-code').fill(code.toLowerCase().replace('-', ''));
        await kiosk.page.getByTestId('kiosk-check-in').click();
        await kiosk.page.getByTestId('kiosk-error').waitFor();
        expect(await text(kiosk.page, 'kiosk-error')).toContain('non è per oggi');
        expect(await wcagViolations(kiosk.page)).toEqual([]);
      } finally {
        await kiosk.context.close();
      }
    } finally {
      await context.close();
    }
  });

  it('kiosk: the booking’s QR code shown to the camera is read (jsqr where Chromium has no BarcodeDetector) and checked in', async () => {
    const { code } = await bookForAnotherDay(officeId);
    const camera = await chromium.launch({
      executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${qrVideo(code)}`,
      ],
    });
    try {
      const { context, page } = await newPage(camera, { width: 1080, height: 1920 });
      await context.grantPermissions(['camera'], { origin: BASE_URL });
      await login(page, 'totem');
      await page.goto(`${BASE_URL}/staff/totem`);
      await page.getByTestId('kiosk-appointment').click();
      await page.getByTestId('kiosk-scan').click();
      await page.locator('video').waitFor();
      expect(await wcagViolations(page)).toEqual([]);
      // The code is read off the video and sent: this booking is for another day.
      await page.getByTestId('kiosk-error').waitFor({ timeout: 20_000 });
      expect(await text(page, 'kiosk-error')).toContain('non è per oggi');
      expect(await page.getByTestId('kiosk-code').inputValue()).toBe(code);
      await context.close();
    } finally {
      await camera.close();
    }
  });
});
