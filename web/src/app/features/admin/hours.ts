import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, input, linkedSignal, signal } from '@angular/core';
import type { OpeningHoursDto, OpeningIntervalDto } from '@sportello/contracts';
import { weekdayName } from '../../core/format';
import { I18n } from '../../core/i18n/i18n';
import { LoadingIndicator } from '../../layout/loading-indicator';
import { AdminApi } from './admin-api';
import { AdminText } from './admin-text';
import { ConfirmChange } from './confirm-change';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { FORM_KIT } from '../../shared/forms/field';
import { formResource } from '../../shared/forms/form-resource';
import { FormState } from '../../shared/forms/form-state';
import { OfficeDirectory } from './office-directory';
import { OfficeNav } from './office-nav';

export interface TimeRange {
  start: string;
  end: string;
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The week as rows per weekday (1–7), each with its intervals in order. */
export function toWeek(intervals: OpeningIntervalDto[]): Record<number, TimeRange[]> {
  const week: Record<number, TimeRange[]> = Object.fromEntries(WEEKDAYS.map((d) => [d, []]));
  for (const i of [...intervals].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))) week[i.weekday].push({ start: i.start, end: i.end });
  return week;
}

/** The intervals to send, and for each its place in the editor (to show the api's errors there). */
export function fromWeek(week: Record<number, TimeRange[]>): { intervals: OpeningIntervalDto[]; places: Array<[number, number]> } {
  const intervals: OpeningIntervalDto[] = [];
  const places: Array<[number, number]> = [];
  for (const weekday of WEEKDAYS) {
    week[weekday].forEach((range, position) => {
      intervals.push({ weekday, start: range.start, end: range.end });
      places.push([weekday, position]);
    });
  }
  return { intervals, places };
}

/**
 * /staff/admin/offices/:officeId/hours: the weekly opening hours, several intervals a day,
 * of the office or of one service. Shorter hours that leave bookings outside ask for
 * confirmation first; new hours tell the waiting list.
 */
@Component({
  selector: 'sp-admin-hours',
  imports: [LoadingIndicator, OfficeNav, ErrorSummary, FORM_KIT, ConfirmChange],
  templateUrl: './hours.html',
  styleUrl: './admin.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Hours {
  readonly officeId = input.required<string>();

  protected readonly text = inject(AdminText);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AdminApi);
  private readonly directory = inject(OfficeDirectory);
  private readonly injector = inject(Injector);

  /** Where each sent interval sits in the editor: intervals[i] → [weekday, position]. */
  private places: Array<[number, number]> = [];
  protected readonly form = new FormState('hours', {
    alias: (field) => {
      const match = /^intervals\[(\d+)\]\.(\w+)$/.exec(field);
      const place = match ? this.places[Number(match[1])] : undefined;
      return place && match ? `day${place[0]}[${place[1]}].${match[2]}` : field;
    },
  });
  protected readonly weekdays = WEEKDAYS;
  protected readonly timeFields = ['start', 'end'] as const;
  private readonly loaded = formResource(
    this.form,
    () => this.officeId(),
    (officeId) => Promise.all([this.api.openingHours(officeId), this.api.services(officeId)]),
  );
  /** The hours as the api has them: loaded, then what a save returned. */
  protected readonly hours = linkedSignal<OpeningHoursDto | null>(() => this.loaded.value()?.[0] ?? null);
  protected readonly services = computed(() => this.loaded.value()?.[1] ?? []);
  /** '' = the office's week; otherwise a service's own. */
  protected readonly scope = signal('');
  /** The week being edited: the scope's intervals, reset when the hours or the scope change. */
  protected readonly week = linkedSignal<Record<number, TimeRange[]>>(() => {
    const hours = this.hours();
    const scope = this.scope();
    return toWeek(hours ? (scope ? (hours.services[scope] ?? []) : hours.office) : []);
  });
  protected readonly timeZone = computed(() => this.directory.find(this.officeId())?.timeZone ?? 'Europe/Rome');
  protected readonly scopeFollowsOffice = computed(() => this.scope() !== '' && !this.hours()?.services[this.scope()]);

  protected dayName(weekday: number): string {
    return weekdayName(weekday, this.i18n.locale(), 'long');
  }

  protected setScope(event: Event): void {
    this.scope.set((event.target as HTMLSelectElement).value);
    this.form.clear();
  }

  protected timeLabel(field: keyof TimeRange): string {
    return this.text.t(`admin.hours.${field}`);
  }

  protected setTime(weekday: number, position: number, field: keyof TimeRange, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.week.update((w) => ({ ...w, [weekday]: w[weekday].map((r, i) => (i === position ? { ...r, [field]: value } : r)) }));
  }

  protected add(weekday: number): void {
    const rows = this.week()[weekday];
    const last = rows[rows.length - 1];
    const range = last ? { start: last.end, end: '' } : { start: '08:30', end: '12:30' };
    this.week.update((w) => ({ ...w, [weekday]: [...w[weekday], range] }));
    this.focus(this.form.id(`day${weekday}[${rows.length}].start`));
  }

  protected remove(weekday: number, position: number): void {
    this.week.update((w) => ({ ...w, [weekday]: w[weekday].filter((_, i) => i !== position) }));
    this.focus(`hours-add-${weekday}`);
  }

  protected async save(event: Event | null, confirm = false): Promise<void> {
    event?.preventDefault();
    if (this.form.busy()) return;
    const { intervals, places } = fromWeek(this.week());
    this.places = places;
    this.form.start();
    try {
      const result = await this.api.saveOpeningHours(this.officeId(), { serviceId: this.scope() || null, intervals, confirm });
      const parts = [this.text.t('admin.hours.saved')];
      if (result.cancelled.length > 0)
        parts.push(this.text.t('admin.change.cancelled', { count: result.cancelled.length, codes: result.cancelled.join(', ') }));
      if (result.waitlistNotified > 0) parts.push(this.text.t('admin.hours.waitlist', { count: result.waitlistNotified }));
      this.hours.set(result);
      this.form.done(parts.join(' '));
      this.focus('hours-status');
    } catch (error) {
      this.form.fail(error, (key) => this.i18n.t(key));
    }
  }

  protected cancelConfirmation(): void {
    this.form.affected.set(null);
    this.focus('hours-save');
  }

  private focus(id: string): void {
    afterNextRender(() => document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
