import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ManagedAppointmentDto } from '@sportello/contracts';
import { ApiClient } from '../../core/api/api-client';
import { failureMessage, toApiFailure } from '../../core/api/api-error';
import { formatInstantDate, formatTime, OFFICE_TIME_ZONE } from '../../core/format';
import { I18n } from '../../core/i18n/i18n';
import { LoadState } from '../../core/load-state';
import { LoadingIndicator } from '../../layout/loading-indicator';

/**
 * The page behind the reminder's one-click link (/gestisci/:token/conferma). Mail
 * scanners prefetch links with GET, so opening the link confirms nothing by itself: this
 * page, run by the citizen's browser, POSTs the confirmation at once (idempotent). A
 * released, cancelled or unknown booking gets one answer.
 */
@Component({
  selector: 'sp-confirm-attendance',
  imports: [LoadingIndicator, RouterLink],
  template: `
    <div class="container page-section">
      <h1>{{ i18n.t('attendance.title') }}</h1>
      <div role="alert">
        @if (notFound()) {
          <div class="alert alert-warning" data-testid="attendance-not-found">{{ i18n.t('attendance.notFound') }}</div>
        } @else if (errorText()) {
          <div class="alert alert-danger" data-testid="error">{{ errorText() }}</div>
        }
      </div>
      @switch (state().status) {
        @case ('loading') {
          <p class="visually-hidden" role="status">{{ i18n.t('attendance.confirming') }}</p>
          <sp-loading-indicator />
        }
        @case ('error') {
          <div class="d-flex flex-wrap gap-2">
            @if (!notFound()) {
              <button type="button" class="btn btn-outline-primary" (click)="retry()">{{ i18n.t('common.retry') }}</button>
            }
            <a class="btn btn-link" routerLink="/">{{ i18n.t('manage.bookAgain') }}</a>
          </div>
        }
        @case ('ready') {
          <div class="alert alert-success" tabindex="-1" #done role="status" data-testid="attendance-confirmed">
            <p class="fw-semibold mb-1">{{ confirmedText() }}</p>
            <p class="mb-0">
              {{ i18n.t('confirm.code') }}: <strong>{{ appointment()?.code }}</strong>
            </p>
          </div>
          <a class="btn btn-primary" [routerLink]="['/gestisci', token()]" data-testid="attendance-manage">{{ i18n.t('attendance.manageLink') }}</a>
        }
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmAttendance {
  /** Route parameter `:token`. */
  readonly token = input.required<string>();

  private readonly api = inject(ApiClient);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);
  protected readonly state = signal<LoadState<ManagedAppointmentDto>>({ status: 'loading' });
  private readonly done = viewChild<ElementRef<HTMLElement>>('done');
  /** Bumped by every attempt: only the latest one's answer is shown. */
  private attempts = 0;

  protected readonly appointment = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data : null;
  });
  protected readonly notFound = computed(() => {
    const state = this.state();
    return state.status === 'error' && state.failure.status === 404;
  });
  protected readonly errorText = computed(() => {
    const state = this.state();
    return state.status === 'error' && !this.notFound() ? failureMessage(state.failure, (key) => this.i18n.t(key)) : '';
  });
  protected readonly confirmedText = computed(() => {
    const appointment = this.appointment();
    if (!appointment) return '';
    const zone = appointment.timeZone || OFFICE_TIME_ZONE;
    const locale = this.i18n.locale();
    return this.i18n.t('attendance.confirmed', {
      date: formatInstantDate(appointment.start, locale, zone),
      time: formatTime(appointment.start, locale, zone),
    });
  });

  constructor() {
    effect(() => {
      const token = this.token();
      untracked(() => void this.confirm(token));
    });
  }

  protected retry(): void {
    void this.confirm(this.token());
  }

  private async confirm(token: string): Promise<void> {
    const attempt = ++this.attempts;
    this.state.set({ status: 'loading' });
    try {
      const data = await this.api.confirmAttendance({ token });
      if (attempt !== this.attempts) return;
      this.state.set({ status: 'ready', data });
      afterNextRender(() => this.done()?.nativeElement.focus(), { injector: this.injector });
    } catch (error: unknown) {
      if (attempt === this.attempts) this.state.set({ status: 'error', failure: toApiFailure(error) });
    }
  }
}
