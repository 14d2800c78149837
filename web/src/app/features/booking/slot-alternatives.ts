import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { SlotAlternativeDto } from '@sportello/contracts';
import { formatInstantDate, formatTime, OFFICE_TIME_ZONE } from '../../core/format';
import { I18n } from '../../core/i18n/i18n';

/** The free times the api proposes when the chosen one was taken: one button each. */
@Component({
  selector: 'sp-slot-alternatives',
  template: `
    @if (items().length) {
      <p class="mb-2">{{ i18n.t('booking.alternatives') }}</p>
      <ul class="sp-alternatives" data-testid="alternatives">
        @for (item of items(); track item.slot.start) {
          <li>
            <button
              type="button"
              class="btn btn-outline-primary sp-alternative"
              data-testid="alternative"
              [attr.data-start]="item.slot.start"
              (click)="chosen.emit(item.slot)"
            >
              <span class="d-block">{{ item.date }}</span>&ngsp;<span class="d-block fw-bold">{{ item.time }}</span>
            </button>
          </li>
        }
      </ul>
    } @else {
      <p class="mb-0">{{ i18n.t('booking.alternativesNone') }}</p>
    }
  `,
  styles: `
    .sp-alternatives {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
      gap: 0.5rem;
    }
    .sp-alternative {
      width: 100%;
      line-height: 1.3;
      padding: 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SlotAlternatives {
  readonly alternatives = input.required<readonly SlotAlternativeDto[]>();
  readonly timeZone = input<string>(OFFICE_TIME_ZONE);
  readonly chosen = output<SlotAlternativeDto>();

  protected readonly i18n = inject(I18n);
  protected readonly items = computed(() => {
    const locale = this.i18n.locale();
    return this.alternatives().map((slot) => ({
      slot,
      date: formatInstantDate(slot.start, locale, this.timeZone()),
      time: formatTime(slot.start, locale, this.timeZone()),
    }));
  });
}
