import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ApiClient } from '../../core/api/api-client';
import { ApiFailure, failureMessage, toApiFailure } from '../../core/api/api-error';
import { I18n } from '../../core/i18n/i18n';

/**
 * The unsubscribe link of a waitlist notice (/lista-attesa/annulla/:token). Leaving takes
 * a press of the button: a mail scanner opening the link (even running scripts) must not
 * take anyone off the list. The api answers the same for every token.
 */
@Component({
  selector: 'sp-leave-waitlist',
  imports: [RouterLink],
  template: `
    <div class="container page-section" data-testid="leave-waitlist">
      <h1>{{ i18n.t('waitlistLeave.title') }}</h1>
      @if (left()) {
        <div class="alert alert-success" tabindex="-1" #done role="status" data-testid="leave-done">{{ i18n.t('waitlistLeave.done') }}</div>
        <a routerLink="/">{{ i18n.t('common.backHome') }}</a>
      } @else {
        <p class="sp-info-text">{{ i18n.t('waitlistLeave.text') }}</p>
        <div role="alert">
          @if (errorText()) {
            <div class="alert alert-danger" data-testid="error">{{ errorText() }}</div>
          }
        </div>
        <div class="d-flex flex-wrap gap-2">
          <button type="button" class="btn btn-primary" data-testid="leave-button" (click)="leave()">{{ i18n.t('waitlistLeave.button') }}</button>
          <a class="btn btn-link" routerLink="/">{{ i18n.t('common.backHome') }}</a>
        </div>
        <p class="small mt-2" role="status">{{ busy() ? i18n.t('waitlistLeave.sending') : '' }}</p>
      }
    </div>
  `,
  styles: `
    .sp-info-text {
      max-width: 45rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LeaveWaitlist {
  /** Route parameter `:token`. */
  readonly token = input.required<string>();

  private readonly api = inject(ApiClient);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);
  protected readonly busy = signal(false);
  protected readonly left = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);
  private readonly done = viewChild<ElementRef<HTMLElement>>('done');

  protected readonly errorText = computed(() => {
    const failure = this.failure();
    return failure ? failureMessage(failure, (key) => this.i18n.t(key)) : '';
  });

  protected async leave(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    try {
      await this.api.leaveWaitlist(this.token());
      this.left.set(true);
      afterNextRender(() => this.done()?.nativeElement.focus(), { injector: this.injector });
    } catch (error: unknown) {
      this.failure.set(toApiFailure(error));
    } finally {
      this.busy.set(false);
    }
  }
}
