import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { INFO_ONLY, UNDO_SECONDS } from '@sportello/contracts';
import type { DeskDto, DisplayDto, TicketDto } from '@sportello/contracts';
import { toApiFailure } from '../../../core/api/api-error';
import { CLOCK } from '../../../core/clock';
import { formatTime } from '../../../core/format';
import { LoadState } from '../../../core/load-state';
import { LoadingIndicator } from '../../../layout/loading-indicator';
import { failureText } from '../shared/failure-text';
import { FrontDeskApi } from '../shared/frontdesk-api';
import { FrontDeskI18n } from '../shared/frontdesk-i18n';
import { every, followOffice, Refresher } from '../shared/office-events';
import { openStateText } from '../shared/open-state';
import { DESK_CHOICE_KEY, readPreference, writePreference } from '../shared/preferences';
import { queueReason, waitedMinutes } from '../shared/queue-reason';
import { LiveStatusNote } from '../shared/live-status-note';
import { OfficeChoice } from '../../staff/office-choice';

/** "Solo informazioni": an outcome every service accepts. */

interface Notice {
  kind: 'success' | 'error';
  text: string;
}

interface DeskData {
  desks: DeskDto[];
  queue: TicketDto[];
}

type Action = 'call' | 'callNumber' | 'recall' | 'start' | 'complete' | 'noShow' | 'transfer' | 'pause' | 'undo';

/** "Assente" or "Concludi" just done: undoable until `until` (this computer's clock). */
interface Undoable {
  ticketId: string;
  number: string;
  action: 'noShow' | 'complete';
  until: number;
}

/**
 * The desk page (/staff/sportello), for the office chosen in the staff header: pick the
 * desk (remembered on this computer), call the next person or a given number, then recall,
 * start, complete with an outcome, mark absent (after a confirmation) or transfer; pause and
 * resume. "Assente" and "Concludi" can be undone for UNDO_SECONDS. A warning says when the
 * office is closed; the office's queue per service shows the waits, and the desk's own
 * list why each person stands where they do. Everything refetches on the live events.
 */
