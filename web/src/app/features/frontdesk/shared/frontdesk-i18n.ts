import { Injectable } from '@angular/core';
import { FeatureText, PluralStem } from '../../../core/i18n/feature-text';
import { FRONTDESK_EN } from './dictionary-en';
import { FRONTDESK_IT, FrontDeskKey } from './dictionary-it';

export type { FrontDeskKey } from './dictionary-it';

/** Keys with `.one` / `.other` forms, by their common stem. */
export type FrontDeskPlural = PluralStem<FrontDeskKey>;

/**
 * Texts of the front-desk pages (desk, agenda, display, kiosk, ticket page). They live in
 * their own dictionaries, loaded with those lazy pages rather than with every citizen's
 * first page; the language is the app's (`I18n`), and the app's own keys work here too.
 */
@Injectable({ providedIn: 'root' })
export class FrontDeskI18n extends FeatureText<FrontDeskKey> {
  protected readonly dictionaries = { it: FRONTDESK_IT, en: FRONTDESK_EN };
}
