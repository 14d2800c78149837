import { DOCUMENT } from '@angular/common';
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
import type { PublicTicketDto } from '@sportello/contracts';
import { toApiFailure } from '../../../core/api/api-error';
import { formatTime } from '../../../core/format';
import { LoadState } from '../../../core/load-state';
import { LoadingIndicator } from '../../../layout/loading-indicator';
import { failureText } from '../shared/failure-text';
import { FrontDeskApi } from '../shared/frontdesk-api';
import { FrontDeskI18n } from '../shared/frontdesk-i18n';
import { LiveStatusNote } from '../shared/live-status-note';
import { every, followOffice, Refresher } from '../shared/office-events';

/**
 * A citizen's ticket (/biglietto/:ticketId, the QR on the printed ticket): number,
 * service, people ahead and estimated wait, live. When the desk calls it: "È il tuo turno:
 * Sportello 2", announced through an assertive live region (and a vibration on phones).
 */
@Component({
  selector: 'sp-public-ticket',
  imports: [LoadingIndicator, LiveStatusNote],
  templateUrl: './public-ticket.html',
  styleUrl: './public-ticket.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicTicket {
  /** Route parameter `:ticketId`. */
  readonly ticketId = input.required<string>();

  protected readonly i18n = inject(FrontDeskI18n);
  private readonly api = inject(FrontDeskApi);
  private readonly injector = inject(Injector);
  private readonly view = inject(DOCUMENT).defaultView;

  protected readonly state = signal<LoadState<PublicTicketDto>>({ status: 'loading' });
  protected readonly errorText = signal('');
  private readonly turnHeading = viewChild<ElementRef<HTMLElement>>('turnHeading');

  protected readonly ticket = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data : null;
  });
  protected readonly called = computed(() => {
    const status = this.ticket()?.status;
    return status === 'CALLED' || status === 'IN_SERVICE';
  });
  /** The call to announce: "È il tuo turno: Sportello 2" (empty until called). */
  protected readonly turnText = computed(() => {
    const ticket = this.ticket();
    return ticket && this.called() ? this.i18n.t('ticket.yourTurn', { desk: ticket.deskName ?? '' }) : '';
  });

  private readonly officeId = computed(() => this.ticket()?.officeId ?? null);
  private readonly refresher = new Refresher(() => this.load());
  protected readonly live = followOffice(
    () => this.officeId(),
    // Any ticket of the office may move this one (someone called, a priority arrival), a desk its estimate.
    () => void this.refresher.trigger(),
  );

  constructor() {
    effect(() => {
      this.ticketId();
      untracked(() => {
        this.state.set({ status: 'loading' });
        void this.refresher.trigger();
      });
    });
    // The estimate also changes with time; catch up now and then.
    every(60_000, () => void this.refresher.trigger());
    // When the call comes: the focus goes to it, and phones vibrate.
    let wasCalled = false;
    effect(() => {
      const called = this.called();
      if (called && !wasCalled) {
        untracked(() => {
          this.view?.navigator?.vibrate?.([300, 150, 300]);
          afterNextRender(() => this.turnHeading()?.nativeElement.focus(), { injector: this.injector });
        });
      }
      wasCalled = called;
    });
  }

  private async load(): Promise<void> {
    const ticketId = this.ticketId();
    try {
      const ticket = await this.api.publicTicket(ticketId);
      if (ticketId === this.ticketId()) this.state.set({ status: 'ready', data: ticket });
    } catch (error: unknown) {
      if (this.state().status !== 'ready') {
        this.errorText.set(failureText(error, this.i18n));
        this.state.set({ status: 'error', failure: toApiFailure(error) });
      }
    }
  }

  protected retry(): void {
    this.state.set({ status: 'loading' });
    void this.refresher.trigger();
  }

  protected issuedAt(ticket: PublicTicketDto): string {
    return formatTime(ticket.queuedAt, this.i18n.locale());
  }

  protected waitText(ticket: PublicTicketDto): string | null {
    if (ticket.estimatedWaitMinutes === null) return null;
    return ticket.estimatedWaitMinutes <= 0 ? this.i18n.t('ticket.waitSoon') : this.i18n.plural('ticket.waitAbout', ticket.estimatedWaitMinutes);
  }
}
