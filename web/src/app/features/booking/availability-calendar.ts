import { ChangeDetectionStrategy, ChangeDetectorRef, Component, computed, ElementRef, inject, input, model, output, signal } from '@angular/core';
import { formatLongDate, formatMonth, weekdayName } from '../../core/format';
import { I18n } from '../../core/i18n/i18n';
import { addMonths, buildMonth, CalendarDay, CalendarKey, firstAvailableInMonth, IsoDate, IsoMonth, monthOf, moveFocus } from './calendar-month';

const CALENDAR_KEYS: readonly string[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];

let nextId = 0;

/**
 * A month grid of availability: days with free slots are buttons, the others disabled
 * buttons. One day at a time is in the tab order (roving tabindex); arrow keys,
 * Home/End and PageUp/PageDown move between the free days, across months too.
 */
@Component({
  selector: 'sp-availability-calendar',
  templateUrl: './availability-calendar.html',
  styleUrl: './availability-calendar.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AvailabilityCalendar {
  /** The month shown, "YYYY-MM". */
  readonly month = model.required<IsoMonth>();
  readonly minMonth = input.required<IsoMonth>();
  readonly maxMonth = input.required<IsoMonth>();
  /** Dates with at least one free slot. */
  readonly available = input.required<ReadonlySet<IsoDate>>();
  readonly selected = input<IsoDate | null>(null);
  readonly dateSelected = output<IsoDate>();

  protected readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly changeDetector = inject(ChangeDetectorRef);
  protected readonly titleId = `sp-calendar-title-${nextId++}`;

  /** The day that holds the tab stop after keyboard moves (null: selected or first free). */
  private readonly focused = signal<IsoDate | null>(null);

  protected readonly grid = computed(() => buildMonth(this.month(), this.available()));
  protected readonly monthLabel = computed(() => formatMonth(this.month(), this.i18n.locale()));
  protected readonly canGoBack = computed(() => this.month() > this.minMonth());
  protected readonly canGoForward = computed(() => this.month() < this.maxMonth());
  protected readonly previousLabel = computed(() => this.navLabel('calendar.prev', addMonths(this.month(), -1)));
  protected readonly nextLabel = computed(() => this.navLabel('calendar.next', addMonths(this.month(), 1)));

  protected readonly weekdays = computed(() => {
    const locale = this.i18n.locale();
    return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      short: weekdayName(weekday, locale, 'short'),
      long: weekdayName(weekday, locale, 'long'),
    }));
  });

  /** The one day button reachable with Tab in the month shown. */
  protected readonly tabStop = computed<IsoDate | null>(() => {
    const month = this.month();
    const available = this.available();
    for (const candidate of [this.focused(), this.selected()]) {
      if (candidate && monthOf(candidate) === month && available.has(candidate)) return candidate;
    }
    return firstAvailableInMonth(month, available);
  });

  protected dayLabel(day: CalendarDay): string {
    const date = formatLongDate(day.date, this.i18n.locale());
    if (!day.available) return `${date}, ${this.i18n.t('calendar.none')}`;
    const selected = day.date === this.selected() ? `, ${this.i18n.t('calendar.selected')}` : '';
    return `${date}, ${this.i18n.t('calendar.free')}${selected}`;
  }

  protected showMonth(offset: number): void {
    const target = addMonths(this.month(), offset);
    if (target < this.minMonth() || target > this.maxMonth()) return;
    this.month.set(target);
  }

  protected choose(day: CalendarDay): void {
    if (!day.available) return;
    this.focused.set(day.date);
    this.dateSelected.emit(day.date);
  }

  protected onKeydown(event: KeyboardEvent, date: IsoDate): void {
    if (!CALENDAR_KEYS.includes(event.key)) return;
    event.preventDefault();
    const target = moveFocus(date, event.key as CalendarKey, this.available());
    if (!target) return;
    const month = monthOf(target);
    if (month < this.minMonth() || month > this.maxMonth()) return;
    this.focused.set(target);
    if (month !== this.month()) {
      this.month.set(month);
      // Render the new month now, so the focus moves before the next key press arrives.
      this.changeDetector.detectChanges();
    }
    this.focusDay(target);
  }

  private focusDay(date: IsoDate): void {
    this.host.nativeElement.querySelector<HTMLButtonElement>(`button[data-date="${date}"]`)?.focus();
  }

  private navLabel(key: 'calendar.prev' | 'calendar.next', month: IsoMonth): string {
    return `${this.i18n.t(key)}: ${formatMonth(month, this.i18n.locale())}`;
  }
}
