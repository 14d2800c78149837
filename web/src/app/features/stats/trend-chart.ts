import { ChangeDetectionStrategy, Component, DestroyRef, effect, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import type { StatsTrendMonthDto } from '@sportello/contracts';
import type { Chart } from 'chart.js';
import { StatsI18n } from './stats-i18n';
import { I18n } from '../../core/i18n/i18n';
import { formatCount, formatMonth, formatShortMonth } from './stats-format';

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11), told apart also by the legend and the table. */
const APPOINTMENTS_COLOR = '#0066cc';
const WALK_INS_COLOR = '#b35900';

/**
 * The monthly trend: appointments versus walk-ins as a stacked bar chart (Chart.js,
 * loaded only when the chart is shown), with the same numbers in a table for screen
 * readers and keyboard users.
 */
@Component({
  selector: 'sp-trend-chart',
  template: `
    <figure class="sp-chart-figure">
      <div class="sp-chart" [class.sp-chart-wide]="months().length > 24">
        <canvas #canvas role="img" [attr.aria-label]="text.t('stats.trend.chart')"></canvas>
      </div>
      <figcaption>{{ text.t('stats.trend.chart') }}</figcaption>
    </figure>
    <details class="sp-chart-table" data-testid="trend-table">
      <summary>{{ text.t('stats.trend.table') }}</summary>
      <table class="table table-sm">
        <caption class="visually-hidden">
          {{
            text.t('stats.trend')
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ text.t('stats.trend.month') }}</th>
            <th scope="col" class="text-end">{{ text.t('stats.col.attended') }}</th>
            <th scope="col" class="text-end">{{ text.t('stats.col.walkIns') }}</th>
            <th scope="col" class="text-end">{{ text.t('stats.col.receptions') }}</th>
            <th scope="col">{{ text.t('stats.trend.monthly') }}</th>
          </tr>
        </thead>
        <tbody>
          @for (m of months(); track m.month) {
            <tr>
              <th scope="row">{{ monthLabel(m.month) }}</th>
              <td class="text-end">{{ count(m.appointmentsAttended) }}</td>
              <td class="text-end">{{ count(m.walkIns) }}</td>
              <td class="text-end">{{ count(m.receptionsTotal) }}</td>
              <td>{{ m.includesMonthlyFigures ? text.t('stats.yes') : text.t('stats.no') }}</td>
            </tr>
          }
        </tbody>
      </table>
    </details>
  `,
  styles: `
    .sp-chart {
      position: relative;
      height: 20rem;
    }
    .sp-chart-figure {
      margin-bottom: 0.5rem;
    }
    figcaption {
      font-size: 0.875rem;
      color: #5d7083;
    }
    .sp-chart-table summary {
      cursor: pointer;
      color: #0066cc;
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrendChart {
  readonly months = input.required<StatsTrendMonthDto[]>();

  protected readonly i18n = inject(I18n);
  protected readonly text = inject(StatsI18n);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart<'bar'> | null = null;
  protected readonly failed = signal(false);

  constructor() {
    effect(() => {
      const months = this.months();
      const locale = this.i18n.locale();
      void this.draw(months, locale);
    });
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }

  protected count(value: number): string {
    return formatCount(value, this.i18n.locale());
  }

  protected monthLabel(month: string): string {
    return formatMonth(month, this.i18n.locale());
  }

  private async draw(months: StatsTrendMonthDto[], locale: string): Promise<void> {
    const canvas = this.canvas().nativeElement;
    // No canvas to draw on (tests in jsdom): the table says it all.
    if (typeof canvas.getContext !== 'function' || !('ResizeObserver' in globalThis)) return;
    try {
      const { createTrendChart } = await import('./trend-chart-setup');
      this.chart?.destroy();
      this.chart = createTrendChart(
        canvas,
        months.map((m) => formatShortMonth(m.month, locale)),
        [
          { label: this.text.t('stats.col.attended'), values: months.map((m) => m.appointmentsAttended), color: APPOINTMENTS_COLOR },
          { label: this.text.t('stats.col.walkIns'), values: months.map((m) => m.walkIns), color: WALK_INS_COLOR },
        ],
        locale,
      );
    } catch {
      this.failed.set(true);
    }
  }
}
