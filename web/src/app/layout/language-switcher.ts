import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { I18n, LANGUAGES } from '../core/i18n/i18n';

/** Two toggle buttons, each written in its own language. */
@Component({
  selector: 'sp-language-switcher',
  template: `
    <div class="sp-lang" role="group" [attr.aria-label]="i18n.t('lang.label')">
      @for (lang of languages; track lang) {
        <button
          type="button"
          class="sp-lang-button"
          [attr.lang]="lang"
          [attr.aria-pressed]="i18n.lang() === lang"
          [attr.data-testid]="'lang-' + lang"
          (click)="i18n.setLanguage(lang)"
        >
          {{ lang === 'it' ? i18n.t('lang.it') : i18n.t('lang.en') }}
        </button>
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitcher {
  protected readonly i18n = inject(I18n);
  protected readonly languages = LANGUAGES;
}
