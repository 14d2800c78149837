import { Injectable } from '@angular/core';
import { FeatureText } from '../../core/i18n/feature-text';
import { ADMIN_EN } from './admin-dictionary-en';
import { ADMIN_IT, AdminKey } from './admin-dictionary-it';

export type { AdminKey } from './admin-dictionary-it';

/**
 * The texts of the administration pages. They live in their own dictionaries inside this
 * lazily loaded feature, so that the public pages (the initial bundle) do not carry them;
 * shared words (loading, errors) come from the core dictionary.
 */
@Injectable({ providedIn: 'root' })
export class AdminText extends FeatureText<AdminKey> {
  protected readonly dictionaries = { it: ADMIN_IT, en: ADMIN_EN };
}
