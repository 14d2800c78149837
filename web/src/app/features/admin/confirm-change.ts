import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, output, viewChild } from '@angular/core';
import type { AffectedItemDto } from '@sportello/contracts';
import { formatInstantDate, formatTime, OFFICE_TIME_ZONE } from '../../core/format';
import { I18n } from '../../core/i18n/i18n';
import { AdminText } from './admin-text';

/**
 * The confirmation a change needs when it would strand booked appointments or people
 * waiting (409 CONFIRMATION_REQUIRED): what would happen, the list, "confirm" and "cancel".
 * It takes the focus when it opens (alertdialog), Escape cancels, and the page gives the
 * focus back to the form's button afterwards.
 */
@Component({
  selector: 'sp-confirm-change',
  template: `
    <section
      class="sp-confirm"
      role="alertdialog"
      aria-modal="false"
      [attr.aria-labelledby]="id + '-title'"
      [attr.aria-describedby]="id + '-text'"
      (keydown.escape)="cancelled.emit()"
      data-testid="confirm-change"
    >
      <h2 class="h4" [id]="id + '-title'" tabindex="-1" #title>{{ text.t('admin.confirm.title') }}</h2>
      <p [id]="id + '-text'">
        @if (appointments().length > 0) {
          {{ text.t('admin.confirm.appointments', { count: appointments().length }) }}
        }
        @if (tickets().length > 0) {
          {{ text.t('admin.confirm.tickets', { count: tickets().length }) }}
        }
      </p>
      <ul class="sp-affected" data-testid="affected-list">
        @for (item of items(); track item.id) {
          <li>
            @if (item.kind === 'TICKET') {
              {{ text.t('admin.confirm.ticket', { code: item.code, time: item.time, service: item.serviceName }) }}
            } @else {
              {{ text.t('admin.confirm.appointment', { code: item.code, date: item.date, time: item.time, service: item.serviceName }) }}
            }
          </li>
        }
      </ul>
      <div class="sp-actions">
        <button type="button" class="btn btn-danger" [disabled]="busy()" (click)="confirmed.emit()" data-testid="confirm-yes">
          {{ confirmLabel() || text.t('admin.confirm.yes') }}
        </button>
        <button type="button" class="btn btn-outline-primary" [disabled]="busy()" (click)="cancelled.emit()" data-testid="confirm-no">
          {{ text.t('admin.confirm.no') }}
        </button>
      </div>
    </section>
  `,
  styleUrl: './admin.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmChange {
  readonly affected = input.required<AffectedItemDto[]>();
  readonly timeZone = input<string>(OFFICE_TIME_ZONE);
  readonly busy = input(false);
  /** The confirm button's text, when the page has a more precise one. */
  readonly confirmLabel = input<string>('');
  readonly confirmed = output<void>();
  readonly cancelled = output<void>();

  protected readonly text = inject(AdminText);
  private readonly i18n = inject(I18n);
  private readonly title = viewChild<ElementRef<HTMLElement>>('title');
  protected readonly id = `confirm-${Math.random().toString(36).slice(2, 8)}`;

  protected readonly appointments = computed(() => this.affected().filter((a) => a.kind !== 'TICKET'));
  protected readonly tickets = computed(() => this.affected().filter((a) => a.kind === 'TICKET'));
  protected readonly items = computed(() => {
    const locale = this.i18n.locale();
    const zone = this.timeZone();
    return this.affected().map((a) => ({
      ...a,
      date: a.start ? formatInstantDate(a.start, locale, zone) : '',
      time: a.start ? formatTime(a.start, locale, zone) : '',
    }));
  });

  constructor() {
    afterNextRender(() => this.title()?.nativeElement.focus(), { injector: inject(Injector) });
  }
}
