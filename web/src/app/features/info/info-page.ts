import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18n } from '../../core/i18n/i18n';

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
  protected readonly title = computed(() =>
    this.i18n.t(this.page() === 'privacy' ? 'privacy.title' : 'accessibility.title'),
  );
  protected readonly text = computed(() =>
    this.i18n.t(this.page() === 'privacy' ? 'privacy.text' : 'accessibility.text'),
  );
}
