import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18n } from '../core/i18n/i18n';
import { LanguageSwitcher } from './language-switcher';

@Component({
  selector: 'sp-site-header',
  imports: [RouterLink, LanguageSwitcher],
  templateUrl: './site-header.html',
  styles: `
    :host {
      display: block;
    }
    .it-header-center-wrapper {
      height: auto;
      min-height: 80px;
      padding-top: 0.75rem;
      padding-bottom: 0.75rem;
    }
    .sp-emblem {
      width: 48px;
      height: 48px;
      flex-shrink: 0;
      margin-right: 1rem;
    }
    .sp-area {
      color: #fff;
      font-size: 0.875rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteHeader {
  protected readonly i18n = inject(I18n);
}
