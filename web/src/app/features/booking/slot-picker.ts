import { ChangeDetectionStrategy, Component, computed, inject, input, model, output, signal } from '@angular/core';
import type { AvailabilityDto } from '@sportello/contracts';
import { formatLongDate, formatMonth, formatTime, OFFICE_TIME_ZONE } from '../../core/format';
import { I18n } from '../../core/i18n/i18n';
import { AvailabilityCalendar } from './availability-calendar';
import { ChosenSlot, sameInstant } from './slots';
import { IsoDate, IsoMonth, monthOf } from './calendar-month';

let nextId = 0;

/**
 * Day and time choice: the month calendar of free days, then the free times of the
 * chosen day. Used by "Data e orario" and to move a booking. What follows the times
 * (the Continue button) is projected at the end of the times column.
 */
@Component({
  selector: 'sp-slot-picker',
  imports: [AvailabilityCalendar],
  templateUrl: './slot-picker.html',
  styleUrl: './slot-picker.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SlotPicker {
  readonly availability = input.required<AvailabilityDto>();
  /** The first and last local date of the range the availability covers. */
  readonly from = input.required<IsoDate>();
  readonly to = input.required<IsoDate>();
  /** The month shown and the day chosen ("YYYY-MM", "YYYY-MM-DD"). */
  readonly month = model.required<IsoMonth>();
  readonly selectedDate = model<IsoDate | null>(null);
  /** The start of the chosen time, if any. */
  readonly selectedStart = input<string | null>(null);
  /** Heading level of "Choose the day/time" (2 on its own page, 3 inside a section). */
  readonly headingLevel = input<2 | 3>(2);
  readonly slotSelected = output<ChosenSlot>();

  protected readonly i18n = inject(I18n);
  protected readonly ids = `sp-picker-${nextId++}`;
  /** Text for the polite live region (what changed after a choice). */
  protected readonly announcement = signal('');

  private readonly timeZone = computed(() => this.availability().timeZone || OFFICE_TIME_ZONE);

  /** Free slots by date; days whose slots are all taken are left out. */
  private readonly slotsByDate = computed(() => {
    const byDate = new Map<IsoDate, ChosenSlot[]>();
    for (const day of this.availability().days) {
      const free = day.slots.filter((slot) => slot.remaining > 0);
      if (free.length) byDate.set(day.date, free);
    }
    return byDate;
  });
  private readonly remaining = computed(() => {
    const byStart = new Map<string, number>();
    for (const day of this.availability().days) {
      for (const slot of day.slots) byStart.set(slot.start, slot.remaining);
    }
    return byStart;
  });

  protected readonly availableDates = computed<ReadonlySet<IsoDate>>(() => new Set(this.slotsByDate().keys()));
  protected readonly minMonth = computed(() => monthOf(this.from()));
  protected readonly maxMonth = computed(() => monthOf(this.to()));
  protected readonly monthHasFreeDays = computed(() => [...this.availableDates()].some((date) => monthOf(date) === this.month()));
  protected readonly monthName = computed(() => formatMonth(this.month(), this.i18n.locale()));

  protected readonly slots = computed(() => {
    const date = this.selectedDate();
    const locale = this.i18n.locale();
    const timeZone = this.timeZone();
    const selected = this.selectedStart();
    return (date ? (this.slotsByDate().get(date) ?? []) : []).map((slot) => ({
      slot,
      selected: selected !== null && sameInstant(selected, slot.start),
      time: formatTime(slot.start, locale, timeZone),
      remaining: this.i18n.plural('slot.remaining', this.remaining().get(slot.start) ?? 0),
    }));
  });

  protected readonly selectedDateLabel = computed(() => {
    const date = this.selectedDate();
    return date ? formatLongDate(date, this.i18n.locale()) : '';
  });

  protected selectDate(date: IsoDate): void {
    this.selectedDate.set(date);
    this.announcement.set(
      this.i18n.plural('booking.status.day', this.slotsByDate().get(date)?.length ?? 0, {
        date: formatLongDate(date, this.i18n.locale()),
      }),
    );
  }

  protected selectSlot(slot: ChosenSlot): void {
    this.slotSelected.emit({ start: slot.start, end: slot.end });
    this.announcement.set(
      this.i18n.t('booking.status.time', {
        time: formatTime(slot.start, this.i18n.locale(), this.timeZone()),
      }),
    );
  }
}
