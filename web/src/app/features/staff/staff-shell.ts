import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked, ViewEncapsulation } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import type { StaffRole } from '@sportello/contracts';
import { filter, map } from 'rxjs';
import { STAFF_LOGIN_PATH } from '../../core/auth/staff-guard';
import { StaffAuth } from '../../core/auth/staff-auth';
import { I18n, MessageKey } from '../../core/i18n/i18n';
import { NavigationFeedback } from '../../core/navigation-feedback';
import { LanguageSwitcher } from '../../layout/language-switcher';
import { LoadingIndicator } from '../../layout/loading-indicator';
import { FrontDeskI18n, FrontDeskKey } from '../frontdesk/shared/frontdesk-i18n';
import { OfficeChoice } from './office-choice';

export const ROLE_KEYS: Record<StaffRole, MessageKey> = {
  operator: 'staff.role.operator',
  manager: 'staff.role.manager',
  admin: 'staff.role.admin',
  kiosk: 'staff.role.kiosk',
};

export interface StaffPage {
  link: string;
  label: FrontDeskKey;
  testId: string;
  /** Roles that may open it (admin always may). */
  roles: StaffRole[] | null;
  /** The URLs that are this page (exactly) or inside it. */
  match: (path: string) => 'page' | 'true' | null;
}

const exact = (link: string) => (path: string) => (path === link ? 'page' : null);
const section =
  (link: string, except: string[] = []) =>
  (path: string) =>
    path === link ? 'page' : path.startsWith(`${link}/`) && !except.some((e) => path === e || path.startsWith(`${e}/`)) ? 'true' : null;

/** The staff pages in the navigation, in order, with the roles of their routes (staff.routes.ts, admin.routes.ts). */
export const STAFF_PAGES: StaffPage[] = [
  { link: '/staff', label: 'nav.home', testId: 'nav-home', roles: null, match: exact('/staff') },
  { link: '/staff/sportello', label: 'nav.desk', testId: 'nav-desk', roles: ['operator', 'manager'], match: exact('/staff/sportello') },
  { link: '/staff/agenda', label: 'nav.agenda', testId: 'nav-agenda', roles: ['operator', 'manager'], match: exact('/staff/agenda') },
  { link: '/staff/totem', label: 'nav.kiosk', testId: 'nav-kiosk', roles: ['kiosk', 'operator', 'manager'], match: exact('/staff/totem') },
  { link: '/staff/statistiche', label: 'nav.stats', testId: 'nav-stats', roles: ['manager', 'admin'], match: exact('/staff/statistiche') },
  {
    link: '/staff/admin',
    label: 'nav.admin',
    testId: 'nav-admin',
    roles: ['manager'],
    match: section('/staff/admin', ['/staff/admin/staff-users', '/staff/admin/audit']),
  },
  { link: '/staff/admin/staff-users', label: 'nav.users', testId: 'nav-users', roles: ['admin'], match: exact('/staff/admin/staff-users') },
  { link: '/staff/admin/audit', label: 'nav.audit', testId: 'nav-audit', roles: ['admin'], match: exact('/staff/admin/audit') },
];

/** `/staff/admin/offices/{id}/…`: an administration page of one office. */
const ADMIN_OFFICE = /^\/staff\/admin\/offices\/([0-9a-f-]{36})(\/.*)?$/;

/**
 * The frame of every staff page but the totem: Bootstrap Italia's slim header with the
 * comune and the language, the centre header with the app, the account (name, role,
 * office), the office switch for accounts with several offices and "Esci"; then the
 * navigation between the pages the role may use, the current one marked
 * (`aria-current="page"`, or "true" inside a section), collapsed behind "Menu" on a phone.
 *
 * Its stylesheet is global (no encapsulation) but loaded with the staff pages only: the
 * header's navigation and the Bootstrap Italia parts the staff pages use (tables, form
 * checks, badges) would not fit the citizen pages' initial budget.
 */
@Component({
  selector: 'sp-staff-shell',
  imports: [RouterOutlet, RouterLink, LanguageSwitcher, LoadingIndicator],
  templateUrl: './staff-shell.html',
  styleUrls: ['./staff-shell.scss', './staff-kit.scss'],
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffShell {
  protected readonly i18n = inject(FrontDeskI18n);
  protected readonly appI18n = inject(I18n);
  private readonly auth = inject(StaffAuth);
  private readonly router = inject(Router);
  protected readonly choice = inject(OfficeChoice);

  protected readonly user = this.auth.user;
  protected readonly role = computed(() => {
    const user = this.user();
    return user ? this.appI18n.t(ROLE_KEYS[user.role]) : '';
  });
  protected readonly menuOpen = signal(false);
  /** A slow navigation between staff pages: a spinner (the app decides when, app.ts). */
  protected readonly navigating = inject(NavigationFeedback).navigating;
  protected readonly busy = signal(false);

  private readonly path = toSignal(
    this.router.events.pipe(
      filter((e) => e instanceof NavigationEnd),
      map(() => this.currentPath()),
    ),
    { initialValue: this.currentPath() },
  );

  /** The pages this account may open, each with its aria-current for the page shown. */
  protected readonly pages = computed(() => {
    if (!this.user()) return [];
    const path = this.path();
    return STAFF_PAGES.filter((p) => p.roles === null || this.auth.hasRole(...p.roles)).map((p) => ({ ...p, current: p.match(path) }));
  });

  constructor() {
    // An administration page of another office (a link, the back button) becomes the choice.
    effect(() => {
      const officeId = ADMIN_OFFICE.exec(this.path())?.[1];
      if (officeId) untracked(() => officeId !== this.choice.officeId() && this.choice.choose(officeId));
    });
  }

  private currentPath(): string {
    return this.router.url.split(/[?#]/)[0] || '/';
  }

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  protected closeMenu(): void {
    this.menuOpen.set(false);
  }

  /** The switch moves every page to the new office; an office's administration page follows it there. */
  protected onOffice(event: Event): void {
    const officeId = (event.target as HTMLSelectElement).value;
    this.choice.choose(officeId);
    const admin = ADMIN_OFFICE.exec(this.path());
    if (admin && admin[1] !== officeId) void this.router.navigateByUrl(`/staff/admin/offices/${officeId}${admin[2] ?? ''}`);
  }

  protected async logout(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    try {
      await this.auth.logout();
    } catch {
      // The session is forgotten here anyway; the cookie expires on the server.
    } finally {
      this.busy.set(false);
    }
    await this.router.navigate([STAFF_LOGIN_PATH], { queryParams: { loggedOut: 1 } });
  }
}
