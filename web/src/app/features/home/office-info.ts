import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { OfficeDto } from '@sportello/contracts';
import { formatInterval, weekdayName } from '../../core/format';
import { I18n } from '../../core/i18n/i18n';

interface OpeningDay {
  weekday: number;
  name: string;
  /** "08:30–12:30, 14:30–17:30", or null when closed. */
  hours: string | null;
}

/** Groups the office's opening intervals by ISO weekday, Monday to Sunday. */
export function openingWeek(office: Pick<OfficeDto, 'openingHours'>): { weekday: number; intervals: string[] }[] {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    intervals: office.openingHours
      .filter((interval) => interval.weekday === weekday)
      // "HH:mm" strings sort as plain text; localeCompare would first load ICU's collation
      // data (20–40 ms of main thread while the home page renders).
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
      .map((interval) => formatInterval(interval.start, interval.end)),
  }));
}

@Component({
  selector: 'sp-office-info',
  templateUrl: './office-info.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OfficeInfo {
  readonly office = input.required<OfficeDto>();
  readonly headingId = input('office-heading');

  protected readonly i18n = inject(I18n);

  protected readonly week = computed<OpeningDay[]>(() => {
    const locale = this.i18n.locale();
    return openingWeek(this.office()).map(({ weekday, intervals }) => ({
      weekday,
      name: weekdayName(weekday, locale, 'long'),
      hours: intervals.length ? intervals.join(', ') : null,
    }));
  });

  protected readonly phoneHref = computed(() => {
    const phone = this.office().phone;
    return phone ? `tel:${phone.replace(/[^\d+]/g, '')}` : null;
  });
}
