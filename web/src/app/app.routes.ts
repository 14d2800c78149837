import { Route } from '@angular/router';
import { Home } from './features/home/home';

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', component: Home, title: 'title.home' },
  {
    path: 'prenota/:serviceCode',
    loadChildren: () => import('./features/booking/booking.routes').then((m) => m.bookingRoutes),
  },
  {
    path: 'gestisci/:token',
    loadComponent: () => import('./features/manage/manage').then((m) => m.Manage),
    title: 'title.manage',
  },
  {
    path: 'gestisci/:token/conferma',
    loadComponent: () => import('./features/manage/confirm-attendance').then((m) => m.ConfirmAttendance),
    title: 'title.confirmAttendance',
  },
  {
    path: 'accedi',
    loadComponent: () => import('./features/citizen/sign-in').then((m) => m.SignIn),
    title: 'title.signIn',
  },
  {
    path: 'le-mie-prenotazioni',
    loadComponent: () => import('./features/citizen/my-appointments').then((m) => m.MyAppointments),
    title: 'title.myAppointments',
  },
  {
    // One of the signed-in citizen's bookings: the manage page, by its code instead of a link's token.
    path: 'le-mie-prenotazioni/:code',
    loadComponent: () => import('./features/manage/manage').then((m) => m.Manage),
    title: 'title.myAppointment',
  },
  {
    path: 'lista-attesa/annulla/:token',
    loadComponent: () => import('./features/waitlist/leave-waitlist').then((m) => m.LeaveWaitlist),
    title: 'title.waitlistLeave',
  },
  {
    path: 'privacy',
    loadComponent: () => import('./features/info/info-page').then((m) => m.InfoPage),
    data: { page: 'privacy' },
    title: 'title.privacy',
  },
  {
    path: 'accessibilita',
    loadComponent: () => import('./features/info/info-page').then((m) => m.InfoPage),
    data: { page: 'accessibility' },
    title: 'title.accessibility',
  },
  {
    // The waiting-room screen: public, full screen, without the site header and footer.
    path: 'display/:officeId',
    loadComponent: () => import('./features/frontdesk/display/display').then((m) => m.Display),
    data: { bare: true },
    title: 'title.display',
  },
  {
    path: 'biglietto/:ticketId',
    loadComponent: () => import('./features/frontdesk/ticket/public-ticket').then((m) => m.PublicTicket),
    title: 'title.ticket',
  },
  {
    path: 'staff',
    loadChildren: () => import('./features/staff/staff.routes').then((m) => m.staffRoutes),
  },
  {
    path: '**',
    loadComponent: () => import('./features/not-found/not-found').then((m) => m.NotFound),
    title: 'title.notFound',
  },
];
