import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import type { CounterMonthDto } from '@sportello/contracts';
import { firstValueFrom } from 'rxjs';
import { failureMessage, toApiFailure } from '../../core/api/api-error';
import { StatsI18n } from './stats-i18n';
import { I18n } from '../../core/i18n/i18n';
import { formatMonth } from './stats-format';
import { StatsApi } from './stats-api';

interface Row {
  month: string;
  phoneCalls: string;
  residencyOnline: string;
  imported: boolean;
  future: boolean;
}

const WHOLE = /^\d{1,8}$/;

/**
 * The counters kept outside the queue (phone calls, online residency applications), a
 * year at a time: one row per month, saved with its own button. Empty = no figure.
 */
@Component({
  selector: 'sp-counters-form',
  template: `
    <div class="sp-field sp-inline">
      <label for="counters-year">{{ text.t('stats.counters.year') }}</label>
      <select id="counters-year" class="sp-input" [value]="year()" (change)="setYear($event)">
        @for (y of years(); track y) {
          <option [value]="y" [selected]="y === year()">{{ y }}</option>
        }
      </select>
    </div>
    <p class="sp-status" role="status" aria-live="polite" data-testid="counters-status">{{ status() }}</p>
    @if (rows().length) {
      <div class="table-responsive">
        <table class="table table-sm sp-counters" data-testid="counters-table">
          <caption class="visually-hidden">{{ text.t('stats.counters') }} {{ year() }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ text.t('stats.counters.month') }}</th>
              <th scope="col">{{ text.t('stats.counters.phoneCalls') }}</th>
              <th scope="col">{{ text.t('stats.counters.residencyOnline') }}</th>
              <th scope="col"><span class="visually-hidden">{{ text.t('stats.counters.save') }}</span></th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.month; let i = $index) {
              <tr>
                <th scope="row">{{ monthLabel(row.month) }}</th>
                <td>
                  <input class="sp-input" inputmode="numeric" autocomplete="off" [id]="'phone-' + row.month" [value]="row.phoneCalls" [disabled]="row.future"
                    [attr.aria-label]="text.t('stats.counters.phoneCalls') + ', ' + monthLabel(row.month)" (input)="edit(i, 'phoneCalls', $event)" />
                  @if (row.imported) {
                    <small class="sp-muted">({{ text.t('stats.counters.imported') }})</small>
                  }
                </td>
                <td>
                  <input class="sp-input" inputmode="numeric" autocomplete="off" [id]="'online-' + row.month" [value]="row.residencyOnline" [disabled]="row.future"
                    [attr.aria-label]="text.t('stats.counters.residencyOnline') + ', ' + monthLabel(row.month)" (input)="edit(i, 'residencyOnline', $event)" />
                </td>
                <td>
                  <button type="button" class="btn btn-outline-primary btn-sm" [disabled]="row.future || busy()" (click)="save(i)" [attr.data-testid]="'save-' + row.month">
                    {{ text.t('stats.counters.save') }}<span class="visually-hidden"> {{ monthLabel(row.month) }}</span>
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .sp-inline { max-width: 10rem; }
    .sp-counters .sp-input { max-width: 8rem; min-height: 2.25rem; display: inline-block; }
    .sp-muted { color: #5d7083; margin-left: 0.25rem; }
    .sp-status { min-height: 1.5rem; font-weight: 600; }
  `,
  styleUrl: '../staff/staff.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CountersForm {
  readonly officeId = input.required<string>();
  /** The current month (YYYY-MM) in the office's zone: later months cannot be entered. */
  readonly currentMonth = input.required<string>();
  readonly firstYear = input(2019);
  readonly saved = output<void>();

  protected readonly i18n = inject(I18n);
  protected readonly text = inject(StatsI18n);
  private readonly api = inject(StatsApi);
  protected readonly year = signal(new Date().getFullYear());
  protected readonly rows = signal<Row[]>([]);
  protected readonly busy = signal(false);
  protected readonly status = signal('');

  constructor() {
    effect(() => {
      this.year.set(Number(this.currentMonth().slice(0, 4)));
    });
    effect(() => {
      void this.load(this.officeId(), this.year());
    });
  }

  protected years(): number[] {
    const last = Number(this.currentMonth().slice(0, 4));
    const first = Math.min(this.firstYear(), last);
    return Array.from({ length: last - first + 1 }, (_, i) => last - i);
  }

  protected setYear(event: Event): void {
    this.year.set(Number((event.target as HTMLSelectElement).value));
  }

  protected monthLabel(month: string): string {
    return formatMonth(month, this.i18n.locale());
  }

  protected edit(index: number, field: 'phoneCalls' | 'residencyOnline', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.rows.update((rows) => rows.map((r, i) => (i === index ? { ...r, [field]: value } : r)));
  }

  protected async save(index: number): Promise<void> {
    const row = this.rows()[index];
    const phone = row.phoneCalls.trim();
    const online = row.residencyOnline.trim();
    if ((phone && !WHOLE.test(phone)) || (online && !WHOLE.test(online))) {
      this.status.set(this.text.t('stats.counters.invalid'));
      return;
    }
    this.busy.set(true);
    try {
      const saved = await firstValueFrom(
        this.api.putCounters(this.officeId(), row.month, { phoneCalls: phone ? Number(phone) : null, residencyOnline: online ? Number(online) : null }),
      );
      this.rows.update((rows) => rows.map((r, i) => (i === index ? this.toRow(saved) : r)));
      this.status.set(this.text.t('stats.counters.saved', { month: this.monthLabel(row.month) }));
      this.saved.emit();
    } catch (error: unknown) {
      this.status.set(failureMessage(toApiFailure(error), (key) => this.i18n.t(key)));
    } finally {
      this.busy.set(false);
    }
  }

  private async load(officeId: string, year: number): Promise<void> {
    try {
      const counters = await firstValueFrom(this.api.counters(officeId, year));
      this.rows.set(counters.months.map((m) => this.toRow(m)));
    } catch (error: unknown) {
      this.rows.set([]);
      this.status.set(failureMessage(toApiFailure(error), (key) => this.i18n.t(key)));
    }
  }

  private toRow(m: CounterMonthDto): Row {
    return {
      month: m.month,
      phoneCalls: m.phoneCalls === null ? '' : String(m.phoneCalls),
      residencyOnline: m.residencyOnline === null ? '' : String(m.residencyOnline),
      imported: m.phoneCallsSource === 'import' || m.residencyOnlineSource === 'import',
      future: m.month > this.currentMonth(),
    };
  }
}
