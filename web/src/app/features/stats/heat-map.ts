import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { StatsI18n } from './stats-i18n';
import { I18n } from '../../core/i18n/i18n';
import type { StatsTextKey } from './stats-texts';
import { formatCount, HEAT_LEVELS, heatLevel } from './stats-format';

/**
 * Arrivals by weekday and hour as an ordinary data table whose cells are shaded by
 * count (the number is always written in the cell, so nothing depends on colour).
 * Shows the hours from the first to the last with arrivals (08–18 when there are none);
 * Sunday only when someone came on a Sunday.
 */
@Component({
  selector: 'sp-heat-map',
  template: `
    <p id="heat-map-description">{{ text.t('stats.heatmap.caption') }}</p>
    <div class="table-responsive" tabindex="0" role="region" [attr.aria-label]="text.t('stats.heatmap')">
      <table class="sp-heat" data-testid="heat-map" aria-describedby="heat-map-description">
        <caption class="visually-hidden">
          {{
            text.t('stats.heatmap')
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ text.t('stats.heatmap.day') }}</th>
            @for (hour of hours(); track hour) {
              <th scope="col" class="text-end">{{ hourLabel(hour) }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (day of days(); track day) {
            <tr>
              <th scope="row">{{ text.t(weekdayKey(day)) }}</th>
              @for (hour of hours(); track hour) {
                @let value = cells()[day - 1][hour];
                @let level = shade(value);
                <td class="text-end" [style.background-color]="level.background" [style.color]="level.color">{{ count(value) }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .sp-heat {
      border-collapse: collapse;
      font-size: 0.875rem;
    }
    .sp-heat th,
    .sp-heat td {
      padding: 0.25rem 0.5rem;
      border: 1px solid #c5c7c9;
      min-width: 2.75rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HeatMap {
  readonly cells = input.required<number[][]>();
  readonly max = input.required<number>();

  protected readonly i18n = inject(I18n);
  protected readonly text = inject(StatsI18n);

  protected readonly hours = computed(() => {
    const used = this.cells()
      .flatMap((row) => row.map((c, hour) => (c > 0 ? hour : -1)))
      .filter((h) => h >= 0);
    const from = used.length ? Math.min(...used) : 8;
    const to = used.length ? Math.max(...used) : 18;
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });

  protected readonly days = computed(() => (this.cells()[6].some((c) => c > 0) ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5, 6]));

  protected weekdayKey(day: number): StatsTextKey {
    return `stats.weekday.${day}` as StatsTextKey;
  }

  protected hourLabel(hour: number): string {
    return `${String(hour).padStart(2, '0')}:00`;
  }

  protected count(value: number): string {
    return formatCount(value, this.i18n.locale());
  }

  protected shade(value: number): { background: string; color: string } {
    return HEAT_LEVELS[heatLevel(value, this.max())];
  }
}
