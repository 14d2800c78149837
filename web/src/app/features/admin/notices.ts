import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, Injector, input, signal } from '@angular/core';
import type { AdminNoticeDto, NoticeInput, NoticePriority } from '@sportello/contracts';
import { NOTICE_PRIORITIES, NOTICE_TEXT_MAX_LENGTH } from '@sportello/contracts';
import { wallTimeToInstant } from '@sportello/domain';
import { CLOCK } from '../../core/clock';
import { formatInstantDate, formatTime } from '../../core/format';
import { I18n } from '../../core/i18n/i18n';
import { LoadingIndicator } from '../../layout/loading-indicator';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { FORM_KIT } from '../../shared/forms/field';
import { formResource } from '../../shared/forms/form-resource';
import { FormState } from '../../shared/forms/form-state';
import { AdminApi } from './admin-api';
import { AdminText } from './admin-text';
import { OfficeDirectory } from './office-directory';
import { OfficeNav } from './office-nav';

interface NoticeModel {
  priority: NoticePriority;
  textIt: string;
  textEn: string;
  /** `datetime-local` values ("2027-03-29T09:00"), in the office's time zone. */
  start: string;
  end: string;
}

const EMPTY: NoticeModel = { priority: 'INFO', textIt: '', textEn: '', start: '', end: '' };
const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/;

/** A `datetime-local` value of the office's zone as an instant ("" when incomplete: the api says it is required). */
export function localToInstant(local: string, timeZone: string): string {
  const match = LOCAL.exec(local);
  if (!match) return local;
  return new Date(wallTimeToInstant(match[1], Number(match[2]) * 60 + Number(match[3]), timeZone)).toISOString();
}

/** An instant as a `datetime-local` value of the office's zone. */
export function instantToLocal(instant: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`;
}

/** The request of the form: its texts as typed (the api trims them and checks the rest). */
export function noticeInput(m: NoticeModel, timeZone: string): NoticeInput {
  return {
    priority: m.priority,
    textIt: m.textIt,
    textEn: m.textEn.trim() ? m.textEn : null,
    start: localToInstant(m.start, timeZone),
    end: localToInstant(m.end, timeZone),
  };
}

/**
 * /staff/admin/offices/:officeId/notices: the office's notices on the waiting-room display
 * and the kiosk (the ones not yet over, and those ended in the last 30 days), and a form to
 * post one or change it: information or alert, the Italian text (English optional), from
 * when until when in the office's time zone. Built like the closures page.
 */
@Component({
  selector: 'sp-admin-notices',
  imports: [LoadingIndicator, OfficeNav, ErrorSummary, FORM_KIT],
  templateUrl: './notices.html',
  styleUrl: './admin.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Notices {
  readonly officeId = input.required<string>();

  protected readonly text = inject(AdminText);
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AdminApi);
  private readonly directory = inject(OfficeDirectory);
  private readonly injector = inject(Injector);
  private readonly clock = inject(CLOCK);

  protected readonly priorities = NOTICE_PRIORITIES;
  protected readonly maxLength = NOTICE_TEXT_MAX_LENGTH;
  protected readonly form = new FormState('notice');
  private readonly loaded = formResource(
    this.form,
    () => this.officeId(),
    (officeId) => this.api.notices(officeId),
  );
  protected readonly notices = computed(() => this.loaded.value() ?? null);
  protected readonly model = signal<NoticeModel>({ ...EMPTY });
  /** The notice being changed, or null for a new one. */
  protected readonly editing = signal<AdminNoticeDto | null>(null);
  protected readonly deleting = signal<AdminNoticeDto | null>(null);
  protected readonly timeZone = computed(() => this.directory.find(this.officeId())?.timeZone ?? 'Europe/Rome');

  /** "lunedì 29 marzo 2027, 09:00–12:00" or "da lunedì 29 marzo 2027, 09:00 a martedì 30 marzo 2027, 18:00". */
  protected period(notice: Pick<AdminNoticeDto, 'start' | 'end'>): string {
    const locale = this.i18n.locale();
    const zone = this.timeZone();
    const [startDay, endDay] = [formatInstantDate(notice.start, locale, zone), formatInstantDate(notice.end, locale, zone)];
    const [startTime, endTime] = [formatTime(notice.start, locale, zone), formatTime(notice.end, locale, zone)];
    if (startDay === endDay) return `${startDay}, ${startTime}–${endTime}`;
    return this.text.t('admin.notices.range', { from: `${startDay}, ${startTime}`, to: `${endDay}, ${endTime}` });
  }

  protected state(notice: AdminNoticeDto): string {
    const now = this.clock().getTime();
    if (Date.parse(notice.end) <= now) return this.text.t('admin.notices.state.past');
    return this.text.t(Date.parse(notice.start) <= now ? 'admin.notices.state.now' : 'admin.notices.state.future');
  }

  protected priorityLabel(priority: NoticePriority): string {
    return this.text.t(`admin.notices.priority.${priority}`);
  }

  protected priorityHint(priority: NoticePriority): string {
    return this.text.t(`admin.notices.priorityHint.${priority}`);
  }

  protected set(field: keyof NoticeModel, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.model.update((m) => ({ ...m, [field]: value }));
  }

  protected setPriority(priority: NoticePriority): void {
    this.model.update((m) => ({ ...m, priority }));
  }

  protected edit(notice: AdminNoticeDto): void {
    const zone = this.timeZone();
    this.editing.set(notice);
    this.form.errors.set({});
    this.model.set({
      priority: notice.priority,
      textIt: notice.textIt,
      textEn: notice.textEn ?? '',
      start: instantToLocal(notice.start, zone),
      end: instantToLocal(notice.end, zone),
    });
    this.focus('notice-form-title');
  }

  protected cancelEdit(): void {
    this.editing.set(null);
    this.form.errors.set({});
    this.model.set({ ...EMPTY });
    this.focus('notice-form-title');
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.form.busy()) return;
    this.form.start();
    const editing = this.editing();
    try {
      const input = noticeInput(this.model(), this.timeZone());
      const saved = editing ? await this.api.updateNotice(this.officeId(), editing.id, input) : await this.api.createNotice(this.officeId(), input);
      this.model.set({ ...EMPTY });
      this.editing.set(null);
      await this.loaded.refresh();
      this.form.done(this.text.t(editing ? 'admin.notices.updated' : 'admin.notices.created', { period: this.period(saved) }));
      this.focus('notices-status');
    } catch (error) {
      this.form.fail(error, (key) => this.i18n.t(key));
    }
  }

  protected async remove(notice: AdminNoticeDto, confirmed: boolean): Promise<void> {
    if (!confirmed) {
      this.deleting.set(notice);
      this.focus('notice-delete-title');
      return;
    }
    this.form.start();
    try {
      await this.api.deleteNotice(this.officeId(), notice.id);
      this.deleting.set(null);
      if (this.editing()?.id === notice.id) this.cancelEdit();
      await this.loaded.refresh();
      this.form.done(this.text.t('admin.notices.deleted', { period: this.period(notice) }));
      this.focus('notices-status');
    } catch (error) {
      this.deleting.set(null);
      this.form.fail(error, (key) => this.i18n.t(key));
    }
  }

  private focus(id: string): void {
    afterNextRender(() => document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
