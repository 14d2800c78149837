import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18n } from '../core/i18n/i18n';
import { LanguageSwitcher } from './language-switcher';

@Component({
  selector: 'sp-site-header',
  imports: [RouterLink, LanguageSwitcher],
  templateUrl: './site-header.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteHeader {
  protected readonly i18n = inject(I18n);
}
