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
 * otherwise — e.g. after a reload, which forgets the wizard — back to the first step that
 * can be done, or to the confirmation once the booking is made.
 */
function stepGuard(step: BookingStep): CanActivateFn {
  return (route) => {
    const store = inject(BookingStore);
    const code = serviceCodeOf(route);
    if (store.canEnter(step, code)) return true;
    const done = store.booking() !== null && store.serviceCode() === code.trim().toUpperCase();
    return inject(Router).createUrlTree(['/prenota', code, ...(done ? ['conferma'] : [])]);
  };
}

/** "Data e orario" after a completed booking starts a new one. */
const startOver: CanActivateFn = () => {
  inject(BookingStore).startOver();
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
