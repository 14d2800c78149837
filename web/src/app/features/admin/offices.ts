import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AdminOfficeDto, OfficeInput } from '@sportello/contracts';
import { StaffAuth } from '../../core/auth/staff-auth';
import { I18n } from '../../core/i18n/i18n';
import { LoadingIndicator } from '../../layout/loading-indicator';
import { AdminApi } from './admin-api';
import { AdminText } from './admin-text';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { FORM_KIT } from '../../shared/forms/field';
import { FormState } from '../../shared/forms/form-state';
import { OfficeDirectory } from './office-directory';

type OfficeField = 'code' | 'name' | 'address' | 'city' | 'phone' | 'email' | 'latitude' | 'longitude' | 'timeZone';

const EMPTY: Record<OfficeField, string> = {
  code: '',
  name: '',
  address: '',
  city: '',
  phone: '',
  email: '',
  latitude: '',
  longitude: '',
  timeZone: 'Europe/Rome',
};

/** "44,5641" or "44.5641" → 44.5641; empty → null; anything else is sent as typed, for the api to name. */
function coordinate(value: string): number | null {
  const text = value.trim().replace(',', '.');
  if (text === '') return null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : (value as unknown as number);
}

/** /staff/admin/offices: the offices; admins create and delete them, managers edit theirs. */
@Component({
  selector: 'sp-admin-offices',
  imports: [RouterLink, LoadingIndicator, ErrorSummary, FORM_KIT],
  templateUrl: './offices.html',
  styleUrl: './admin.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Offices {
  protected readonly text = inject(AdminText);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AdminApi);
  private readonly directory = inject(OfficeDirectory);
  private readonly auth = inject(StaffAuth);
  private readonly injector = inject(Injector);

  protected readonly offices = this.directory.offices;
  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');
  protected readonly form = new FormState('office');
  /** The office being edited, 'new' for a new one, null when the form is closed. */
  protected readonly editing = signal<AdminOfficeDto | 'new' | null>(null);
  protected readonly model = signal<Record<OfficeField, string>>({ ...EMPTY });
  protected readonly deleting = signal<AdminOfficeDto | null>(null);
  protected readonly fields: OfficeField[] = ['code', 'name', 'address', 'city', 'phone', 'email'];
  /** Where the office is, for the map link citizens get (optional). */
  protected readonly locationFields: OfficeField[] = ['latitude', 'longitude'];

  constructor() {
    void this.directory.load(true).catch((error: unknown) => this.form.fail(error, (key) => this.i18n.t(key)));
  }

  protected edit(office: AdminOfficeDto | 'new'): void {
    this.form.clear();
    this.deleting.set(null);
    this.editing.set(office);
    this.model.set(
      office === 'new'
        ? { ...EMPTY }
        : {
            code: office.code,
            name: office.name,
            address: office.address,
            city: office.city,
            phone: office.phone ?? '',
            email: office.email ?? '',
            latitude: office.latitude === null ? '' : String(office.latitude),
            longitude: office.longitude === null ? '' : String(office.longitude),
            timeZone: office.timeZone,
          },
    );
    this.focus('office-form-title');
  }

  protected close(): void {
    this.editing.set(null);
    this.form.clear();
  }

  protected label(field: OfficeField): string {
    return this.text.t(`admin.offices.field.${field}`);
  }

  protected set(field: OfficeField, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.model.update((m) => ({ ...m, [field]: value }));
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const editing = this.editing();
    if (!editing || this.form.busy()) return;
    const m = this.model();
    const input: OfficeInput = {
      code: m.code,
      name: m.name,
      address: m.address,
      city: m.city,
      phone: m.phone || null,
      email: m.email || null,
      latitude: coordinate(m.latitude),
      longitude: coordinate(m.longitude),
    };
    this.form.start();
    try {
      const saved = editing === 'new' ? await this.api.createOffice({ ...input, timeZone: m.timeZone }) : await this.api.updateOffice(editing.id, input);
      await this.directory.load(true);
      this.editing.set(null);
      this.form.done(this.text.t(editing === 'new' ? 'admin.offices.created' : 'admin.offices.saved', { name: saved.name }));
      this.focus('offices-status');
    } catch (error) {
      this.form.fail(error, (key) => this.i18n.t(key));
    }
  }

  protected async remove(office: AdminOfficeDto, confirmed: boolean): Promise<void> {
    if (!confirmed) {
      this.deleting.set(office);
      this.focus('office-delete-title');
      return;
    }
    this.form.start();
    try {
      await this.api.deleteOffice(office.id);
      await this.directory.load(true);
      this.deleting.set(null);
      this.form.done(this.text.t('admin.offices.deleted', { name: office.name }));
      this.focus('offices-status');
    } catch (error) {
      this.deleting.set(null);
      this.form.fail(error, (key) => this.i18n.t(key));
    }
  }

  private focus(id: string): void {
    afterNextRender(() => document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
