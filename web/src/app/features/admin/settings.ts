import { afterNextRender, ChangeDetectionStrategy, Component, inject, Injector, input } from '@angular/core';
import type { OfficeRuleDefaults, OfficeSettingsDto, OfficeSettingsInput } from '@sportello/contracts';
import { I18n } from '../../core/i18n/i18n';
import { LoadingIndicator } from '../../layout/loading-indicator';
import { AdminApi } from './admin-api';
import { AdminKey, AdminText } from './admin-text';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { FORM_KIT } from '../../shared/forms/field';
import { FormState } from '../../shared/forms/form-state';
import { OfficeNav } from './office-nav';
import { officeSettingsForm } from './office-settings-form';

type NumberField = 'bookingHorizonDays' | 'minNoticeMinutes';
type DefaultedField = keyof OfficeRuleDefaults;

interface SettingsModel {
  bookingHorizonDays: string;
  minNoticeMinutes: string;
  reconfirmRequired: boolean;
  holdMinutes: string;
  cancelCutoffHours: string;
  reminderHoursBefore: string;
  maxActivePerFiscalCode: string;
  retentionDays: string;
  mandateStart: string;
  mandateEnd: string;
  patronMonth: string;
  patronDay: string;
  /** A new App IO key ('' keeps the saved one); the saved key is never loaded. */
  ioApiKey: string;
  ioApiKeyRemove: boolean;
}

const number = (value: string): number | string | null => (value.trim() === '' ? null : /^\s*-?\d+\s*$/.test(value) ? Number(value) : value);

export function settingsInput(m: SettingsModel): OfficeSettingsInput {
  return {
    bookingHorizonDays: number(m.bookingHorizonDays) as number,
    minNoticeMinutes: number(m.minNoticeMinutes) as number,
    reconfirmRequired: m.reconfirmRequired,
    holdMinutes: number(m.holdMinutes) as number | null,
    cancelCutoffHours: number(m.cancelCutoffHours) as number | null,
    reminderHoursBefore: number(m.reminderHoursBefore) as number | null,
    maxActivePerFiscalCode: number(m.maxActivePerFiscalCode) as number | null,
    retentionDays: number(m.retentionDays) as number | null,
    mandateStart: m.mandateStart || null,
    mandateEnd: m.mandateEnd || null,
    patronSaint: m.patronMonth ? { month: Number(m.patronMonth), day: number(m.patronDay) as number } : null,
    // Write-only: sent only to set or remove it.
    ...(m.ioApiKeyRemove ? { ioApiKey: null } : m.ioApiKey ? { ioApiKey: m.ioApiKey } : {}),
  };
}

function toModel(s: OfficeSettingsDto): SettingsModel {
  const text = (v: number | null) => (v === null ? '' : String(v));
  return {
    bookingHorizonDays: String(s.bookingHorizonDays),
    minNoticeMinutes: String(s.minNoticeMinutes),
    reconfirmRequired: s.reconfirmRequired,
    holdMinutes: text(s.holdMinutes),
    cancelCutoffHours: text(s.cancelCutoffHours),
    reminderHoursBefore: text(s.reminderHoursBefore),
    maxActivePerFiscalCode: text(s.maxActivePerFiscalCode),
    retentionDays: text(s.retentionDays),
    mandateStart: s.mandateStart ?? '',
    mandateEnd: s.mandateEnd ?? '',
    patronMonth: s.patronSaint ? String(s.patronSaint.month) : '',
    patronDay: s.patronSaint ? String(s.patronSaint.day) : '',
    ioApiKey: '',
    ioApiKeyRemove: false,
  };
}

/**
 * /staff/admin/offices/:officeId/settings: the office's booking rules. The rules with an
 * installation default (the environment variables) may be left empty to follow it.
 */
@Component({
  selector: 'sp-admin-settings',
  imports: [LoadingIndicator, OfficeNav, ErrorSummary, FORM_KIT],
  templateUrl: './settings.html',
  styleUrl: './admin.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Settings {
  readonly officeId = input.required<string>();

  protected readonly text = inject(AdminText);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AdminApi);
  private readonly injector = inject(Injector);

  protected readonly form = new FormState('settings');
  private readonly edited = officeSettingsForm(this.form, () => this.officeId(), toModel);
  protected readonly settings = this.edited.settings;
  protected readonly model = this.edited.model;
  protected readonly mandateFields = ['mandateStart', 'mandateEnd'] as const;
  protected readonly required: Array<{ field: NumberField; unit: AdminKey }> = [
    { field: 'bookingHorizonDays', unit: 'admin.unit.days' },
    { field: 'minNoticeMinutes', unit: 'admin.unit.minutes' },
  ];
  protected readonly defaulted: Array<{ field: DefaultedField; unit: AdminKey }> = [
    { field: 'holdMinutes', unit: 'admin.unit.minutes' },
    { field: 'cancelCutoffHours', unit: 'admin.unit.hours' },
    { field: 'reminderHoursBefore', unit: 'admin.unit.hours' },
    { field: 'maxActivePerFiscalCode', unit: 'admin.unit.appointments' },
    { field: 'retentionDays', unit: 'admin.unit.days' },
  ];
  protected readonly months = Array.from({ length: 12 }, (_, i) => i + 1);

  protected monthName(month: number): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, month - 1, 1)));
  }

  protected label(field: NumberField | DefaultedField | 'mandateStart' | 'mandateEnd'): string {
    return this.text.t(`admin.settings.field.${field}`);
  }

  protected ioStatus(s: OfficeSettingsDto): AdminKey {
    return s.io.apiKeySet ? 'admin.settings.ioStatus.own' : s.io.installationKeySet ? 'admin.settings.ioStatus.installation' : 'admin.settings.ioStatus.none';
  }

  protected setIoRemove(event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.model.update((m) => (m ? { ...m, ioApiKeyRemove: checked } : m));
  }

  protected set(field: Exclude<keyof SettingsModel, 'reconfirmRequired' | 'ioApiKeyRemove'>, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.model.update((m) => (m ? { ...m, [field]: value } : m));
  }

  protected setReconfirm(event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.model.update((m) => (m ? { ...m, reconfirmRequired: checked } : m));
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const model = this.model();
    if (!model || this.form.busy()) return;
    this.form.start();
    try {
      const saved = await this.api.saveSettings(this.officeId(), settingsInput(model));
      this.settings.set(saved);
      this.form.done(this.text.t('admin.settings.saved'));
      afterNextRender(() => document.getElementById('settings-status')?.focus(), { injector: this.injector });
    } catch (error) {
      this.form.fail(error, (key) => this.i18n.t(key));
    }
  }
}
