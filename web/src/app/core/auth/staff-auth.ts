import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { LoginRequest, StaffRole, StaffSessionDto, StaffUserDto } from '@sportello/contracts';
import { firstValueFrom } from 'rxjs';

/** Who is logged in: not asked yet, nobody, or a staff member. */
export type StaffAuthState = { status: 'unknown' } | { status: 'anonymous' } | { status: 'authenticated'; user: StaffUserDto };

/**
 * The staff session as the web app sees it. The session itself is an HttpOnly cookie the
 * page never reads; the api tells who it belongs to (`GET /api/auth/me`). Unsafe requests
 * carry the X-XSRF-TOKEN header, added by HttpClient (withXsrfConfiguration in app.config).
 */
@Injectable({ providedIn: 'root' })
export class StaffAuth {
  private readonly http = inject(HttpClient);
  private readonly state = signal<StaffAuthState>({ status: 'unknown' });
  private pending: Promise<StaffUserDto | null> | null = null;

  /** The logged-in staff member, or null. */
  readonly user = computed(() => {
    const state = this.state();
    return state.status === 'authenticated' ? state.user : null;
  });
  readonly status = computed(() => this.state().status);

  /** Whether the logged-in account has one of these roles (admin has them all). */
  hasRole(...roles: StaffRole[]): boolean {
    const role = this.user()?.role;
    return role === 'admin' || (role !== undefined && roles.includes(role));
  }

  /**
   * Asks the api once who is logged in (later calls reuse the answer). A 401 means nobody;
   * an unreachable api counts as nobody too, and is asked again next time.
   */
  ensureLoaded(): Promise<StaffUserDto | null> {
    const state = this.state();
    if (state.status === 'authenticated') return Promise.resolve(state.user);
    if (state.status === 'anonymous') return Promise.resolve(null);
    this.pending ??= firstValueFrom(this.http.get<StaffSessionDto>('/api/auth/me'))
      .then((session) => {
        this.state.set({ status: 'authenticated', user: session.user });
        return session.user;
      })
      .catch((error: unknown) => {
        if (error instanceof HttpErrorResponse && error.status === 401) this.state.set({ status: 'anonymous' });
        return null;
      })
      .finally(() => (this.pending = null));
    return this.pending;
  }

  /** Logs in; rejects with the HttpErrorResponse (401 INVALID_CREDENTIALS, 429 …). */
  async login(request: LoginRequest): Promise<StaffUserDto> {
    const session = await firstValueFrom(this.http.post<StaffSessionDto>('/api/auth/login', request));
    this.state.set({ status: 'authenticated', user: session.user });
    return session.user;
  }

  /** Ends the session on the server; locally it ends even when the api cannot be reached. */
  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>('/api/auth/logout', {}));
    } finally {
      this.state.set({ status: 'anonymous' });
    }
  }

  /** Forget the session (e.g. an api call answered 401: it expired). */
  signedOut(): void {
    this.state.set({ status: 'anonymous' });
  }
}
