import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { StaffRole } from '@sportello/contracts';
import { STAFF_LOGIN_PATH } from '../../core/auth/staff-guard';
import { StaffAuth } from '../../core/auth/staff-auth';
import { CLOCK } from '../../core/clock';
import { I18n, MessageKey } from '../../core/i18n/i18n';
import { greetingKey } from './greeting';

const ROLE_KEYS: Record<StaffRole, MessageKey> = {
  operator: 'staff.role.operator',
  manager: 'staff.role.manager',
  admin: 'staff.role.admin',
  kiosk: 'staff.role.kiosk',
};

/** The staff home (/staff): who is logged in, with which role and for which offices; the pages and tools of the role; logout. */
@Component({
  selector: 'sp-staff-home',
  imports: [RouterLink],
  templateUrl: './staff-home.html',
  styleUrl: './staff.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffHome {
  protected readonly i18n = inject(I18n);
  private readonly auth = inject(StaffAuth);
  private readonly router = inject(Router);

  protected readonly user = this.auth.user;
  /** Good morning, afternoon or evening, by the hour in Rome. */
  protected readonly greeting = greetingKey(inject(CLOCK)());
  protected readonly role = computed(() => {
    const user = this.user();
    return user ? this.i18n.t(ROLE_KEYS[user.role]) : '';
  });
  protected readonly busy = signal(false);
  /** Managers and admins run offices: the administration pages. */
  protected readonly canAdminister = computed(() => ['manager', 'admin'].includes(this.user()?.role ?? ''));

  /** The front-desk pages this role may use (as the routes' `data.roles` say), and each office's display. */
  protected readonly pages = computed(() => {
    const user = this.user();
    if (!user) return [];
    const pages: Array<{ link: string; label: string; testId: string }> = [];
    if (this.auth.hasRole('operator', 'manager')) {
      pages.push({ link: '/staff/sportello', label: this.i18n.t('staff.page.desk'), testId: 'page-desk' });
      pages.push({ link: '/staff/agenda', label: this.i18n.t('staff.page.agenda'), testId: 'page-agenda' });
    }
    if (this.auth.hasRole('kiosk', 'operator', 'manager')) {
      pages.push({ link: '/staff/totem', label: this.i18n.t('staff.page.kiosk'), testId: 'page-kiosk' });
    }
    for (const office of user.offices) {
      pages.push({ link: `/display/${office.id}`, label: this.i18n.t('staff.page.display', { office: office.name }), testId: 'page-display' });
    }
    return pages;
  });

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
