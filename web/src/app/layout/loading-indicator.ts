import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { I18n } from '../core/i18n/i18n';

/** "Caricamento…" with a spinner, announced politely to screen readers. */
@Component({
  selector: 'sp-loading-indicator',
  template: `
    <div class="sp-loading" role="status">
      <div class="progress-spinner progress-spinner-active" aria-hidden="true"></div>
      <span>{{ i18n.t('common.loading') }}</span>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadingIndicator {
  protected readonly i18n = inject(I18n);
}
