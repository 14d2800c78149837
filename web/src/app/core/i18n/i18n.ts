import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { Language } from '@sportello/contracts';
import { Dictionary, IT, MessageKey } from './dictionary-it';
import { EN } from './dictionary-en';

export type { MessageKey } from './dictionary-it';

export const LANGUAGES: readonly Language[] = ['it', 'en'];
export const DEFAULT_LANGUAGE: Language = 'it';
export const LANGUAGE_STORAGE_KEY = 'sportello.lang';

const DICTIONARIES: Record<Language, Dictionary> = { it: IT, en: EN };
/** BCP 47 locales used with Intl for each language. */
const LOCALES: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };

export type MessageParams = Record<string, string | number>;

/** The stems of the dictionary's plural texts: `slot.remaining` for `slot.remaining.one` / `.other`. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Stem}.one` ? (`${Stem}.other` extends MessageKey ? Stem : never) : never }[MessageKey];

/**
 * CLDR's cardinal plural category. For the app's two locales and whole numbers it is
 * written out — "one" for 1; Italian "many" for whole millions ("1 milione di") — since
 * the first Intl.PluralRules of a page loads ICU data on the home page's first render
 * (i18n.spec.ts checks these against Intl.PluralRules); Intl.PluralRules otherwise.
 */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  if (Number.isSafeInteger(count) && count >= 0 && (locale === 'it-IT' || locale === 'en-GB')) {
    if (count === 1) return 'one';
    if (locale === 'it-IT' && count !== 0 && count % 1_000_000 === 0) return 'many';
    return 'other';
  }
  return new Intl.PluralRules(locale).select(count);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Replaces `{name}` placeholders; unknown placeholders are left visible. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}

/**
 * The app's translations: a language signal and two dictionaries. Templates call
 * `i18n.t('key')`; since `t` reads the signal, OnPush views re-render when the
 * language changes.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>(this.readStoredLanguage());

  /** The active language. */
  readonly lang = this.current.asReadonly();
  /** The Intl locale of the active language ("it-IT", "en-GB"). */
  readonly locale = computed(() => LOCALES[this.current()]);

  constructor() {
    this.document.documentElement.lang = this.current();
  }

  setLanguage(lang: Language): void {
    if (!isLanguage(lang)) return;
    this.current.set(lang);
    this.document.documentElement.lang = lang;
    try {
      this.document.defaultView?.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
    } catch {
      // Storage can be disabled (private browsing, policies): the choice then lasts for the visit.
    }
  }

  /** The text of `key` in the active language, with `{placeholders}` filled in. */
  t(key: MessageKey, params?: MessageParams): string {
    const text = DICTIONARIES[this.current()][key] ?? IT[key] ?? key;
    return interpolate(text, params);
  }

  /**
   * Plural-aware lookup: `key.one` or `key.other` (a category without a text of its own,
   * e.g. Italian "many", uses `other`) by the language's plural rules, `{count}` filled in.
   */
  plural(key: PluralKey, count: number, params?: MessageParams): string {
    const rule = pluralCategory(count, this.locale()) === 'one' ? 'one' : 'other';
    return this.t(`${key}.${rule}` as MessageKey, { count, ...params });
  }

  /** Picks the active language's entry of a `{ it, en }` text coming from the API. */
  pick<T>(text: Record<Language, T> | null | undefined, fallback: T): T {
    if (!text) return fallback;
    return text[this.current()] ?? text[DEFAULT_LANGUAGE] ?? fallback;
  }

  private readStoredLanguage(): Language {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
    } catch {
      return DEFAULT_LANGUAGE;
    }
  }
}
