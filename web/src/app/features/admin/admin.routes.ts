import { Route } from '@angular/router';
import { staffGuard } from '../../core/auth/staff-guard';

/**
 * The administration pages (/staff/admin/…), loaded only when a manager or an admin opens
 * them. Office pages take the office from the URL (`:officeId`, bound to the component's
 * input); the api checks that the account works for it.
 */
export const adminRoutes: Route[] = [
  {
    path: '',
    canActivateChild: [staffGuard],
    data: { roles: ['manager'] },
    children: [
      { path: '', pathMatch: 'full', loadComponent: () => import('./admin-home').then((m) => m.AdminHome), title: 'title.admin' },
      { path: 'offices', loadComponent: () => import('./offices').then((m) => m.Offices), title: 'title.adminOffices' },
      { path: 'offices/:officeId', pathMatch: 'full', redirectTo: 'offices/:officeId/services' },
      { path: 'offices/:officeId/services', loadComponent: () => import('./services').then((m) => m.Services), title: 'title.adminServices' },
      { path: 'offices/:officeId/hours', loadComponent: () => import('./hours').then((m) => m.Hours), title: 'title.adminHours' },
      { path: 'offices/:officeId/desks', loadComponent: () => import('./desks').then((m) => m.Desks), title: 'title.adminDesks' },
      { path: 'offices/:officeId/closures', loadComponent: () => import('./closures').then((m) => m.Closures), title: 'title.adminClosures' },
      { path: 'offices/:officeId/notices', loadComponent: () => import('./notices').then((m) => m.Notices), title: 'title.adminNotices' },
      { path: 'offices/:officeId/settings', loadComponent: () => import('./settings').then((m) => m.Settings), title: 'title.adminSettings' },
      { path: 'offices/:officeId/legal', loadComponent: () => import('./legal-settings').then((m) => m.LegalSettings), title: 'title.adminLegal' },
      { path: 'staff-users', loadComponent: () => import('./staff-users').then((m) => m.StaffUsers), data: { roles: ['admin'] }, title: 'title.adminStaff' },
      { path: 'audit', loadComponent: () => import('./audit-log').then((m) => m.AuditLog), data: { roles: ['admin'] }, title: 'title.adminAudit' },
    ],
  },
];
