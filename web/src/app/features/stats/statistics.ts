import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import type {
  StatsHeatMapDto,
  StatsOfficeDto,
  StatsOptionsDto,
  StatsOutcomesDto,
  StatsPreset,
  StatsServicesDto,
  StatsSummaryDto,
  StatsTrendDto,
} from '@sportello/contracts';
import { failureMessage, toApiFailure } from '../../core/api/api-error';
import { StatsI18n } from './stats-i18n';
import { I18n } from '../../core/i18n/i18n';
import type { StatsTextKey } from './stats-texts';
import type { LoadState } from '../../core/load-state';
import { CountersForm } from './counters-form';
import { HeatMap } from './heat-map';
import { HistoryImport } from './history-import';
import { formatCount, formatDay, formatMinutes, formatMonth } from './stats-format';
import { OfficeChoice } from '../staff/office-choice';
import { StatsApi, StatsQuery, StatsTable } from './stats-api';
import { TrendChart } from './trend-chart';
import { LoadingIndicator } from '../../layout/loading-indicator';

type Choice = StatsPreset | 'custom';

interface StatsData {
  summary: StatsSummaryDto;
  services: StatsServicesDto;
  outcomes: StatsOutcomesDto;
  heatMap: StatsHeatMapDto;
  trend: StatsTrendDto;
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The big numbers of the summary, in order. */
const FIGURES: ReadonlyArray<{ key: keyof StatsSummaryDto; label: StatsTextKey; minutes?: boolean }> = [
  { key: 'appointmentsAttended', label: 'stats.fig.appointmentsAttended' },
  { key: 'walkIns', label: 'stats.fig.walkIns' },
  { key: 'receptionsTotal', label: 'stats.fig.receptionsTotal' },
  { key: 'appointmentsBooked', label: 'stats.fig.appointmentsBooked' },
  { key: 'noShows', label: 'stats.fig.noShows' },
  { key: 'cancelled', label: 'stats.fig.cancelled' },
  { key: 'cieIssued', label: 'stats.fig.cieIssued' },
  { key: 'spidIssued', label: 'stats.fig.spidIssued' },
  { key: 'residencyDesk', label: 'stats.fig.residencyDesk' },
  { key: 'residencyOnline', label: 'stats.fig.residencyOnline' },
  { key: 'phoneCalls', label: 'stats.fig.phoneCalls' },
  { key: 'avgWaitMinutes', label: 'stats.fig.avgWait', minutes: true },
  { key: 'p90WaitMinutes', label: 'stats.fig.p90Wait', minutes: true },
  { key: 'avgServiceMinutes', label: 'stats.fig.avgService', minutes: true },
];

/**
 * Statistics (/staff/statistiche, managers and admins): a period (preset or dates) and
 * an office, then the summary in big numbers, the tables by service and outcome, the
 * arrivals heat map and the monthly trend, each downloadable as CSV; below, the counters
 * form and the CSV import of history for one office.
 */
@Component({
  selector: 'sp-statistics',
  templateUrl: './statistics.html',
  styleUrl: './statistics.scss',
  imports: [CountersForm, HeatMap, HistoryImport, TrendChart, LoadingIndicator],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Statistics {
  protected readonly i18n = inject(I18n);
  protected readonly text = inject(StatsI18n);
  private readonly api = inject(StatsApi);
  /** The office chosen in the staff header: the statistics start there and follow it. */
  private readonly shellOffice = inject(OfficeChoice);

  protected readonly presets: ReadonlyArray<{ value: Choice; label: StatsTextKey }> = [
    { value: 'today', label: 'stats.preset.today' },
    { value: 'month', label: 'stats.preset.month' },
    { value: 'year', label: 'stats.preset.year' },
    { value: 'mandate', label: 'stats.preset.mandate' },
    { value: 'custom', label: 'stats.preset.custom' },
  ];
  protected readonly figures = FIGURES;

  protected readonly options = signal<LoadState<StatsOptionsDto>>({ status: 'loading' });
  /** null: every office of the account. */
  protected readonly officeId = signal<string | null>(null);
  protected readonly choice = signal<Choice>('mandate');
  protected readonly customFrom = signal('');
  protected readonly customTo = signal('');
  protected readonly rangeError = signal(false);
  protected readonly query = signal<StatsQuery | null>(null);
  protected readonly data = signal<LoadState<StatsData> | null>(null);

  protected readonly offices = computed(() => {
    const options = this.options();
    return options.status === 'ready' ? options.data.offices : [];
  });
  /** The office whose presets apply: the one chosen, or the first. */
  protected readonly office = computed<StatsOfficeDto | null>(() => {
    const offices = this.offices();
    return offices.find((o) => o.id === this.officeId()) ?? offices[0] ?? null;
  });
  protected readonly mandateAvailable = computed(() => !!this.office()?.presets.mandate);
  protected readonly currentMonth = computed(() => this.office()?.presets.month?.from.slice(0, 7) ?? '');
  protected readonly firstYear = computed(() => Number(this.office()?.mandate?.from.slice(0, 4) ?? this.currentMonth().slice(0, 4)));

  private loadSeq = 0;

  constructor() {
    void this.init();
    // The header's switch moves the statistics to that office (unless "every office" is shown).
    effect(() => {
      const chosen = this.shellOffice.officeId();
      untracked(() => {
        if (!chosen || this.officeId() === null || this.officeId() === chosen || !this.offices().some((o) => o.id === chosen)) return;
        this.officeId.set(chosen);
        this.afterOfficeChange();
      });
    });
  }

  private async init(): Promise<void> {
    try {
      const options = await this.api.options();
      this.options.set({ status: 'ready', data: options });
      const chosen = options.offices.find((o) => o.id === this.shellOffice.officeId());
      if (options.offices.length === 1 || chosen) this.officeId.set((chosen ?? options.offices[0]).id);
      const first = chosen ?? options.offices[0];
      if (!first) return;
      this.choice.set(first.presets.mandate ? 'mandate' : 'year');
      const range = first.presets[this.choice() as StatsPreset] as { from: string; to: string };
      this.customFrom.set(range.from);
      this.customTo.set(range.to);
      this.apply();
    } catch (error: unknown) {
      this.options.set({ status: 'error', failure: toApiFailure(error) });
    }
  }

  protected setChoice(choice: Choice): void {
    this.choice.set(choice);
    if (choice === 'custom') return;
    const range = this.office()?.presets[choice];
    if (range) {
      this.customFrom.set(range.from);
      this.customTo.set(range.to);
    }
    this.apply();
  }

  protected setOffice(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.officeId.set(value === '' ? null : value);
    if (value) this.shellOffice.choose(value);
    this.afterOfficeChange();
  }

  private afterOfficeChange(): void {
    if (this.choice() === 'mandate' && !this.mandateAvailable()) this.choice.set('year');
    if (this.choice() !== 'custom') this.setChoice(this.choice());
    else this.apply();
  }

  protected setDate(which: 'from' | 'to', event: Event): void {
    (which === 'from' ? this.customFrom : this.customTo).set((event.target as HTMLInputElement).value);
  }

  protected submitCustom(event: Event): void {
    event.preventDefault();
    this.choice.set('custom');
    this.apply();
  }

  /** Loads every view for the period and office chosen. */
  protected apply(): void {
    const from = this.customFrom();
    const to = this.customTo();
    const valid = LOCAL_DATE.test(from) && LOCAL_DATE.test(to) && from <= to;
    this.rangeError.set(!valid);
    if (!valid) return;
    const query: StatsQuery = { from, to, officeId: this.officeId() };
    this.query.set(query);
    void this.load(query);
  }

  protected reload(): void {
    const query = this.query();
    if (query) void this.load(query);
  }

  private async load(query: StatsQuery): Promise<void> {
    const seq = ++this.loadSeq;
    this.data.set({ status: 'loading' });
    try {
      const [summary, services, outcomes, heatMap, trend] = await Promise.all([
        this.api.summary(query),
        this.api.services(query),
        this.api.outcomes(query),
        this.api.heatMap(query),
        this.api.trend(query),
      ]);
      const data = { summary, services, outcomes, heatMap, trend };
      if (seq === this.loadSeq) this.data.set({ status: 'ready', data });
    } catch (error: unknown) {
      if (seq === this.loadSeq) this.data.set({ status: 'error', failure: toApiFailure(error) });
    }
  }

  protected csv(table: StatsTable): string {
    const query = this.query();
    // In Italian the file is for Excel in Italian (semicolons, decimal comma, Italian headings).
    return query ? this.api.csvUrl(table, query, this.i18n.lang()) : '#';
  }

  protected failure(state: { status: 'error'; failure: Parameters<typeof failureMessage>[0] }): string {
    return failureMessage(state.failure, (key) => this.i18n.t(key));
  }

  protected figure(summary: StatsSummaryDto, key: keyof StatsSummaryDto, minutes = false): string {
    const value = summary[key];
    if (value === null || typeof value !== 'number') return this.text.t('stats.noData');
    return minutes ? this.text.t('stats.minutes', { value: formatMinutes(value, this.i18n.locale()) }) : formatCount(value, this.i18n.locale());
  }

  protected count(value: number | null): string {
    return value === null ? '—' : formatCount(value, this.i18n.locale());
  }

  protected minutes(value: number | null): string {
    return value === null ? '—' : formatMinutes(value, this.i18n.locale());
  }

  protected day(date: string): string {
    return formatDay(date, this.i18n.locale());
  }

  protected months(months: string[]): string {
    return months.map((m) => formatMonth(m, this.i18n.locale())).join(', ');
  }

  protected officeName(id: string): string {
    return this.offices().find((o) => o.id === id)?.name ?? '';
  }
}
