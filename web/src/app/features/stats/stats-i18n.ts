import { Injectable } from '@angular/core';
import type { Language } from '@sportello/contracts';
import { FeatureText } from '../../core/i18n/feature-text';
import { STATS_TEXTS, StatsTextKey } from './stats-texts';

function inLanguage(lang: Language): Record<StatsTextKey, string> {
  return Object.fromEntries(Object.entries(STATS_TEXTS).map(([key, text]) => [key, text[lang]])) as Record<StatsTextKey, string>;
}

/** The statistics texts in the app's current language (reads the language signal, so OnPush views follow it). */
@Injectable({ providedIn: 'root' })
export class StatsI18n extends FeatureText<StatsTextKey> {
  protected readonly dictionaries = { it: inLanguage('it'), en: inLanguage('en') };
}
