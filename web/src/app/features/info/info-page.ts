import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { catchError, map, of } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { I18n } from '../../core/i18n/i18n';

/** RETENTION_DAYS' default, said until the office's own period is known. */
const DEFAULT_RETENTION_DAYS = 90;

export type InfoPageKind = 'privacy' | 'accessibility';

/** Short privacy and accessibility notes linked from the footer, until the Comune's texts exist. */
@Component({
  selector: 'sp-info-page',
  imports: [RouterLink],
  template: `
    <div class="container page-section" [attr.data-testid]="'info-' + page()">
      <h1>{{ title() }}</h1>
      <p class="sp-info-text">{{ text() }}</p>
      <a routerLink="/">{{ i18n.t('common.backHome') }}</a>
    </div>
  `,
  styles: `
    .sp-info-text {
      max-width: 45rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InfoPage {
  /** From the route's data. */
  readonly page = input<InfoPageKind>('privacy');

  protected readonly i18n = inject(I18n);
  /** How long the office keeps booking data (its settings): the URP is the first office the api lists. */
  private readonly retentionDays = toSignal(
    inject(ApiClient)
      .offices()
      .pipe(
        map((offices) => offices[0]?.retentionDays ?? DEFAULT_RETENTION_DAYS),
        catchError(() => of(DEFAULT_RETENTION_DAYS)),
      ),
    { initialValue: DEFAULT_RETENTION_DAYS },
  );
  protected readonly title = computed(() =>
    this.i18n.t(this.page() === 'privacy' ? 'privacy.title' : 'accessibility.title'),
  );
  protected readonly text = computed(() =>
    this.page() === 'privacy' ? this.i18n.t('privacy.text', { days: this.retentionDays() }) : this.i18n.t('accessibility.text'),
  );
}
