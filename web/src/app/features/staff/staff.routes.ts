import { Route } from '@angular/router';
import { staffGuard } from '../../core/auth/staff-guard';

/**
 * The staff area (/staff). Everything but the login page needs a session: the guard sends
 * to /staff/login and back. Pages for one role add `data: { roles: [...] }`.
 */
export const staffRoutes: Route[] = [
  {
    path: 'login',
    loadComponent: () => import('./login').then((m) => m.Login),
    title: 'title.staffLogin',
  },
  {
    path: '',
    canActivate: [staffGuard],
    canActivateChild: [staffGuard],
    children: [
      { path: '', pathMatch: 'full', loadComponent: () => import('./staff-home').then((m) => m.StaffHome), title: 'title.staff' },
      {
        path: 'statistiche',
        loadComponent: () => import('../stats/statistics').then((m) => m.Statistics),
        data: { roles: ['manager', 'admin'] },
        title: 'title.stats',
      },
      {
        path: '**',
        loadComponent: () => import('../not-found/not-found').then((m) => m.NotFound),
        title: 'title.notFound',
      },
    ],
  },
];
