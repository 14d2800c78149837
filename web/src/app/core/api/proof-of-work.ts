import { HttpInterceptorFn } from '@angular/common/http';
import { DOCUMENT } from '@angular/common';
import { inject, Injectable } from '@angular/core';
import { from, switchMap } from 'rxjs';
import { CitizenAuth } from '../auth/citizen-auth';

/** What the service needs of the `altcha-widget` element (a proof-of-work solver on screen). */
export interface ProofOfWorkSolver {
  reset(): void;
  verify(): Promise<{ payload: string } | null>;
}

/** A payload this close to its challenge's expiry is solved again rather than sent. */
const MIN_SECONDS_LEFT = 60;
/** How long a request waits for the widget of its step to appear (it loads with the step). */
const WIDGET_WAIT_MS = 1500;

/** The `altcha-widget` element's own methods, beyond the solver's. */
export interface AltchaElement extends HTMLElement, ProofOfWorkSolver {
  configure(config: Record<string, unknown>): Promise<void>;
}

/** The widget's settings everywhere: our challenge URL, solving only when asked, no delay, no attribution link. */
export const ALTCHA_CONFIG = { challenge: '/api/challenge', auto: 'off', hideFooter: true, hideLogo: true, minDuration: 0 } as const;

let loading: Promise<boolean> | null = null;

/**
 * Loads the widget once, when it is first needed: the strict-CSP build (no inline styles or
 * blob workers), its worker and stylesheet served from the site (/altcha/…). False where it
 * cannot run (no workers: jsdom).
 */
export function loadAltcha(document: Document): Promise<boolean> {
  if (typeof Worker === 'undefined') return Promise.resolve(false);
  loading ??= (async () => {
    await import('altcha/external');
    await import('altcha/i18n/it');
    const altcha = (globalThis as unknown as { $altcha: { algorithms: Map<string, () => Worker> } }).$altcha;
    altcha.algorithms.set('PBKDF2/SHA-256', () => new Worker('/altcha/pbkdf2.js'));
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/altcha/altcha.css';
    document.head.appendChild(link);
    await customElements.whenDefined('altcha-widget');
    return true;
  })().catch(() => false);
  return loading;
}

/**
 * The ALTCHA solutions for the anonymous writes (holds, bookings, waitlist sign-ups): the
 * widget on the step solves one as soon as it appears, so that the citizen rarely waits;
 * each request takes one (the api accepts each only once) and the next is solved behind it.
 * One solve at a time, in request order.
 */
@Injectable({ providedIn: 'root' })
export class ProofOfWork {
  private readonly document = inject(DOCUMENT, { optional: true });
  private widget: ProofOfWorkSolver | null = null;
  private hidden: AltchaElement | null = null;
  private ready: Promise<string | null> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private arrivals: Array<() => void> = [];

  /** The widget of the current step: solving starts at once. */
  attach(widget: ProofOfWorkSolver): void {
    this.widget = widget;
    this.ready = this.solve();
    for (const arrived of this.arrivals.splice(0)) arrived();
  }

  detach(widget: ProofOfWorkSolver): void {
    if (this.widget !== widget) return;
    this.widget = null;
    this.ready = null;
  }

  /** A solution for one request (the widget's base64 payload), or null without a widget. */
  payload(): Promise<string | null> {
    const turn = this.queue.then(() => this.take());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async take(): Promise<string | null> {
    // A request from a step without the widget (a hold taken again after a reload): an
    // invisible one solves it.
    if (!this.widget && !(await this.widgetArrives()) && !(await this.invisibleWidget())) return null;
    let payload = this.ready ? await this.ready : null;
    this.ready = null;
    if (!payload || secondsLeft(payload) < MIN_SECONDS_LEFT) payload = await this.solve();
    // Single use: the next request gets a new one, solved from now on.
    this.ready = this.solve();
    return payload;
  }

  private solve(): Promise<string | null> {
    const widget = this.widget;
    if (!widget) return Promise.resolve(null);
    widget.reset();
    return widget.verify().then(
      (result) => result?.payload ?? null,
      () => null,
    );
  }

  private async invisibleWidget(): Promise<boolean> {
    const document = this.document;
    if (!document || !(await loadAltcha(document))) return false;
    if (!this.hidden) {
      const element = document.createElement('altcha-widget') as AltchaElement;
      element.setAttribute('data-testid', 'proof-of-work-invisible');
      document.body.appendChild(element);
      // The element's methods exist only once it has mounted, a task after it is connected.
      if (!(await mounted(element))) return false;
      await element.configure({ ...ALTCHA_CONFIG, display: 'invisible' });
      this.hidden = element;
    }
    if (!this.widget) this.attach(this.hidden);
    return true;
  }

  private widgetArrives(): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), WIDGET_WAIT_MS);
      this.arrivals.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

/** Resolves true once the widget's methods are there (false if it never mounts). */
async function mounted(element: AltchaElement, tries = 50): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (typeof element.configure === 'function') return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}

/** Seconds until the payload's challenge expires (0 when it cannot be read). */
export function secondsLeft(payload: string, now = Date.now()): number {
  try {
    const parsed = JSON.parse(atob(payload)) as { challenge?: { parameters?: { expiresAt?: unknown } } } | null;
    const expiresAt = parsed?.challenge?.parameters?.expiresAt;
    return typeof expiresAt === 'number' ? expiresAt - now / 1000 : 0;
  } catch {
    return 0;
  }
}

const CHALLENGED = /^\/api\/(holds|appointments|appointments\/recover|waitlist)$/;
/** What a citizen signed in with SPID/CIE sends without a proof of work (the api knows who it is). */
const SIGNED_IN_SKIPS = /^\/api\/(holds|appointments)$/;

/**
 * Adds a fresh proof of work (X-Altcha) to POST /api/holds, /api/appointments,
 * /api/appointments/recover and /api/waitlist; not to a signed-in citizen's holds and bookings.
 */
export const proofOfWorkInterceptor: HttpInterceptorFn = (request, next) => {
  if (request.method !== 'POST' || !CHALLENGED.test(request.url)) return next(request);
  if (SIGNED_IN_SKIPS.test(request.url) && inject(CitizenAuth).citizen()) return next(request);
  const proofOfWork = inject(ProofOfWork);
  return from(proofOfWork.payload()).pipe(switchMap((payload) => next(payload ? request.clone({ setHeaders: { 'X-Altcha': payload } }) : request)));
};
