import { inject, Injectable } from '@angular/core';
import type { Language } from '@sportello/contracts';
import { I18n, interpolate, MessageKey, MessageParams, pluralCategory } from '../../core/i18n/i18n';
import { FRONTDESK_EN } from './dictionary-en';
import { FRONTDESK_IT, FrontDeskKey } from './dictionary-it';

export type { FrontDeskKey } from './dictionary-it';

/** Keys with `.one` / `.other` forms, by their common stem. */
export type FrontDeskPlural = { [K in FrontDeskKey]: K extends `${infer Stem}.one` ? Stem : never }[FrontDeskKey];

/**
 * Texts of the front-desk pages (desk, agenda, display, kiosk, ticket page). They live in
 * their own dictionaries, loaded with those lazy pages rather than with every citizen's
 * first page; the language is the app's (`I18n`), and the app's own keys work here too.
 */
@Injectable({ providedIn: 'root' })
export class FrontDeskI18n {
  private readonly i18n = inject(I18n);

  readonly lang = this.i18n.lang;
  readonly locale = this.i18n.locale;

  t(key: FrontDeskKey | MessageKey, params?: MessageParams): string {
    const own = (this.i18n.lang() === 'en' ? FRONTDESK_EN : FRONTDESK_IT) as Record<string, string>;
    const text = own[key] ?? (FRONTDESK_IT as Record<string, string>)[key];
    return text === undefined ? this.i18n.t(key as MessageKey, params) : interpolate(text, params);
  }

  plural(stem: FrontDeskPlural, count: number, params?: MessageParams): string {
    const rule = pluralCategory(count, this.i18n.locale()) === 'one' ? 'one' : 'other';
    return this.t(`${stem}.${rule}` as FrontDeskKey, { count, ...params });
  }

  pick<T>(text: Record<Language, T> | null | undefined, fallback: T): T {
    return this.i18n.pick(text, fallback);
  }
}
