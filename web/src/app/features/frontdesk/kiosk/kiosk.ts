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
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { DisplayDto, Language, TicketDto } from '@sportello/contracts';
import { StaffAuth } from '../../../core/auth/staff-auth';
import { CLOCK } from '../../../core/clock';
import { I18n, LANGUAGES } from '../../../core/i18n/i18n';
import { failureText } from '../shared/failure-text';
import { FrontDeskApi } from '../shared/frontdesk-api';
import { FrontDeskI18n } from '../shared/frontdesk-i18n';
import { noticeText, officeNotices } from '../shared/notices';
import { every, followOffice, Refresher } from '../shared/office-events';
import { openStateText } from '../shared/open-state';
import { OfficeChoice } from '../../staff/office-choice';
import { PrintedTicket } from './printed-ticket';
import { bookingCodeIn } from './qr-detector';
import { cameraAvailable, QrScanner } from './qr-scanner';
import { LoadingIndicator } from '../../../layout/loading-indicator';

export type KioskStep = 'start' | 'appointment' | 'scan' | 'walkIn' | 'ticket';

/** Seconds the ticket stays on screen after printing, then the kiosk starts over. */
export const TICKET_SECONDS = 15;
/** Seconds without a touch before a half-done choice is abandoned. */
export const IDLE_SECONDS = 90;

/**
 * The totem (/staff/totem, kiosk accounts and operators): full screen, big touch targets.
 * "Ho un appuntamento" checks in by typed code or QR; "Non ho appuntamento" takes a
 * walk-in ticket (with the priority-access toggle). The ticket is printed (80 mm print
 * CSS, with a QR of the public ticket page), then the kiosk starts over.
 *
 * The comune's notices sit above the steps and never block them: an ALERT as a large red
 * box (role="alert"), the information and the closures in a band; tickets are taken as usual.
 */
@Component({
  selector: 'sp-kiosk',
  imports: [PrintedTicket, QrScanner, RouterLink, LoadingIndicator],
  templateUrl: './kiosk.html',
  styleUrl: './kiosk.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(pointerdown)': 'touched()', '(keydown)': 'touched()' },
})
export class Kiosk {
  protected readonly i18n = inject(FrontDeskI18n);
  private readonly appI18n = inject(I18n);
  private readonly api = inject(FrontDeskApi);
  private readonly auth = inject(StaffAuth);
  private readonly injector = inject(Injector);
  private readonly clock = inject(CLOCK);
  private readonly view = inject(DOCUMENT).defaultView;

  protected readonly languages = LANGUAGES;
  private readonly choice = inject(OfficeChoice);
  protected readonly offices = this.choice.offices;
  protected readonly officeId = this.choice.officeId;
  protected readonly office = signal<DisplayDto | null>(null);
  protected readonly step = signal<KioskStep>('start');
  protected readonly code = signal('');
  protected readonly codeError = signal<string | null>(null);
  protected readonly priority = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly ticket = signal<TicketDto | null>(null);
  protected readonly ticketNote = signal<string | null>(null);
  protected readonly countdown = signal(0);
  protected readonly canScan = cameraAvailable(this.view);
  /** Services a walk-in may take a ticket for: some desk serves them (nobody would call the others). */
  protected readonly services = computed(() => (this.office()?.waits ?? []).filter((service) => service.desks > 0));
  /** The office is closed: no walk-in tickets; why and when it opens. */
  protected readonly closedText = computed(() => {
    const open = this.office()?.open;
    return open && !open.open ? openStateText(open, this.clock(), this.i18n) : null;
  });
  /** A way back to the staff pages for an operator; none on a totem's own account (citizens touch it). */
  protected readonly staffLink = computed(() => this.auth.user()?.role !== 'kiosk');

  private readonly heading = viewChild<ElementRef<HTMLElement>>('stepHeading');
  private idleSeconds = 0;

  protected readonly notices = officeNotices(() => this.officeId());
  private readonly refresher = new Refresher(() => this.loadOffice());
  protected readonly live = followOffice(
    () => this.officeId(),
    (event) => {
      if (event?.type !== 'notice') void this.refresher.trigger();
      this.notices.onEvent(event);
    },
  );

  constructor() {
    effect(() => {
      const officeId = this.officeId();
      untracked(() => {
        this.office.set(null);
        if (officeId) void this.refresher.trigger();
      });
    });
    // One clock for the ticket countdown and for abandoning a half-done choice.
    every(1_000, () => this.tick());
  }

