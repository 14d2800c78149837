import { inject, Injectable } from '@angular/core';
import { I18n, interpolate, MessageParams, pluralCategory } from '../../core/i18n/i18n';
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

  /**
   * A text with `{placeholders}` filled in. With a numeric `count`, the singular form
   * `key.one` where the language's plural rules say "one" (the key itself is the plural).
   */
  t(key: AdminKey, params?: MessageParams): string {
    const dictionary = this.i18n.lang() === 'en' ? ADMIN_EN : ADMIN_IT;
    const count = params?.['count'];
    const one = typeof count === 'number' && pluralCategory(count, this.i18n.locale()) === 'one' ? (`${key}.one` as AdminKey) : null;
    const text = (one && dictionary[one]) || dictionary[key] || ADMIN_IT[key] || key;
    return interpolate(text, params);
  }

  /** The text of a key built at run time (an audit action, a field), or null when there is none. */
  maybe(key: string): string | null {
    const dictionary = (this.i18n.lang() === 'en' ? ADMIN_EN : ADMIN_IT) as Record<string, string>;
    return dictionary[key] ?? (ADMIN_IT as Record<string, string>)[key] ?? null;
  }
}
