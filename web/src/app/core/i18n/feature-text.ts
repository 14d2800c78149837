import { inject } from '@angular/core';
import type { Language } from '@sportello/contracts';
import { I18n, interpolate, MessageKey, MessageParams, pluralCategory } from './i18n';

/** The stems of a dictionary's plural texts: `fd.ahead` for `fd.ahead.one` / `fd.ahead.other`. */
export type PluralStem<K extends string> = { [P in K]: P extends `${infer Stem}.one` ? Stem : never }[K];

/**
 * The one way a lazily loaded feature speaks: its own dictionaries (loaded with the feature,
 * not with the citizen's first page), in the language of `I18n`, with the app's keys as the
 * fallback. A feature declares a root service with its dictionaries:
 *
 *     @Injectable({ providedIn: 'root' })
 *     export class AdminText extends FeatureText<AdminKey> {
 *       protected readonly dictionaries = { it: ADMIN_IT, en: ADMIN_EN };
 *     }
 *
 * Since `t` reads the language signal, OnPush views follow a change of language.
 */
export abstract class FeatureText<K extends string> {
  private readonly i18n = inject(I18n);

  readonly lang = this.i18n.lang;
  readonly locale = this.i18n.locale;

  protected abstract readonly dictionaries: Readonly<Record<Language, Readonly<Record<K, string>>>>;

  /**
   * A text with `{placeholders}` filled in: the feature's own (Italian when the language has
   * none), else the app's. With a numeric `count` and a `key.one` text, that one where the
   * language's plural rules say "one" (the key itself is then the plural).
   */
  t(key: K | MessageKey, params?: MessageParams): string {
    const count = params?.['count'];
    if (typeof count === 'number' && pluralCategory(count, this.i18n.locale()) === 'one') {
      const one = this.own(`${key}.one`);
      if (one) return interpolate(one, params);
    }
    const text = this.own(key);
    return text === null ? this.i18n.t(key as MessageKey, params) : interpolate(text, params);
  }

  /** `stem.one` or `stem.other` by the language's plural rules, `{count}` filled in. */
  plural(stem: PluralStem<K>, count: number, params?: MessageParams): string {
    const rule = pluralCategory(count, this.i18n.locale()) === 'one' ? 'one' : 'other';
    return this.t(`${stem}.${rule}` as K, { count, ...params });
  }

  /** The feature's text of a key built at run time (an audit action, a field), or null when there is none. */
  maybe(key: string): string | null {
    return this.own(key);
  }

  /** The active language's entry of a `{ it, en }` text coming from the api. */
  pick<T>(text: Record<Language, T> | null | undefined, fallback: T): T {
    return this.i18n.pick(text, fallback);
  }

  private own(key: string): string | null {
    const dictionary = this.dictionaries[this.i18n.lang()] as Readonly<Record<string, string>>;
    return dictionary[key] ?? (this.dictionaries.it as Readonly<Record<string, string>>)[key] ?? null;
  }
}
