import { inject, Injectable } from '@angular/core';
import { I18n, interpolate, MessageParams } from '../../core/i18n/i18n';
import { STATS_TEXTS, StatsTextKey } from './stats-texts';

/** The statistics texts in the app's current language (reads the language signal, so OnPush views follow it). */
@Injectable({ providedIn: 'root' })
export class StatsI18n {
  private readonly i18n = inject(I18n);

  t(key: StatsTextKey, params?: MessageParams): string {
    return interpolate(STATS_TEXTS[key][this.i18n.lang()], params);
  }
}