  private async loadOffice(): Promise<void> {
    const officeId = this.officeId();
    if (!officeId) return;
    try {
      const office = await this.api.display(officeId);
      if (officeId === this.officeId()) this.office.set(office);
    } catch {
      // The services stay as they were; the next event or touch tries again.
    }
  }

  protected touched(): void {
    this.idleSeconds = 0;
  }

  private tick(): void {
    const step = this.step();
    if (step === 'ticket') {
      const left = this.countdown() - 1;
      this.countdown.set(Math.max(0, left));
      if (left <= 0) this.restart();
      return;
    }
    if (step !== 'start' && ++this.idleSeconds >= IDLE_SECONDS) this.restart();
  }

  protected setLanguage(lang: Language): void {
    this.appI18n.setLanguage(lang);
  }

  protected onOffice(event: Event): void {
    const id = (event.target as HTMLSelectElement).value;
    if (id) this.choice.choose(id);
  }

  protected go(step: KioskStep): void {
    this.error.set(null);
    this.codeError.set(null);
    this.idleSeconds = 0;
    if (step === 'walkIn') void this.refresher.trigger();
    this.step.set(step);
    this.focusHeading();
  }

  protected restart(): void {
    this.ticket.set(null);
    this.ticketNote.set(null);
    this.code.set('');
    this.priority.set(false);
    this.countdown.set(0);
    this.go('start');
  }

  protected onCode(event: Event): void {
    this.code.set((event.target as HTMLInputElement).value);
    // Typing again: the last message no longer applies.
    if (this.codeError()) this.codeError.set(null);
    if (this.error()) this.error.set(null);
  }

  protected submitCode(event: Event): void {
    event.preventDefault();
    // A new attempt: its answer replaces whatever the last one said.
    this.error.set(null);
    this.codeError.set(null);
    const code = bookingCodeIn(this.code());
    if (!code) {
      this.codeError.set(this.i18n.t(this.code().trim() ? 'kiosk.code.format' : 'kiosk.code.empty'));
      afterNextRender(() => this.view?.document.getElementById('kiosk-code')?.focus(), { injector: this.injector });
      return;
    }
    void this.checkIn(code);
  }

  protected onScanned(text: string): void {
    const code = bookingCodeIn(text);
    if (!code) {
      this.step.set('appointment');
      this.error.set(this.i18n.t('kiosk.scan.notACode'));
      this.focusHeading();
      return;
    }
    this.code.set(code);
    this.step.set('appointment');
    void this.checkIn(code);
  }

  private async checkIn(code: string): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const { ticket, created } = await this.api.checkIn(code);
      this.showTicket(ticket, created ? this.i18n.t('kiosk.checkedIn') : this.i18n.t('kiosk.alreadyCheckedIn'));
    } catch (error: unknown) {
      this.error.set(failureText(error, this.i18n));
      this.focusHeading('kiosk-error');
    } finally {
      this.busy.set(false);
    }
  }

  protected togglePriority(): void {
    this.priority.update((value) => !value);
  }

  protected async takeTicket(serviceId: string): Promise<void> {
    const officeId = this.officeId();
    if (!officeId || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const ticket = await this.api.issue(officeId, { serviceId, priority: this.priority() });
      this.showTicket(ticket, null);
    } catch (error: unknown) {
      this.error.set(failureText(error, this.i18n));
      this.focusHeading('kiosk-error');
    } finally {
      this.busy.set(false);
    }
  }

  private showTicket(ticket: TicketDto, note: string | null): void {
    this.ticket.set(ticket);
    this.ticketNote.set(note);
    this.countdown.set(TICKET_SECONDS);
    this.step.set('ticket');
    this.focusHeading();
    // Print once the ticket is on the page (the print CSS shows only the ticket).
    afterNextRender(() => setTimeout(() => this.view?.print(), 100), { injector: this.injector });
  }

  protected noticeText(notice: Parameters<typeof noticeText>[0]): string {
    return noticeText(notice, this.i18n);
  }

  protected print(): void {
    this.view?.print();
  }

  protected waitLabel(service: DisplayDto['waits'][number]): string {
    if (service.waiting === 0) return this.i18n.t('kiosk.noQueue');
    const people = this.i18n.plural('display.waiting', service.waiting);
    return service.estimatedWaitMinutes === null ? people : `${people} · ${this.i18n.plural('ticket.waitAbout', Math.max(1, service.estimatedWaitMinutes))}`;
  }

  private focusHeading(id?: string): void {
    afterNextRender(
      () => {
        const target = id ? this.view?.document.getElementById(id) : this.heading()?.nativeElement;
        target?.focus();
      },
      { injector: this.injector },
    );
  }
}
