import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { RouterLink, RouterOutlet } from '@angular/router';
import { failureMessage } from '../../core/api/api-error';
import { I18n } from '../../core/i18n/i18n';
import { BookingSteps } from './booking-steps';
import { BookingStore } from './booking-store';
import { LoadingIndicator } from '../../layout/loading-indicator';

/**
 * The booking route (/prenota/:serviceCode): loads the office, the service of the URL
 * and its free times into the BookingStore, then shows the wizard's current step.
 */
@Component({
  selector: 'sp-booking',
  imports: [LoadingIndicator, RouterLink, RouterOutlet, BookingSteps],
  templateUrl: './booking.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Booking {
  /** Route parameter `:serviceCode` (e.g. CIE). */
  readonly serviceCode = input.required<string>();

  protected readonly store = inject(BookingStore);
  protected readonly i18n = inject(I18n);

  protected readonly errorText = computed(() => {
    const load = this.store.load();
    return load.status === 'error' ? failureMessage(load.failure, (key) => this.i18n.t(key)) : '';
  });

  constructor() {
    // (Re)load whenever the service in the URL changes.
    effect(() => {
      const code = this.serviceCode();
      untracked(() => this.store.start(code));
    });
  }
}
