import { Route } from '@angular/router';
import { Home } from './features/home/home';

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', component: Home, title: 'title.home' },
  {
    path: 'prenota/:serviceCode',
    loadComponent: () => import('./features/booking/booking').then((m) => m.Booking),
    title: 'title.booking',
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
    path: '**',
    loadComponent: () => import('./features/not-found/not-found').then((m) => m.NotFound),
    title: 'title.notFound',
  },
];
