import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18n, MessageKey } from '../../core/i18n/i18n';

/** The steps of the Designers Italia "Prenotazione appuntamento" flow, in order. */
export const BOOKING_STEPS = ['office', 'service', 'datetime', 'applicant', 'summary', 'confirm'] as const;
export type BookingStep = (typeof BOOKING_STEPS)[number];

const LABELS: Record<BookingStep, MessageKey> = {
  office: 'steps.office',
  service: 'steps.service',
  datetime: 'steps.datetime',
  applicant: 'steps.applicant',
  summary: 'steps.summary',
  confirm: 'steps.confirm',
};

type StepState = 'done' | 'current' | 'locked';

/**
 * Step indicator. Completed steps link back to where they can be changed (office and
 * service are chosen on the home page); later steps are shown but not reachable yet.
 */
@Component({
  selector: 'sp-booking-steps',
  imports: [RouterLink],
  templateUrl: './booking-steps.html',
  styleUrl: './booking-steps.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BookingSteps {
  readonly current = input.required<BookingStep>();
  /** What was chosen in completed steps, shown under their label ("URP Calderara"). */
  readonly details = input<Partial<Record<BookingStep, string | undefined>>>({});
  /** Router commands of the completed steps one can go back to; others are plain text. */
  readonly links = input<Partial<Record<BookingStep, readonly string[]>>>({ office: ['/'], service: ['/'] });

  protected readonly i18n = inject(I18n);
  protected readonly total = BOOKING_STEPS.length;
  protected readonly currentIndex = computed(() => BOOKING_STEPS.indexOf(this.current()));

  protected readonly steps = computed(() =>
    BOOKING_STEPS.map((step, index) => {
      const state: StepState = index < this.currentIndex() ? 'done' : index === this.currentIndex() ? 'current' : 'locked';
      return {
        step,
        number: index + 1,
        label: this.i18n.t(LABELS[step]),
        detail: (state === 'done' && this.details()[step]) || null,
        link: state === 'done' ? (this.links()[step] ?? null) : null,
        state,
        stateText: this.i18n.t(state === 'done' ? 'steps.done' : state === 'current' ? 'steps.current' : 'steps.locked'),
      };
    }),
  );
}
