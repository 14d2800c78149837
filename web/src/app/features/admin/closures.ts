import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, input, signal } from '@angular/core';
import type { ClosureDto, ClosureInput } from '@sportello/contracts';
import { formatInstantDate, formatTime } from '../../core/format';
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

interface ClosureModel {
  from: string;
  to: string;
  partDay: boolean;
  startTime: string;
  endTime: string;
  serviceId: string;
  reason: string;
}

const EMPTY: ClosureModel = { from: '', to: '', partDay: false, startTime: '', endTime: '', serviceId: '', reason: '' };

/** The request for a closure: whole days (from–to) or a time range of one day, for the office or one service. */
export function closureInput(m: ClosureModel, confirm: boolean): ClosureInput {
  return {
    from: m.from,
    ...(m.to && !m.partDay && { to: m.to }),
    ...(m.partDay && { startTime: m.startTime, endTime: m.endTime }),
    ...(m.serviceId && { serviceId: m.serviceId }),
    reason: m.reason,
    ...(confirm && { confirm: true }),
  };
}

/**
 * /staff/admin/offices/:officeId/closures: closures not yet over; a new one (whole days or
 * some hours of a day, for the office or one service) lists the bookings it would cancel
 * and asks for confirmation — each citizen then gets the closure notice.
 */
@Component({
  selector: 'sp-admin-closures',
  imports: [LoadingIndicator, OfficeNav, ErrorSummary, FORM_KIT, ConfirmChange],
  templateUrl: './closures.html',
  styleUrl: './admin.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Closures {
  readonly officeId = input.required<string>();

  protected readonly text = inject(AdminText);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AdminApi);
  private readonly directory = inject(OfficeDirectory);
  private readonly injector = inject(Injector);

  protected readonly closures = computed(() => this.loaded.value()?.[0] ?? null);
  protected readonly services = computed(() => this.loaded.value()?.[1] ?? []);
  protected readonly form = new FormState('closure');
  private readonly loaded = formResource(
    this.form,
    () => this.officeId(),
    (officeId) => Promise.all([this.api.closures(officeId), this.api.services(officeId)]),
  );
  protected readonly model = signal<ClosureModel>({ ...EMPTY });
  protected readonly timeFields = ['startTime', 'endTime'] as const;
  protected readonly deleting = signal<ClosureDto | null>(null);
  protected readonly timeZone = computed(() => this.directory.find(this.officeId())?.timeZone ?? 'Europe/Rome');

  /** "lunedì 3 maggio 2027" or "dal … al …" for whole days; "lunedì 3 maggio 2027, 14:00–16:00" otherwise. */
  protected period(closure: ClosureDto): string {
    const locale = this.i18n.locale();
    const zone = this.timeZone();
    const startTime = formatTime(closure.start, locale, zone);
    const endTime = formatTime(closure.end, locale, zone);
    const first = formatInstantDate(closure.start, locale, zone);
    if (startTime === '00:00' && endTime === '00:00') {
      const last = formatInstantDate(new Date(Date.parse(closure.end) - 1).toISOString(), locale, zone);
      return first === last ? first : this.text.t('admin.closures.range', { from: first, to: last });
    }
    return `${first}, ${startTime}–${endTime}`;
  }

  /** The button says what it closes: the office, or the one service chosen. */
  protected saveLabel(): string {
    const serviceId = this.model().serviceId;
    return serviceId ? this.text.t('admin.closures.saveService', { service: this.serviceName(serviceId) }) : this.text.t('admin.closures.save');
  }

  protected serviceName(serviceId: string | null): string {
    if (!serviceId) return this.text.t('admin.closures.wholeOffice');
    const service = this.services().find((s) => s.id === serviceId);
    return service ? this.i18n.pick(service.names, service.code) : '';
  }

  protected timeLabel(field: 'startTime' | 'endTime'): string {
    return this.text.t(`admin.closures.field.${field}`);
  }

  protected set(field: Exclude<keyof ClosureModel, 'partDay'>, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.model.update((m) => ({ ...m, [field]: value }));
  }

  protected setPartDay(partDay: boolean): void {
    this.model.update((m) => ({ ...m, partDay }));
  }

  protected async save(event: Event | null, confirm = false): Promise<void> {
    event?.preventDefault();
    if (this.form.busy()) return;
    this.form.start();
    try {
      const created = await this.api.createClosure(this.officeId(), closureInput(this.model(), confirm));
      const cancelled =
        created.cancelled.length > 0
          ? ` ${this.text.t('admin.closures.cancelled', { count: created.cancelled.length, codes: created.cancelled.join(', ') })}`
          : '';
      this.model.set({ ...EMPTY });
      await this.loaded.refresh();
      this.form.done(this.text.t('admin.closures.created', { period: this.period(created) }) + cancelled);
      this.focus('closures-status');
    } catch (error) {
      this.form.fail(error, (key) => this.i18n.t(key));
    }
  }

  protected cancelConfirmation(): void {
    this.form.affected.set(null);
    this.focus('closure-save');
  }

  protected async remove(closure: ClosureDto, confirmed: boolean): Promise<void> {
    if (!confirmed) {
      this.deleting.set(closure);
      this.focus('closure-delete-title');
      return;
    }
    this.form.start();
    try {
      await this.api.deleteClosure(this.officeId(), closure.id);
      this.deleting.set(null);
      await this.loaded.refresh();
      this.form.done(this.text.t('admin.closures.deleted', { period: this.period(closure) }));
      this.focus('closures-status');
    } catch (error) {
      this.deleting.set(null);
      this.form.fail(error, (key) => this.i18n.t(key));
    }
  }

  private focus(id: string): void {
    afterNextRender(() => document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
