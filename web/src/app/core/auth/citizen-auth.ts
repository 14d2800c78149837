import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { CitizenDto, PublicConfigDto } from '@sportello/contracts';
import { CITIZEN_XSRF_COOKIE } from '@sportello/contracts';
import { ApiClient } from '../api/api-client';

/** Who is signed in with SPID/CIE: not asked yet, nobody, or a citizen. */
export type CitizenAuthState = { status: 'unknown' } | { status: 'anonymous' } | { status: 'signedIn'; citizen: CitizenDto };

/**
 * The citizen's sign-in with SPID/CIE as the web app sees it. Sign-in is a convenience,
 * never a barrier: without `OIDC_ISSUER` on the api (`GET /api/config`) nothing of it shows.
 * The session is an HttpOnly cookie the page never reads; its readable CSRF companion
 * (CITIZEN-XSRF-TOKEN) lives exactly as long, so an anonymous visitor costs no
 * `/api/citizen/me` request.
 */
@Injectable({ providedIn: 'root' })
export class CitizenAuth {
  private readonly api = inject(ApiClient);
  private readonly document = inject(DOCUMENT);
  private readonly state = signal<CitizenAuthState>({ status: 'unknown' });
  private readonly config = signal<PublicConfigDto['signIn'] | null>(null);
  private readonly channels = signal<PublicConfigDto['channels'] | null>(null);
  private pending: Promise<CitizenDto | null> | null = null;

  /** The signed-in citizen, or null. */
  readonly citizen = computed(() => {
    const state = this.state();
    return state.status === 'signedIn' ? state.citizen : null;
  });
  readonly status = computed(() => this.state().status);
  /** Sign-in is offered here (the api has an identity provider). */
  readonly available = computed(() => this.config()?.available === true);
  /** App IO is configured on the api: the booking form offers "Ricevi anche su App IO". */
  readonly ioAvailable = computed(() => this.channels()?.io === true);
  /** The label of the provider (OIDC_PROVIDER_NAME), e.g. "SPID / CIE". */
  readonly providerName = computed(() => this.config()?.providerName ?? null);

  /**
   * Asks the api once whether sign-in is offered and who is signed in (later calls reuse
   * the answers). An unreachable api counts as "no sign-in" and is asked again next time.
   */
  ensureLoaded(): Promise<CitizenDto | null> {
    const state = this.state();
    if (state.status === 'signedIn') return Promise.resolve(state.citizen);
    if (state.status === 'anonymous') return Promise.resolve(null);
    this.pending ??= this.load().finally(() => (this.pending = null));
    return this.pending;
  }

  /** The api's sign-in address, coming back to `returnTo` (a path of this site). */
  loginUrl(returnTo: string): string | null {
    const url = this.config()?.loginUrl;
    return url ? `${url}?returnTo=${encodeURIComponent(isSitePath(returnTo) ? returnTo : '/')}` : null;
  }

  /**
   * Signs out here; when the provider offers it, the browser then goes to its logout page
   * (which comes back to the home page). Locally the session ends even when the api cannot
   * be reached.
   */
  async logout(): Promise<string | null> {
    try {
      return await this.api.citizenLogout();
    } catch {
      return null;
    } finally {
      this.state.set({ status: 'anonymous' });
    }
  }

  /** Forget the citizen (an api answer said the session is gone). */
  signedOut(): void {
    this.state.set({ status: 'anonymous' });
  }

  private async load(): Promise<CitizenDto | null> {
    try {
      const config = await this.api.publicConfig();
      this.config.set(config.signIn);
      this.channels.set(config.channels ?? null);
    } catch {
      return null;
    }
    if (!this.available() || !hasCookie(this.document, CITIZEN_XSRF_COOKIE)) {
      this.state.set({ status: 'anonymous' });
      return null;
    }
    try {
      const citizen = await this.api.citizen();
      this.state.set({ status: 'signedIn', citizen });
      return citizen;
    } catch (error: unknown) {
      if (error instanceof HttpErrorResponse && error.status === 401) this.state.set({ status: 'anonymous' });
      return null;
    }
  }
}

/** A path of this site ("/…"), not another origin ("//host", "/\\host"): where a sign-in may come back to. */
export function isSitePath(path: string): boolean {
  return /^\/(?![/\\])/.test(path);
}

/** The value of a cookie the page may read, or null. */
export function readCookie(document: Document, name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

function hasCookie(document: Document, name: string): boolean {
  return Boolean(readCookie(document, name));
}
