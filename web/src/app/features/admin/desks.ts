import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, input, signal } from '@angular/core';
import type { AdminDeskDto } from '@sportello/contracts';
import { I18n } from '../../core/i18n/i18n';
import { LoadingIndicator } from '../../layout/loading-indicator';
import { AdminApi } from './admin-api';
import { AdminText } from './admin-text';
import { ConfirmChange } from './confirm-change';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { FORM_KIT } from '../../shared/forms/field';
import { formResource } from '../../shared/forms/form-resource';
import { FormState } from '../../shared/forms/form-state';
import { OfficeDirectory } from './office-directory';
import { OfficeNav } from './office-nav';

interface DeskModel {
  number: string;
  name: string;
  active: boolean;
  serviceIds: string[];
}

/**
 * /staff/admin/offices/:officeId/desks: the desks and the services each serves. Serving
 * fewer services while people wait for them asks for confirmation; they stay in the queue.
 */
@Component({
  selector: 'sp-admin-desks',
  imports: [LoadingIndicator, OfficeNav, ErrorSummary, FORM_KIT, ConfirmChange],
  templateUrl: './desks.html',
  styleUrl: './admin.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Desks {
  readonly officeId = input.required<string>();

  protected readonly text = inject(AdminText);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AdminApi);
  private readonly directory = inject(OfficeDirectory);
  private readonly injector = inject(Injector);

  protected readonly desks = computed(() => this.loaded.value()?.[0] ?? null);
  protected readonly services = computed(() => this.loaded.value()?.[1] ?? []);
  protected readonly form = new FormState('desk', { alias: (field) => (field.startsWith('serviceIds[') ? 'serviceIds' : field) });
  private readonly loaded = formResource(
    this.form,
    () => this.officeId(),
    (officeId) => Promise.all([this.api.desks(officeId), this.api.services(officeId)]),
  );
  protected readonly editing = signal<AdminDeskDto | 'new' | null>(null);
  protected readonly deleting = signal<AdminDeskDto | null>(null);
  protected readonly model = signal<DeskModel>({ number: '', name: '', active: true, serviceIds: [] });
  protected readonly timeZone = computed(() => this.directory.find(this.officeId())?.timeZone ?? 'Europe/Rome');

  protected serviceNames(desk: AdminDeskDto): string {
    return this.services()
      .filter((s) => desk.serviceIds.includes(s.id))
      .map((s) => this.i18n.pick(s.names, s.code))
      .join(', ');
  }

  protected edit(desk: AdminDeskDto | 'new'): void {
    this.form.clear();
    this.deleting.set(null);
    this.editing.set(desk);
    const next = Math.max(0, ...(this.desks() ?? []).map((d) => d.number)) + 1;
    this.model.set(
      desk === 'new'
        ? { number: String(next), name: this.text.t('admin.desks.defaultName', { n: next }), active: true, serviceIds: [] }
        : { number: String(desk.number), name: desk.name, active: desk.active, serviceIds: [...desk.serviceIds] },
    );
    this.focus('desk-form-title');
  }

  protected close(): void {
    this.editing.set(null);
    this.form.clear();
  }

  protected set(field: 'number' | 'name', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.model.update((m) => ({ ...m, [field]: value }));
  }

  protected setActive(event: Event): void {
    const active = (event.target as HTMLInputElement).checked;
    this.model.update((m) => ({ ...m, active }));
  }

  protected toggleService(serviceId: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.model.update((m) => ({ ...m, serviceIds: checked ? [...m.serviceIds, serviceId] : m.serviceIds.filter((id) => id !== serviceId) }));
  }

  protected async save(event: Event | null, confirm = false): Promise<void> {
    event?.preventDefault();
    const editing = this.editing();
    if (!editing || this.form.busy()) return;
    const m = this.model();
    const input = {
      number: /^\d+$/.test(m.number.trim()) ? Number(m.number) : (m.number as unknown as number),
      name: m.name,
      active: m.active,
      serviceIds: m.serviceIds,
      confirm,
    };
    this.form.start();
    try {
      if (editing === 'new') {
        const created = await this.api.createDesk(this.officeId(), input);
        await this.finish(this.text.t('admin.desks.created', { name: created.name }));
      } else {
        const saved = await this.api.updateDesk(this.officeId(), editing.id, input);
        const left =
          saved.ticketsLeft.length > 0
            ? ` ${this.text.t('admin.desks.ticketsLeft', { count: saved.ticketsLeft.length, numbers: saved.ticketsLeft.join(', ') })}`
            : '';
        await this.finish(this.text.t('admin.desks.saved', { name: saved.name }) + left);
      }
    } catch (error) {
      this.form.fail(error, (key) => this.i18n.t(key));
    }
  }

  protected async remove(desk: AdminDeskDto, confirmed: boolean, confirmTickets = false): Promise<void> {
    if (!confirmed) {
      this.close();
      this.deleting.set(desk);
      this.focus('desk-delete-title');
      return;
    }
    this.form.start();
    try {
      await this.api.deleteDesk(this.officeId(), desk.id, confirmTickets);
      this.deleting.set(null);
      await this.finish(this.text.t('admin.desks.deleted', { name: desk.name }));
    } catch (error) {
      this.form.fail(error, (key) => this.i18n.t(key));
      if (!this.form.affected()) this.deleting.set(null);
    }
  }

  protected cancelConfirmation(): void {
    this.form.affected.set(null);
    this.deleting.set(null);
    this.focus(this.editing() ? 'desk-save' : 'desks-status');
  }

  private async finish(message: string): Promise<void> {
    this.editing.set(null);
    await this.loaded.refresh();
    this.form.done(message);
    this.focus('desks-status');
  }

  private focus(id: string): void {
    afterNextRender(() => document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
