import { inject, Injectable } from '@angular/core';
import { I18n, interpolate, MessageParams } from '../../core/i18n/i18n';
import { ADMIN_EN } from './admin-dictionary-en';
import { ADMIN_IT, AdminKey } from './admin-dictionary-it';

export type { AdminKey } from './admin-dictionary-it';

/**
 * The texts of the administration pages, in the language of `I18n`. They live in their own
 * dictionaries inside this lazily loaded feature, so that the public pages (the initial
 * bundle) do not carry them; shared words (loading, errors) come from the core dictionary.
 */
@Injectable({ providedIn: 'root' })
export class AdminText {
  private readonly i18n = inject(I18n);

  t(key: AdminKey, params?: MessageParams): string {
    const dictionary = this.i18n.lang() === 'en' ? ADMIN_EN : ADMIN_IT;
    return interpolate(dictionary[key] ?? ADMIN_IT[key] ?? key, params);
  }
}
