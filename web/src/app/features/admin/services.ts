import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, input, signal } from '@angular/core';
import type { AdminServiceDto, ServiceInput, ServiceOutcomeInput } from '@sportello/contracts';
import { formatEuroCents } from '../../core/format';
import { I18n } from '../../core/i18n/i18n';
import { LoadingIndicator } from '../../layout/loading-indicator';
import { AdminApi } from './admin-api';
import { AdminKey, AdminText } from './admin-text';
import { ConfirmChange } from './confirm-change';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { FORM_KIT } from '../../shared/forms/field';
import { formResource } from '../../shared/forms/form-resource';
import { FormState } from '../../shared/forms/form-state';
import { OfficeDirectory } from './office-directory';
import { OfficeNav } from './office-nav';

export interface ServiceModel {
  code: string;
  nameIt: string;
  nameEn: string;
  descriptionIt: string;
  descriptionEn: string;
  durationMinutes: string;
  capacity: string;
  documentsIt: string;
  documentsEn: string;
  fee: string;
  feeNoteIt: string;
  feeNoteEn: string;
  onlineUrl: string;
  onlineIt: string;
  onlineEn: string;
  sortOrder: string;
  active: boolean;
  /** Only citizens signed in with SPID or CIE may book it. */
  signInRequired: boolean;
  ticketPrefix: string;
  outcomes: ServiceOutcomeInput[];
}

const EMPTY: ServiceModel = {
  code: '',
  nameIt: '',
  nameEn: '',
  descriptionIt: '',
  descriptionEn: '',
  durationMinutes: '20',
  capacity: '1',
  documentsIt: '',
  documentsEn: '',
  fee: '',
  feeNoteIt: '',
  feeNoteEn: '',
  onlineUrl: '',
  onlineIt: '',
  onlineEn: '',
  sortOrder: '0',
  active: true,
  signInRequired: false,
  ticketPrefix: '',
  outcomes: [],
};

