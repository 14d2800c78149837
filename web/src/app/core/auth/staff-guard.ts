import { inject } from '@angular/core';
import { ActivatedRouteSnapshot, CanActivateFn, Router, RouterStateSnapshot } from '@angular/router';
import type { StaffRole } from '@sportello/contracts';
import { StaffAuth } from './staff-auth';

export const STAFF_LOGIN_PATH = '/staff/login';
export const STAFF_HOME_PATH = '/staff';

/**
 * Guards the staff pages (`/staff/**`): without a session it sends to the login page,
 * which comes back here afterwards (`?returnUrl=`). A route may also ask for roles with
 * `data: { roles: ['operator'] }` (admin always passes); others go to the staff home.
 */
export const staffGuard: CanActivateFn = async (route: ActivatedRouteSnapshot, state: RouterStateSnapshot) => {
  const auth = inject(StaffAuth);
  const router = inject(Router);
  const user = await auth.ensureLoaded();
  if (!user) return router.createUrlTree([STAFF_LOGIN_PATH], { queryParams: { returnUrl: state.url } });
  const roles = route.data['roles'] as StaffRole[] | undefined;
  if (roles && !auth.hasRole(...roles)) return router.createUrlTree([STAFF_HOME_PATH]);
  return true;
};

/**
 * Where to go after logging in: a staff page of this app, never another site
 * (`//evil.example`, `https://…`) nor the login page itself.
 */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !/^\/staff(?:[/?#]|$)/.test(value) || value.startsWith('//') || value.includes('\\')) return STAFF_HOME_PATH;
  if (value === STAFF_LOGIN_PATH || value.startsWith(`${STAFF_LOGIN_PATH}?`) || value.startsWith(`${STAFF_LOGIN_PATH}/`)) return STAFF_HOME_PATH;
  return value;
}
