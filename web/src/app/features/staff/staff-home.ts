import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { StaffRole } from '@sportello/contracts';
import { STAFF_LOGIN_PATH } from '../../core/auth/staff-guard';
import { StaffAuth } from '../../core/auth/staff-auth';
import { I18n, MessageKey } from '../../core/i18n/i18n';

const ROLE_KEYS: Record<StaffRole, MessageKey> = {
  operator: 'staff.role.operator',
  manager: 'staff.role.manager',
  admin: 'staff.role.admin',
  kiosk: 'staff.role.kiosk',
};

/** The staff home (/staff): who is logged in, with which role and for which offices; logout. */
@Component({
  selector: 'sp-staff-home',
  templateUrl: './staff-home.html',
  styleUrl: './staff.scss',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffHome {
  protected readonly i18n = inject(I18n);
  private readonly auth = inject(StaffAuth);
  private readonly router = inject(Router);

  protected readonly user = this.auth.user;
  protected readonly role = computed(() => {
    const user = this.user();
    return user ? this.i18n.t(ROLE_KEYS[user.role]) : '';
  });
  protected readonly busy = signal(false);
  /** Managers and admins read the statistics. */
  protected readonly canSeeStats = computed(() => this.user()?.role === 'manager' || this.user()?.role === 'admin');

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