/** A whole number typed in a field; what cannot be one goes to the api as typed, which says why. */
function whole(value: string): number | string {
  return /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** "22,21" or "22.21" euros → 2221 cents; '' → null; anything else → undefined (an error). */
export function parseEuros(text: string): number | null | undefined {
  const value = text.trim().replace(/\s|€/g, '');
  if (value === '') return null;
  if (!/^\d+([.,]\d{1,2})?$/.test(value)) return undefined;
  return Math.round(Number(value.replace(',', '.')) * 100);
}

export function toModel(s: AdminServiceDto, locale: string): ServiceModel {
  return {
    code: s.code,
    nameIt: s.names.it,
    nameEn: s.names.en,
    descriptionIt: s.descriptions.it,
    descriptionEn: s.descriptions.en,
    durationMinutes: String(s.durationMinutes),
    capacity: String(s.capacity),
    documentsIt: s.documents.it.join('\n'),
    documentsEn: s.documents.en.join('\n'),
    fee: s.feeCents === null ? '' : formatEuroCents(s.feeCents, locale).replace(/[^\d,.]/g, ''),
    feeNoteIt: s.feeNote?.it ?? '',
    feeNoteEn: s.feeNote?.en ?? '',
    onlineUrl: s.onlineAlternative?.url ?? '',
    onlineIt: s.onlineAlternative?.description.it ?? '',
    onlineEn: s.onlineAlternative?.description.en ?? '',
    sortOrder: String(s.sortOrder),
    active: s.active,
    signInRequired: s.signInRequired,
    ticketPrefix: s.ticketPrefix,
    outcomes: s.outcomes.map((o) => ({ ...o })),
  };
}

export function toInput(m: ServiceModel, feeCents: number | null): ServiceInput {
  return {
    code: m.code,
    names: { it: m.nameIt, en: m.nameEn },
    descriptions: { it: m.descriptionIt, en: m.descriptionEn },
    durationMinutes: whole(m.durationMinutes) as number,
    capacity: whole(m.capacity) as number,
    documents: { it: lines(m.documentsIt), en: lines(m.documentsEn) },
    feeCents,
    feeNote: m.feeNoteIt.trim() || m.feeNoteEn.trim() ? { it: m.feeNoteIt, en: m.feeNoteEn } : null,
    onlineAlternative: m.onlineUrl.trim() ? { url: m.onlineUrl, description: { it: m.onlineIt, en: m.onlineEn } } : null,
    sortOrder: whole(m.sortOrder) as number,
    active: m.active,
    signInRequired: m.signInRequired,
    ticketPrefix: m.ticketPrefix,
    outcomes: m.outcomes,
  };
}

type CheckField = 'active' | 'signInRequired';
type TextField = Exclude<keyof ServiceModel, CheckField | 'outcomes'>;

/** A text control of the form: the api's field path, the model's key and the label. */
interface TextControl {
  field: string;
  key: TextField;
  label: AdminKey;
}

const control = (field: string, key: TextField, label: AdminKey): TextControl => ({ field, key, label });

/**
 * /staff/admin/offices/:officeId/services: the services (inactive ones too) and a form for
 * one. A change that strands bookings (deactivating, another slot length, lower capacity)
 * shows them and asks for confirmation; confirmed, they are cancelled and the citizens told.
 */
@Component({
  selector: 'sp-admin-services',
  imports: [LoadingIndicator, OfficeNav, ErrorSummary, FORM_KIT, ConfirmChange],
  templateUrl: './services.html',
  styleUrl: './admin.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Services {
  readonly officeId = input.required<string>();

  protected readonly text = inject(AdminText);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AdminApi);
  private readonly directory = inject(OfficeDirectory);
  private readonly injector = inject(Injector);

  protected readonly services = computed(() => this.loaded.value() ?? null);
  protected readonly form = new FormState('service', { alias: (field) => field.replace(/^documents\.(it|en)\[\d+\]$/, 'documents.$1') });
  private readonly loaded = formResource(
    this.form,
    () => this.officeId(),
    (officeId) => this.api.services(officeId),
  );
  protected readonly nameFields = [control('names.it', 'nameIt', 'admin.services.field.nameIt'), control('names.en', 'nameEn', 'admin.services.field.nameEn')];
  protected readonly descriptionFields = [
    control('descriptions.it', 'descriptionIt', 'admin.services.field.descriptionIt'),
    control('descriptions.en', 'descriptionEn', 'admin.services.field.descriptionEn'),
  ];
  protected readonly numberFields = [
    control('durationMinutes', 'durationMinutes', 'admin.services.field.durationMinutes'),
    control('capacity', 'capacity', 'admin.services.field.capacity'),
    control('sortOrder', 'sortOrder', 'admin.services.field.sortOrder'),
  ];
  protected readonly documentFields = [
    control('documents.it', 'documentsIt', 'admin.common.italian'),
    control('documents.en', 'documentsEn', 'admin.common.english'),
  ];
  protected readonly feeNoteFields = [
    control('feeNote.it', 'feeNoteIt', 'admin.services.field.feeNoteIt'),
    control('feeNote.en', 'feeNoteEn', 'admin.services.field.feeNoteEn'),
  ];
  protected readonly onlineFields = [
    control('onlineAlternative.url', 'onlineUrl', 'admin.services.field.onlineUrl'),
    control('onlineAlternative.description.it', 'onlineIt', 'admin.services.field.onlineIt'),
    control('onlineAlternative.description.en', 'onlineEn', 'admin.services.field.onlineEn'),
  ];
  protected readonly outcomeFields = ['code', 'it', 'en'] as const;
  protected readonly editing = signal<AdminServiceDto | 'new' | null>(null);
  protected readonly model = signal<ServiceModel>({ ...EMPTY });
  protected readonly timeZone = computed(() => this.directory.find(this.officeId())?.timeZone ?? 'Europe/Rome');
  /** The service just saved, when it is active and no active desk serves it: the warning names it. */
  protected readonly unserved = signal<string | null>(null);

  protected edit(service: AdminServiceDto | 'new'): void {
    this.form.clear();
    this.unserved.set(null);
    this.editing.set(service);
    this.model.set(service === 'new' ? { ...EMPTY, outcomes: [] } : toModel(service, this.i18n.locale()));
    this.focus('service-form-title');
  }

  protected close(): void {
    this.editing.set(null);
    this.form.clear();
  }

  protected set(field: TextField, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.model.update((m) => ({ ...m, [field]: value }));
  }

  protected setCheck(field: CheckField, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.model.update((m) => ({ ...m, [field]: checked }));
  }

  protected outcomeLabel(field: keyof ServiceOutcomeInput): string {
    return this.text.t(`admin.services.outcome.${field}`);
  }

  protected setOutcome(index: number, field: keyof ServiceOutcomeInput, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.model.update((m) => ({ ...m, outcomes: m.outcomes.map((o, i) => (i === index ? { ...o, [field]: value } : o)) }));
  }

  protected addOutcome(): void {
    const index = this.model().outcomes.length;
    this.model.update((m) => ({ ...m, outcomes: [...m.outcomes, { code: '', it: '', en: '' }] }));
    this.focus(this.form.id(`outcomes[${index}].code`));
  }

  protected removeOutcome(index: number): void {
    this.model.update((m) => ({ ...m, outcomes: m.outcomes.filter((_, i) => i !== index) }));
    this.focus('service-outcomes-add');
  }

  protected async save(event: Event | null, confirm = false): Promise<void> {
    event?.preventDefault();
    const editing = this.editing();
    if (!editing || this.form.busy()) return;
    const feeCents = parseEuros(this.model().fee);
    if (feeCents === undefined) {
      this.form.invalid({ feeCents: this.text.t('admin.services.feeInvalid') });
      return;
    }
    const input = toInput(this.model(), feeCents);
    this.form.start();
    try {
      if (editing === 'new') {
        const created = await this.api.createService(this.officeId(), input);
        await this.finish(this.text.t('admin.services.created', { name: created.names.it }), created);
      } else {
        const saved = await this.api.updateService(this.officeId(), editing.id, { ...input, confirm });
        const cancelled =
          saved.cancelled.length > 0 ? ` ${this.text.t('admin.change.cancelled', { count: saved.cancelled.length, codes: saved.cancelled.join(', ') })}` : '';
        await this.finish(this.text.t('admin.services.saved', { name: saved.names.it }) + cancelled, saved);
      }
    } catch (error) {
      this.form.fail(error, (key) => this.i18n.t(key));
    }
  }

  protected cancelConfirmation(): void {
    this.form.affected.set(null);
    this.focus('service-save');
  }

  protected fee(service: AdminServiceDto): string {
    return service.feeCents === null ? this.text.t('admin.services.free') : formatEuroCents(service.feeCents, this.i18n.locale());
  }

  private async finish(message: string, saved: AdminServiceDto): Promise<void> {
    this.unserved.set(saved.active && saved.desks === 0 ? this.i18n.pick(saved.names, saved.code) : null);
    this.editing.set(null);
    await this.loaded.refresh();
    this.form.done(message);
    this.focus('services-status');
  }

  private focus(id: string): void {
    afterNextRender(() => document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
