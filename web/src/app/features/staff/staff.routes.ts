import { Route } from '@angular/router';
import { staffGuard } from '../../core/auth/staff-guard';

/**
 * The staff area (/staff). Every page but the totem sits in the staff shell (header with
 * the comune, the account and its office, the navigation, "Esci"): `data.shell`. Everything
 * but the login page needs a session: the guard sends to /staff/login and back. Pages for
 * some roles add `data: { roles: [...] }`.
 */
export const staffRoutes: Route[] = [
  {
    // Full screen on the totem: no header at all (`bare`).
    path: 'totem',
    canActivate: [staffGuard],
    loadComponent: () => import('../frontdesk/kiosk/kiosk').then((m) => m.Kiosk),
    data: { roles: ['kiosk', 'operator', 'manager'], bare: true },
    title: 'title.kiosk',
  },
  {
    path: '',
    loadComponent: () => import('./staff-shell').then((m) => m.StaffShell),
    data: { shell: 'staff' },
    children: [
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
            path: 'sportello',
            loadComponent: () => import('../frontdesk/desk/desk').then((m) => m.Desk),
            data: { roles: ['operator', 'manager'] },
            title: 'title.desk',
          },
          {
            path: 'agenda',
            loadComponent: () => import('../frontdesk/agenda/agenda').then((m) => m.Agenda),
            data: { roles: ['operator', 'manager'] },
            title: 'title.agenda',
          },
          {
            path: 'admin',
            data: { roles: ['manager'] },
            loadChildren: () => import('../admin/admin.routes').then((m) => m.adminRoutes),
          },
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
    ],
  },
];
