import { inject } from '@angular/core';
import { ActivatedRouteSnapshot, CanActivateFn, Router, Routes } from '@angular/router';
import { ApplicantStep } from './applicant-step';
import { Booking } from './booking';
import type { BookingStep } from './booking-steps';
import { BookingStore } from './booking-store';
import { ConfirmationStep } from './confirmation-step';
import { DatetimeStep } from './datetime-step';
import { SummaryStep } from './summary-step';

function serviceCodeOf(route: ActivatedRouteSnapshot): string {
  for (const ancestor of route.pathFromRoot) {
    const code = ancestor.paramMap.get('serviceCode');
    if (code) return code;
  }
  return '';
}

/**
 * A step is shown only when what it needs is there (a hold, a valid form, a booking);
 * otherwise back to the first step that can be done, or to the confirmation once the
 * booking is made. After a reload the booking saved in the tab is taken up first (and its
 * time held again), so a reload stays on its step.
 */
function stepGuard(step: BookingStep): CanActivateFn {
  return async (route) => {
    const store = inject(BookingStore);
    const router = inject(Router);
    const code = serviceCodeOf(route);
    await store.whenReady(code);
    if (store.canEnter(step, code)) return true;
    const done = store.booking() !== null && store.serviceCode() === code.trim().toUpperCase();
    return router.createUrlTree(['/prenota', code, ...(done ? ['conferma'] : [])]);
  };
}

/** "Data e orario" after a completed booking starts a new one (also after a reload). */
const startOver: CanActivateFn = (route) => {
  const store = inject(BookingStore);
  store.start(serviceCodeOf(route));
  store.startOver();
  return true;
};

/** Below /prenota/:serviceCode; the store lives as long as the booking route. */
export const bookingRoutes: Routes = [
  {
    path: '',
    component: Booking,
    providers: [BookingStore],
    children: [
      { path: '', component: DatetimeStep, canActivate: [startOver], title: 'title.booking' },
      { path: 'richiedente', component: ApplicantStep, canActivate: [stepGuard('applicant')], title: 'title.applicant' },
      { path: 'riepilogo', component: SummaryStep, canActivate: [stepGuard('summary')], title: 'title.summary' },
      { path: 'conferma', component: ConfirmationStep, canActivate: [stepGuard('confirm')], title: 'title.confirm' },
    ],
  },
];