@Component({
  selector: 'sp-desk',
  imports: [LoadingIndicator, LiveStatusNote],
  templateUrl: './desk.html',
  styleUrl: './desk.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Desk {
  protected readonly i18n = inject(FrontDeskI18n);
  private readonly api = inject(FrontDeskApi);
  private readonly clock = inject(CLOCK);
  private readonly injector = inject(Injector);

  private readonly choice = inject(OfficeChoice);
  protected readonly officeId = this.choice.officeId;
  protected readonly deskId = signal<string | null>(readPreference(DESK_CHOICE_KEY));
  protected readonly state = signal<LoadState<DeskData>>({ status: 'loading' });
  protected readonly office = signal<DisplayDto | null>(null);
  protected readonly now = signal(this.clock());
  protected readonly busy = signal<Action | null>(null);
  protected readonly notice = signal<Notice | null>(null);
  protected readonly outcome = signal('');
  protected readonly outcomeMissing = signal(false);
  protected readonly transferTo = signal('');
  protected readonly transferMissing = signal(false);
  /** "Chiama numero…": the form is open, the ticket chosen, the choice missing. */
  protected readonly picking = signal(false);
  protected readonly pickedTicket = signal('');
  protected readonly pickMissing = signal(false);
  /** The last "Assente" or "Concludi", while it can be undone. */
  protected readonly undoable = signal<Undoable | null>(null);
  /** The "Assente" waiting for its confirmation. */
  protected readonly confirmingNoShow = signal(false);

  private readonly currentHeading = viewChild<ElementRef<HTMLElement>>('currentHeading');
  private readonly callNextButton = viewChild<ElementRef<HTMLButtonElement>>('callNextButton');
  private readonly noShowDialog = viewChild<ElementRef<HTMLDialogElement>>('noShowDialog');
  private readonly noShowCancel = viewChild<ElementRef<HTMLButtonElement>>('noShowCancel');

  private readonly tick = signal(Date.now());
  /** Seconds left to undo (0: no undo). */
  protected readonly undoSecondsLeft = computed(() => {
    const undo = this.undoable();
    return undo ? Math.max(0, Math.ceil((undo.until - this.tick()) / 1000)) : 0;
  });

  /** Whether the office is open now; the warning when not. */
  protected readonly closedText = computed(() => {
    const open = this.office()?.open;
    return open && !open.open ? openStateText(open, this.now(), this.i18n) : null;
  });

  /** Everyone waiting in the office, in calling order, for "Chiama numero…". */
  protected readonly officeQueue = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data.queue : [];
  });

  /** The office's queue per service: how many wait, the longest wait, the estimate, the desks serving it. */
  protected readonly overview = computed(() => {
    const office = this.office();
    const now = this.now();
    if (!office) return [];
    return office.waits.map((service) => {
      const waits = this.officeQueue()
        .filter((t) => t.serviceId === service.serviceId)
        .map((t) => waitedMinutes(t.queuedAt, now));
      return {
        id: service.serviceId,
        name: this.i18n.pick(service.name, service.ticketPrefix),
        prefix: service.ticketPrefix,
        waiting: service.waiting,
        longest: waits.length ? Math.max(...waits) : null,
        estimate: service.waiting > 0 ? service.estimatedWaitMinutes : null,
        desks: service.desks,
      };
    });
  });

  protected readonly desks = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data.desks : [];
  });
  protected readonly desk = computed(() => this.desks().find((desk) => desk.id === this.deskId()) ?? null);
  protected readonly current = computed(() => this.desk()?.current ?? null);

  /** The people this desk may call, in calling order, with the reason for their place. */
  protected readonly waiting = computed(() => {
    const state = this.state();
    const desk = this.desk();
    const rules = this.office()?.rules;
    if (state.status !== 'ready' || !desk) return [];
    const serves = new Set(desk.services.map((service) => service.id));
    const now = this.now();
    return state.data.queue.filter((ticket) => serves.has(ticket.serviceId)).map((ticket) => ({ ticket, reason: this.reasonText(ticket, now, rules) }));
  });

  /** Outcomes of the current ticket's service, then "Solo informazioni". */
  protected readonly outcomes = computed(() => {
    const ticket = this.current();
    const service = this.desk()?.services.find((s) => s.id === ticket?.serviceId);
    return [
      ...(service?.outcomes ?? []).map((o) => ({ code: o.code, label: this.i18n.pick(o.label, o.code) })),
      { code: INFO_ONLY, label: this.i18n.t('desk.outcome.infoOnly') },
    ];
  });

  /** Services the current ticket may be transferred to (any other service of the office). */
  protected readonly transferTargets = computed(() => {
    const ticket = this.current();
    return (this.office()?.waits ?? [])
      .filter((service) => service.serviceId !== ticket?.serviceId)
      .map((service) => ({ id: service.serviceId, label: this.i18n.pick(service.name, service.ticketPrefix) }));
  });

  private readonly refresher = new Refresher(() => this.load());
  protected readonly live = followOffice(
    () => this.officeId(),
    () => void this.refresher.trigger(),
  );

  constructor() {
    // A new office: its desks, queue and rules; a desk of another office is forgotten.
    effect(() => {
      const officeId = this.officeId();
      untracked(() => {
        this.state.set({ status: 'loading' });
        this.office.set(null);
        if (officeId) void this.refresher.trigger();
      });
    });
    // The clock for "in attesa da … min", and a refresh now and then (waits grow, appointments fall due).
    every(30_000, () => {
      this.now.set(this.clock());
      void this.refresher.trigger();
    });
    // The undo's countdown (a quarter of a second late at most); the button goes at 0.
    every(250, () => {
      this.tick.set(Date.now());
      const undo = this.undoable();
      if (undo && undo.until <= Date.now()) this.undoable.set(null);
    });
  }

  private async load(): Promise<void> {
    const officeId = this.officeId();
    if (!officeId) return;
    try {
      // The display too: waits, desks per service and whether the office is open change with time.
      const [desks, queue, office] = await Promise.all([this.api.desks(officeId), this.api.queue(officeId), this.api.display(officeId)]);
      if (officeId !== this.officeId()) return;
      this.office.set(office);
      this.state.set({ status: 'ready', data: { desks, queue } });
      this.now.set(this.clock());
      if (this.deskId() && !desks.some((desk) => desk.id === this.deskId())) this.chooseDesk(null);
    } catch (error: unknown) {
      if (officeId === this.officeId() && this.state().status !== 'ready') this.state.set({ status: 'error', failure: toApiFailure(error) });
    }
  }

  protected retry(): void {
    this.state.set({ status: 'loading' });
    void this.refresher.trigger();
  }

  protected onDesk(event: Event): void {
    this.chooseDesk((event.target as HTMLSelectElement).value || null);
  }

  private chooseDesk(id: string | null): void {
    writePreference(DESK_CHOICE_KEY, id);
    this.deskId.set(id);
    this.notice.set(null);
    this.undoable.set(null);
    this.picking.set(false);
    this.resetForms();
  }

  protected minutes(value: number | null): string {
    return value === null ? '—' : this.i18n.t('desk.minutes', { minutes: value });
  }

  protected pickLabel(ticket: TicketDto): string {
    return this.i18n.t('desk.callNumberOption', { number: ticket.number, service: this.i18n.pick(ticket.serviceName, ''), minutes: this.waitedFor(ticket) });
  }

  protected serviceList(desk: DeskDto): string {
    return desk.services.map((service) => this.i18n.pick(service.name, service.ticketPrefix)).join(', ');
  }

  protected time(instant: string): string {
    return formatTime(instant, this.i18n.locale());
  }

  protected waitedFor(ticket: TicketDto): number {
    return waitedMinutes(ticket.queuedAt, this.now());
  }

  private reasonText(ticket: TicketDto, now: Date, rules: DisplayDto['rules'] | undefined): string {
    if (!rules) return '';
    const reason = queueReason(ticket, now, rules);
    switch (reason.kind) {
      case 'appointment':
        return this.i18n.t('desk.reason.appointment', { time: this.time(reason.start) });
      case 'early':
        return this.i18n.t('desk.reason.early', { time: this.time(reason.start) });
      case 'promoted':
        return this.i18n.t('desk.reason.promoted', { minutes: reason.waitedMinutes });
      case 'priority':
        return this.i18n.t('desk.reason.priority', { minutes: reason.waitedMinutes });
      default:
        return this.i18n.t('desk.reason.arrival', { minutes: reason.waitedMinutes });
    }
  }

  protected onOutcome(event: Event): void {
    this.outcome.set((event.target as HTMLSelectElement).value);
    if (this.outcome()) this.outcomeMissing.set(false);
  }

  protected onTransferTo(event: Event): void {
    this.transferTo.set((event.target as HTMLSelectElement).value);
    if (this.transferTo()) this.transferMissing.set(false);
  }

  // ---- Actions ---------------------------------------------------------------------

  protected callNext(): Promise<void> {
    return this.run(
      'call',
      (deskId) => this.api.callNext(deskId),
      (ticket) => {
        if (!ticket) return { text: this.i18n.t('desk.nobody'), focus: 'call' };
        this.setCurrent(ticket);
        return { text: this.i18n.t('desk.called', { number: ticket.number }), focus: 'current' };
      },
    );
  }

  protected openPicker(): void {
    this.picking.set(true);
    this.pickedTicket.set('');
    this.pickMissing.set(false);
    afterNextRender(() => document.getElementById('desk-pick')?.focus(), { injector: this.injector });
  }

  protected closePicker(): void {
    this.picking.set(false);
    this.pickMissing.set(false);
    this.focusAfterRender('call');
  }

  protected onPick(event: Event): void {
    this.pickedTicket.set((event.target as HTMLSelectElement).value);
    if (this.pickedTicket()) this.pickMissing.set(false);
  }

  protected callNumber(event: Event): Promise<void> {
    event.preventDefault();
    const ticketId = this.pickedTicket();
    if (!ticketId) {
      this.pickMissing.set(true);
      afterNextRender(() => document.getElementById('desk-pick')?.focus(), { injector: this.injector });
      return Promise.resolve();
    }
    return this.run(
      'callNumber',
      (deskId) => this.api.call(deskId, ticketId),
      (ticket) => {
        this.picking.set(false);
        this.setCurrent(ticket);
        return { text: this.i18n.t('desk.called', { number: ticket.number }), focus: 'current' };
      },
    );
  }

  protected recall(): Promise<void> {
    return this.run(
      'recall',
      (deskId) => this.api.recall(deskId),
      (ticket) => {
        this.setCurrent(ticket);
        return { text: this.i18n.t('desk.recalled', { number: ticket.number }) };
      },
    );
  }

  protected start(): Promise<void> {
    return this.run(
      'start',
      (deskId) => this.api.start(deskId),
      (ticket) => {
        this.setCurrent(ticket);
        // The called-only buttons go away: the focus moves to the ticket ("In servizio").
        return { text: this.i18n.t('desk.started', { number: ticket.number }), focus: 'current' };
      },
    );
  }

  protected complete(event: Event): Promise<void> {
    event.preventDefault();
    const outcome = this.outcome();
    if (!outcome) {
      this.outcomeMissing.set(true);
      afterNextRender(() => document.getElementById('desk-outcome')?.focus(), { injector: this.injector });
      return Promise.resolve();
    }
    return this.run(
      'complete',
      (deskId) => this.api.complete(deskId, outcome),
      (ticket) => {
        this.setCurrent(null);
        this.offerUndo(ticket, 'complete');
        return { text: this.i18n.t('desk.completed', { number: ticket.number }), focus: 'call' };
      },
    );
  }

  /** "Assente" asks first: the person may still be on the way (a recall may do). */
  protected askNoShow(): void {
    this.confirmingNoShow.set(true);
    afterNextRender(
      () => {
        const dialog = this.noShowDialog()?.nativeElement;
        if (dialog && !dialog.open) {
          if (typeof dialog.showModal === 'function') dialog.showModal();
          else dialog.setAttribute('open', '');
        }
        // The safe choice first.
        this.noShowCancel()?.nativeElement.focus();
      },
      { injector: this.injector },
    );
  }

  protected cancelNoShow(): void {
    this.closeNoShowDialog();
    afterNextRender(() => document.querySelector<HTMLElement>('[data-testid="desk-no-show"]')?.focus(), { injector: this.injector });
  }

  protected onNoShowDialogClosed(): void {
    this.confirmingNoShow.set(false);
  }

  private closeNoShowDialog(): void {
    const dialog = this.noShowDialog()?.nativeElement;
    if (dialog?.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
    this.confirmingNoShow.set(false);
  }

  protected noShow(): Promise<void> {
    this.closeNoShowDialog();
    return this.run(
      'noShow',
      (deskId) => this.api.noShow(deskId),
      (ticket) => {
        this.setCurrent(null);
        this.offerUndo(ticket, 'noShow');
        return { text: this.i18n.t('desk.noShowDone', { number: ticket.number }), focus: 'call' };
      },
    );
  }

  /** The undo for UNDO_SECONDS from now (the api allows a little more, for the round trip). */
  private offerUndo(ticket: TicketDto, action: Undoable['action']): void {
    const now = Date.now();
    this.tick.set(now);
    this.undoable.set({ ticketId: ticket.id, number: ticket.number, action, until: now + UNDO_SECONDS * 1000 });
  }

  protected undo(): Promise<void> {
    const undo = this.undoable();
    if (!undo) return Promise.resolve();
    return this.run(
      'undo',
      (deskId) => this.api.undo(deskId, undo.ticketId),
      (ticket) => {
        this.undoable.set(null);
        this.setCurrent(ticket);
        return { text: this.i18n.t('desk.undone', { number: ticket.number }), focus: 'current' };
      },
    );
  }

  protected transfer(event: Event): Promise<void> {
    event.preventDefault();
    const serviceId = this.transferTo();
    if (!serviceId) {
      this.transferMissing.set(true);
      afterNextRender(() => document.getElementById('desk-transfer')?.focus(), { injector: this.injector });
      return Promise.resolve();
    }
    const target = this.transferTargets().find((service) => service.id === serviceId)?.label ?? '';
    return this.run(
      'transfer',
      (deskId) => this.api.transfer(deskId, serviceId),
      (ticket) => {
        this.setCurrent(null);
        return { text: this.i18n.t('desk.transferred', { number: ticket.number, service: target }), focus: 'call' };
      },
    );
  }

  protected togglePause(): Promise<void> {
    const paused = !this.desk()?.paused;
    return this.run(
      'pause',
      (deskId) => this.api.pause(deskId, paused),
      (desk) => {
        this.replaceDesk(desk);
        return { text: this.i18n.t(desk.paused ? 'desk.pausedNow' : 'desk.resumed') };
      },
    );
  }

  private async run<T>(action: Action, call: (deskId: string) => Promise<T>, done: (result: T) => { text: string; focus?: 'current' | 'call' }): Promise<void> {
    const deskId = this.deskId();
    if (!deskId || this.busy()) return;
    this.busy.set(action);
    this.notice.set(null);
    // Any other action ends the chance to undo the last one (the api would refuse it anyway).
    if (action !== 'undo') this.undoable.set(null);
    try {
      const result = await call(deskId);
      const outcome = done(result);
      this.notice.set({ kind: 'success', text: outcome.text });
      if (action !== 'recall' && action !== 'start') this.resetForms();
      if (outcome.focus) this.focusAfterRender(outcome.focus);
    } catch (error: unknown) {
      if (action === 'undo') this.undoable.set(null);
      this.notice.set({ kind: 'error', text: failureText(error, this.i18n) });
    } finally {
      this.busy.set(null);
      void this.refresher.trigger();
    }
  }

  private resetForms(): void {
    this.outcome.set('');
    this.outcomeMissing.set(false);
    this.transferTo.set('');
    this.transferMissing.set(false);
  }

  private setCurrent(ticket: TicketDto | null): void {
    const desk = this.desk();
    if (desk) this.replaceDesk({ ...desk, current: ticket });
  }

  private replaceDesk(desk: DeskDto): void {
    const state = this.state();
    if (state.status !== 'ready') return;
    this.state.set({ status: 'ready', data: { ...state.data, desks: state.data.desks.map((d) => (d.id === desk.id ? desk : d)) } });
  }

  private focusAfterRender(target: 'current' | 'call'): void {
    afterNextRender(() => (target === 'current' ? this.currentHeading()?.nativeElement : this.callNextButton()?.nativeElement)?.focus(), {
      injector: this.injector,
    });
  }
}
