import { afterNextRender, ChangeDetectionStrategy, Component, inject, Injector, input } from '@angular/core';
import type { AccessibilityNoteDto, OfficeSettingsDto, OfficeSettingsInput, PrivacySettingsDto } from '@sportello/contracts';
import { I18n } from '../../core/i18n/i18n';
import { LoadingIndicator } from '../../layout/loading-indicator';
import { LEGAL_TEXTS, LegalKey } from '../info/legal-texts';
import { AdminApi } from './admin-api';
import { AdminKey, AdminText } from './admin-text';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { FORM_KIT } from '../../shared/forms/field';
import { FormState } from '../../shared/forms/form-state';
import { OfficeNav } from './office-nav';
import { officeSettingsForm } from './office-settings-form';

type TextField = 'controller' | 'controllerEmail' | 'dpoName' | 'dpoEmail';
type LongText = 'purposes' | 'legalBasis' | 'recipients';

interface LegalModel {
  controller: string;
  controllerEmail: string;
  dpoName: string;
  dpoEmail: string;
  purposes: { it: string; en: string };
  legalBasis: { it: string; en: string };
  recipients: { it: string; en: string };
  declarationUrl: string;
  feedbackEmail: string;
}

const STANDARD: Record<LongText, LegalKey> = {
  purposes: 'privacy.purposes.standard',
  legalBasis: 'privacy.legalBasis.standard',
  recipients: 'privacy.recipients.standard',
};

function toModel(s: OfficeSettingsDto): LegalModel {
  const p = s.privacy;
  const pair = (t: { it: string; en: string } | null) => ({ it: t?.it ?? '', en: t?.en ?? '' });
  return {
    controller: p.controller ?? '',
    controllerEmail: p.controllerEmail ?? '',
    dpoName: p.dpoName ?? '',
    dpoEmail: p.dpoEmail ?? '',
    purposes: pair(p.purposes),
    legalBasis: pair(p.legalBasis),
    recipients: pair(p.recipients),
    declarationUrl: s.accessibility.declarationUrl ?? '',
    feedbackEmail: s.accessibility.feedbackEmail ?? '',
  };
}

/** The office's settings with these texts in place of the saved ones (the api takes every rule at once). */
export function legalInput(settings: OfficeSettingsDto, m: LegalModel): OfficeSettingsInput {
  const rules: OfficeSettingsInput = {
    bookingHorizonDays: settings.bookingHorizonDays,
    minNoticeMinutes: settings.minNoticeMinutes,
    reconfirmRequired: settings.reconfirmRequired,
    holdMinutes: settings.holdMinutes,
    cancelCutoffHours: settings.cancelCutoffHours,
    reminderHoursBefore: settings.reminderHoursBefore,
    maxActivePerFiscalCode: settings.maxActivePerFiscalCode,
    retentionDays: settings.retentionDays,
    mandateStart: settings.mandateStart,
    mandateEnd: settings.mandateEnd,
    patronSaint: settings.patronSaint,
  };
  const text = (v: string) => v.trim() || null;
  const pair = (t: { it: string; en: string }) => (t.it.trim() || t.en.trim() ? { it: t.it.trim(), en: t.en.trim() } : null);
  const privacy: PrivacySettingsDto = {
    controller: text(m.controller),
    controllerEmail: text(m.controllerEmail),
    dpoName: text(m.dpoName),
    dpoEmail: text(m.dpoEmail),
    purposes: pair(m.purposes),
    legalBasis: pair(m.legalBasis),
    recipients: pair(m.recipients),
  };
  const accessibility: AccessibilityNoteDto = { declarationUrl: text(m.declarationUrl), feedbackEmail: text(m.feedbackEmail) };
  return { ...rules, privacy, accessibility };
}

/**
 * /staff/admin/offices/:officeId/legal: the privacy notice (GDPR art. 13) and the
 * accessibility page the citizens read — controller, DPO, purposes, legal basis,
 * recipients; the AgID declaration and the address for accessibility reports.
 */
@Component({
  selector: 'sp-admin-legal-settings',
  imports: [LoadingIndicator, OfficeNav, ErrorSummary, FORM_KIT],
  templateUrl: './legal-settings.html',
  styleUrl: './admin.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LegalSettings {
  readonly officeId = input.required<string>();

  protected readonly text = inject(AdminText);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AdminApi);
  private readonly injector = inject(Injector);

  protected readonly form = new FormState('legal');
  private readonly edited = officeSettingsForm(this.form, () => this.officeId(), toModel);
  protected readonly settings = this.edited.settings;
  protected readonly model = this.edited.model;
  protected readonly controllerFields: TextField[] = ['controller', 'controllerEmail'];
  protected readonly dpoFields: TextField[] = ['dpoName', 'dpoEmail'];
  protected readonly longTexts: LongText[] = ['purposes', 'legalBasis', 'recipients'];
  protected readonly languages = ['it', 'en'] as const;
  protected readonly groups: ReadonlyArray<{ legend: AdminKey; fields: TextField[] }> = [
    { legend: 'admin.legal.controller', fields: this.controllerFields },
    { legend: 'admin.legal.dpo', fields: this.dpoFields },
  ];
  protected readonly accessibilityFields: ReadonlyArray<{ field: 'declarationUrl' | 'feedbackEmail'; hint: AdminKey; type: 'url' | 'email' }> = [
    { field: 'declarationUrl', hint: 'admin.legal.declarationHint', type: 'url' },
    { field: 'feedbackEmail', hint: 'admin.legal.feedbackHint', type: 'email' },
  ];

  protected label(field: TextField | 'declarationUrl' | 'feedbackEmail'): string {
    return this.text.t(`admin.legal.field.${field}`);
  }

  protected textLabel(field: LongText, lang: 'it' | 'en'): string {
    return this.text.t(`admin.legal.field.${field}.${lang}`);
  }

  protected standard(field: LongText): string {
    return this.text.t('admin.legal.standard', { text: LEGAL_TEXTS[this.i18n.lang()][STANDARD[field]] });
  }

  protected set(field: TextField | 'declarationUrl' | 'feedbackEmail', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.model.update((m) => (m ? { ...m, [field]: value } : m));
  }

  protected setText(field: LongText, lang: 'it' | 'en', event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.model.update((m) => (m ? { ...m, [field]: { ...m[field], [lang]: value } } : m));
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const settings = this.settings();
    const model = this.model();
    if (!settings || !model || this.form.busy()) return;
    this.form.start();
    try {
      const saved = await this.api.saveSettings(this.officeId(), legalInput(settings, model));
      this.settings.set(saved);
      this.form.done(this.text.t('admin.legal.saved'));
      afterNextRender(() => document.getElementById('legal-status')?.focus(), { injector: this.injector });
    } catch (error) {
      this.form.fail(error, (key) => this.i18n.t(key));
    }
  }
}
