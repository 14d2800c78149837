import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import type { DisplayCallDto, DisplayDto } from '@sportello/contracts';
import { toApiFailure } from '../../../core/api/api-error';
import { CLOCK } from '../../../core/clock';
import { formatInstantDate, formatTime } from '../../../core/format';
import { LoadState } from '../../../core/load-state';
import { FrontDeskApi } from '../shared/frontdesk-api';
import { FrontDeskI18n } from '../shared/frontdesk-i18n';
import { LiveStatusNote } from '../shared/live-status-note';
import { noticeText, officeNotices } from '../shared/notices';
import { every, followOffice, Refresher } from '../shared/office-events';
import { CallAnnouncer } from './announcer';
import { CallVoice } from './call-voice';

/** How long a new call stays highlighted on the screen. */
const HIGHLIGHT_MS = 10_000;

/**
 * The waiting-room screen (/display/:officeId): public, full screen, no site header. The
 * current calls in very large type, the last five calls, the estimated wait per service,
 * the queue rules in plain words and a clock. Every new call or recall chimes and is spoken
 * in Italian, one at a time (CallAnnouncer), once "Attiva audio" has been pressed.
 *
 * The comune's notices: information (and closures) in a band under the calls, always. An
 * ALERT takes over the whole screen only between calls — while no call is on the screen
 * ("Ora chiamiamo" empty) and none has just arrived (the HIGHLIGHT_MS in which it is
 * highlighted, chimed and spoken). A call always wins: the moment one comes, the calls are
 * back and the alert stays visible as a red band above them, so neither is ever hidden.
 */
@Component({
  selector: 'sp-display',
  imports: [LiveStatusNote],
  templateUrl: './display.html',
  styleUrl: './display.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Display {
  /** Route parameter `:officeId`. */
  readonly officeId = input.required<string>();

  protected readonly i18n = inject(FrontDeskI18n);
  protected readonly voice = inject(CallVoice);
  private readonly api = inject(FrontDeskApi);
  private readonly clock = inject(CLOCK);
  private readonly document = inject(DOCUMENT);

  protected readonly state = signal<LoadState<DisplayDto>>({ status: 'loading' });
  protected readonly now = signal(this.clock());
  /** Event ids of calls that just arrived (highlighted for a while). */
  protected readonly fresh = signal<ReadonlySet<string>>(new Set());
  /** The latest new call in words, for screen readers. */
  protected readonly announcement = signal('');

  protected readonly display = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.data : null;
  });
  protected readonly time = computed(() => formatTime(this.now().toISOString(), this.i18n.locale()));
  protected readonly date = computed(() => formatInstantDate(this.now().toISOString(), this.i18n.locale()));

  private readonly announcer = new CallAnnouncer({
    play: (call) => this.voice.announce(call),
    now: () => this.clock().getTime(),
  });
  protected readonly notices = officeNotices(() => this.officeId());
  /** The alert has the whole screen: there is one, and no call is shown or being announced. */
  protected readonly takeover = computed(() => {
    const d = this.display();
    return this.notices.alert() !== null && d !== null && d.current.length === 0 && this.fresh().size === 0;
  });

  private readonly refresher = new Refresher(() => this.load());
  protected readonly live = followOffice(
    () => this.officeId(),
    (event) => {
      if (event?.type !== 'notice') void this.refresher.trigger();
      this.notices.onEvent(event);
    },
  );

  constructor() {
    effect(() => {
      this.officeId();
      untracked(() => void this.refresher.trigger());
    });
    every(1_000, () => this.now.set(this.clock()));
    // Waits change with time too (and a missed event is caught up within a minute).
    every(60_000, () => void this.refresher.trigger());
  }

  private async load(): Promise<void> {
    const officeId = this.officeId();
    try {
      const display = await this.api.display(officeId);
      if (officeId !== this.officeId()) return;
      this.state.set({ status: 'ready', data: display });
      // New calls: spoken (when audio is on), highlighted and announced to screen readers.
      const { fresh } = this.announcer.update([...display.current, ...display.recent], this.voice.enabled());
      if (fresh.length) this.highlight(fresh);
    } catch (error: unknown) {
      if (this.state().status !== 'ready') this.state.set({ status: 'error', failure: toApiFailure(error) });
    }
  }

  private highlight(calls: Array<Pick<DisplayCallDto, 'eventId' | 'number' | 'deskName'>>): void {
    const ids = calls.map((call) => call.eventId);
    this.fresh.update((set) => new Set([...set, ...ids]));
    const latest = calls[calls.length - 1];
    this.announcement.set(this.i18n.t('display.announce', { number: latest.number, desk: latest.deskName }));
    setTimeout(() => this.fresh.update((set) => new Set([...set].filter((id) => !ids.includes(id)))), HIGHLIGHT_MS);
  }

  protected async toggleAudio(): Promise<void> {
    if (this.voice.enabled()) {
      this.voice.disable();
      this.announcer.clear();
    } else {
      await this.voice.enable();
    }
  }

  protected get canFullscreen(): boolean {
    return typeof this.document.documentElement.requestFullscreen === 'function';
  }

  protected fullscreen(): void {
    if (this.document.fullscreenElement) void this.document.exitFullscreen?.();
    else void this.document.documentElement.requestFullscreen?.().catch(() => undefined);
  }

  protected noticeText(notice: Parameters<typeof noticeText>[0]): string {
    return noticeText(notice, this.i18n);
  }

  protected clockTime(instant: string): string {
    return formatTime(instant, this.i18n.locale());
  }

  protected waitText(minutes: number | null): string {
    if (minutes === null) return this.i18n.t('display.waitUnknown');
    return this.i18n.t('display.waitMinutes', { minutes: Math.max(1, minutes) });
  }
}
