import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import type { CounterMonthDto } from '@sportello/contracts';
import { failureMessage, toApiFailure } from '../../core/api/api-error';
import { StatsI18n } from './stats-i18n';
import { I18n } from '../../core/i18n/i18n';
import { formatMonth } from './stats-format';
import { StatsApi } from './stats-api';

type Counter = 'phoneCalls' | 'residencyOnline';

/** The two hand-entered figures of a month, in their columns' order. */
const COUNTERS = [
  { field: 'phoneCalls', idPrefix: 'phone-', label: 'stats.counters.phoneCalls' },
  { field: 'residencyOnline', idPrefix: 'online-', label: 'stats.counters.residencyOnline' },
] as const satisfies ReadonlyArray<{ field: Counter; idPrefix: string; label: string }>;

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
 * year at a time: one row per month, all saved with one button (the api writes the changed
 * months in one transaction, or none). Empty = no figure.
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
    @if (rows().length) {
      <form novalidate (submit)="save($event)" [attr.aria-label]="text.t('stats.counters') + ' ' + year()" data-testid="counters-form">
        <div class="table-responsive" tabindex="0" role="region" [attr.aria-label]="text.t('stats.counters') + ' ' + year()">
          <table class="table table-sm sp-counters" data-testid="counters-table">
            <caption class="visually-hidden">
              {{
                text.t('stats.counters')
              }}
              {{
                year()
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ text.t('stats.counters.month') }}</th>
                <th scope="col">{{ text.t('stats.counters.phoneCalls') }}</th>
                <th scope="col">{{ text.t('stats.counters.residencyOnline') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.month; let i = $index) {
                <tr>
                  <th scope="row">{{ monthLabel(row.month) }}</th>
                  @for (counter of counters; track counter.field) {
                    <td>
                      <input
                        class="sp-input"
                        inputmode="numeric"
                        autocomplete="off"
                        [id]="counter.idPrefix + row.month"
                        [value]="row[counter.field]"
                        [disabled]="row.future"
                        [attr.aria-invalid]="invalid(row[counter.field]) ? 'true' : null"
                        [attr.aria-label]="text.t(counter.label) + ', ' + monthLabel(row.month)"
                        (input)="edit(i, counter.field, $event)"
                      />
                      @if (counter.field === 'phoneCalls' && row.imported) {
                        <small class="sp-muted">({{ text.t('stats.counters.imported') }})</small>
                      }
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
        <div class="sp-counters-save">
          <button type="submit" class="btn btn-primary" [disabled]="busy()" data-testid="counters-save">
            {{ text.t(busy() ? 'stats.counters.saving' : 'stats.counters.save') }}
          </button>
          @if (dirty()) {
            <span class="sp-muted" data-testid="counters-dirty">{{ text.t('stats.counters.unsaved') }}</span>
          }
        </div>
      </form>
    }
    <p class="sp-status" role="status" aria-live="polite" data-testid="counters-status">{{ status() }}</p>
  `,
  styles: `
    .sp-inline {
      max-width: 10rem;
    }
    .sp-counters .sp-input {
      width: 7rem;
      max-width: 100%;
      min-height: 2.25rem;
      display: inline-block;
    }
    .sp-muted {
      color: #5d7083;
      margin-left: 0.25rem;
    }
    .sp-status {
      min-height: 1.5rem;
      font-weight: 600;
    }
    .sp-counters-save {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    .sp-counters .sp-input[aria-invalid='true'] {
      border: 2px solid #cc334d;
    }
  `,
  styleUrl: './stats-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CountersForm {
  readonly officeId = input.required<string>();
  /** The current month (YYYY-MM) in the office's zone: later months cannot be entered. */
  readonly currentMonth = input.required<string>();
  readonly firstYear = input(2019);
  /** Emitted after a save (the page reloads its figures). */
  readonly saved = output<void>();

  protected readonly i18n = inject(I18n);
  protected readonly text = inject(StatsI18n);
  private readonly api = inject(StatsApi);
  protected readonly year = signal(new Date().getFullYear());
  protected readonly rows = signal<Row[]>([]);
  protected readonly counters = COUNTERS;
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

  protected edit(index: number, field: Counter, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.rows.update((rows) => rows.map((r, i) => (i === index ? { ...r, [field]: value } : r)));
  }

  protected invalid(value: string): boolean {
    return value.trim() !== '' && !WHOLE.test(value.trim());
  }

  /** The months whose figures differ from what was loaded. */
  protected readonly dirty = computed(() => this.changed().length > 0);
  /** The rows as the api last gave them: what "changed" compares with. */
  private readonly loaded = signal<Row[]>([]);

  private changed(): Row[] {
    const before = new Map(this.loaded().map((r) => [r.month, r]));
    return this.rows().filter(
      (r) =>
        !r.future &&
        (r.phoneCalls.trim() !== before.get(r.month)?.phoneCalls.trim() || r.residencyOnline.trim() !== before.get(r.month)?.residencyOnline.trim()),
    );
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    const bad = this.rows().filter((r) => this.invalid(r.phoneCalls) || this.invalid(r.residencyOnline));
    if (bad.length > 0) {
      this.status.set(this.text.t('stats.counters.invalid', { months: bad.map((r) => this.monthLabel(r.month)).join(', ') }));
      document.getElementById(this.invalid(bad[0].phoneCalls) ? `phone-${bad[0].month}` : `online-${bad[0].month}`)?.focus();
      return;
    }
    const changed = this.changed();
    if (changed.length === 0) {
      this.status.set(this.text.t('stats.counters.unchanged'));
      return;
    }
    const number = (value: string) => (value.trim() ? Number(value.trim()) : null);
    this.busy.set(true);
    try {
      const answer = await this.api.putCounterMonths(this.officeId(), {
        months: changed.map((r) => ({ month: r.month, phoneCalls: number(r.phoneCalls), residencyOnline: number(r.residencyOnline) })),
      });
      const byMonth = new Map(answer.months.map((m) => [m.month, this.toRow(m)]));
      this.rows.update((rows) => rows.map((r) => byMonth.get(r.month) ?? r));
      this.loaded.set(this.rows());
      this.status.set(this.text.t('stats.counters.saved', { months: changed.map((r) => this.monthLabel(r.month)).join(', ') }));
      this.saved.emit();
    } catch (error: unknown) {
      this.status.set(failureMessage(toApiFailure(error), (key) => this.i18n.t(key)));
    } finally {
      this.busy.set(false);
    }
  }

  private async load(officeId: string, year: number): Promise<void> {
    try {
      const counters = await this.api.counters(officeId, year);
      this.rows.set(counters.months.map((m) => this.toRow(m)));
      this.loaded.set(this.rows());
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
