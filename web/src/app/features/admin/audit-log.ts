import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AuditEntryDto, AuditPageDto } from '@sportello/contracts';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '@sportello/contracts';
import { formatShortDate, formatTime } from '../../core/format';
import { I18n } from '../../core/i18n/i18n';
import { LoadingIndicator } from '../../layout/loading-indicator';
import { AdminApi, AuditQuery } from './admin-api';
import { AdminText } from './admin-text';
import { AuditLine, auditLines, AuditWords } from './audit-details';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { FORM_KIT } from '../../shared/forms/field';
import { FormState } from '../../shared/forms/form-state';

const PAGE_SIZE = 25;

type FilterField = 'from' | 'to' | 'actor' | 'action' | 'entity';

/** /staff/admin/audit (admins): who changed configuration and who viewed, exported or changed citizens' data. */
@Component({
  selector: 'sp-admin-audit-log',
  imports: [RouterLink, LoadingIndicator, ErrorSummary, FORM_KIT],
  templateUrl: './audit-log.html',
  styleUrl: './admin.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLog {
  protected readonly text = inject(AdminText);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AdminApi);
  private readonly injector = inject(Injector);

  protected readonly actions = AUDIT_ACTIONS;
  protected readonly entities = AUDIT_ENTITIES;
  protected readonly form = new FormState('audit');
  protected readonly dateFields = ['from', 'to'] as const;
  protected readonly filters = signal<Record<FilterField, string>>({ from: '', to: '', actor: '', action: '', entity: '' });
  protected readonly result = signal<AuditPageDto | null>(null);
  protected readonly pages = computed(() => {
    const result = this.result();
    return result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  });

  constructor() {
    void this.search(1);
  }

  protected label(field: FilterField): string {
    return this.text.t(`admin.audit.field.${field}`);
  }

  protected set(field: FilterField, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.filters.update((f) => ({ ...f, [field]: value }));
  }

  protected async apply(event: Event): Promise<void> {
    event.preventDefault();
    await this.search(1);
    afterNextRender(() => document.getElementById('audit-results')?.focus(), { injector: this.injector });
  }

  protected async go(page: number): Promise<void> {
    await this.search(page);
    afterNextRender(() => document.getElementById('audit-results')?.focus(), { injector: this.injector });
  }

  protected when(entry: AuditEntryDto): string {
    const locale = this.i18n.locale();
    return `${formatShortDate(entry.at, locale)} ${formatTime(entry.at, locale)}`;
  }

  /** The row's details as lines, "field: before → after" (audit-details.ts). */
  protected details(entry: AuditEntryDto): AuditLine[] {
    const locale = this.i18n.locale();
    const words: AuditWords = {
      key: (name) => this.text.maybe(`admin.audit.key.${name}`),
      value: (code) => this.text.maybe(`admin.audit.value.${code}`),
      yes: this.text.t('admin.audit.yes'),
      no: this.text.t('admin.audit.no'),
      more: (count) => this.text.t('admin.audit.more', { count }),
      instant: (iso) => `${formatShortDate(iso, locale)} ${formatTime(iso, locale)}`,
    };
    return auditLines(entry.details, words);
  }

  /** An action or an object by its words; by its code when this version has none (a later version wrote it). */
  protected actionLabel(action: string): string {
    return this.text.maybe(`admin.audit.action.${action}`) ?? action;
  }

  protected entityLabel(entity: string): string {
    return this.text.maybe(`admin.audit.entity.${entity}`) ?? entity;
  }

  private async search(page: number): Promise<void> {
    if (this.form.busy()) return;
    this.form.start();
    try {
      const query: AuditQuery = { ...this.filters(), page, pageSize: PAGE_SIZE };
      this.result.set(await this.api.audit(query));
      this.form.done();
    } catch (error) {
      this.form.fail(error, (key) => this.i18n.t(key));
    }
  }
}
