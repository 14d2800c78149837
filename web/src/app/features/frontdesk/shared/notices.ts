import { computed, DestroyRef, effect, inject, Signal, signal, untracked } from '@angular/core';
import type { OfficeEventDto, PublicNoticeDto } from '@sportello/contracts';
import { CLOCK } from '../../../core/clock';
import { formatShortDate, formatTime } from '../../../core/format';
import { FrontDeskApi } from './frontdesk-api';
import { FrontDeskI18n } from './frontdesk-i18n';
import { Refresher } from './office-events';

/** setTimeout's longest delay is about 24.8 days; a later change is re-planned after a day. */
const MAX_TIMER_MS = 24 * 60 * 60 * 1000;
/** A little after the boundary, so the server's clock is past it too. */
const BOUNDARY_MARGIN_MS = 1_000;

export interface OfficeNotices {
  /** Everything showing now, alerts first. */
  readonly all: Signal<PublicNoticeDto[]>;
  /** The alert shown (the first one): takes over an idle display, prominent on the kiosk. */
  readonly alert: Signal<PublicNoticeDto | null>;
  /** The other alerts and the information (closures included), for the band. */
  readonly band: Signal<PublicNoticeDto[]>;
  /** Refetch: on a `notice` event, after (re)connecting and on a resync. */
  reload(): Promise<void>;
  /** For followOffice's callback: refetch when the event is about notices (or a (re)connection). */
  onEvent(event: OfficeEventDto | null): void;
}

/**
 * In an injection context: the office's notices showing now (`GET /api/offices/{id}/notices`)
 * for the display and the kiosk. Refetched when the office changes, on the stream's `notice`
 * events (and its `ready`/`resync`), and once at the answer's `nextChangeAt` — the next start
 * or end — with a single timer: no polling.
 */
export function officeNotices(officeId: () => string | null): OfficeNotices {
  const api = inject(FrontDeskApi);
  const clock = inject(CLOCK);
  const all = signal<PublicNoticeDto[]>([]);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const plan = (nextChangeAt: string | null) => {
    clearTimeout(timer);
    timer = undefined;
    if (!nextChangeAt) return;
    const delay = Math.min(Math.max(0, new Date(nextChangeAt).getTime() - clock().getTime()) + BOUNDARY_MARGIN_MS, MAX_TIMER_MS);
    timer = setTimeout(() => void refresher.trigger(), delay);
  };

  const refresher = new Refresher(async () => {
    const id = officeId();
    if (!id) return;
    const answer = await api.notices(id);
    if (id !== officeId()) return;
    all.set(answer.notices);
    plan(answer.nextChangeAt);
  });

  effect(() => {
    const id = officeId();
    untracked(() => {
      all.set([]);
      if (id) void refresher.trigger();
    });
  });
  inject(DestroyRef).onDestroy(() => clearTimeout(timer));

  const alert = computed(() => all().find((n) => n.priority === 'ALERT') ?? null);
  return {
    all: all.asReadonly(),
    alert,
    band: computed(() => all().filter((n) => n !== alert())),
    reload: () => refresher.trigger(),
    onEvent: (event) => {
      if (event === null || event.type === 'notice' || event.type === 'resync') void refresher.trigger();
    },
  };
}

/**
 * A notice in words, in the screen's language: a notice's own text (English when it has
 * one), a closure as "Chiuso …" with its dates or times, its service and its reason.
 */
export function noticeText(notice: PublicNoticeDto, i18n: FrontDeskI18n): string {
  if (notice.kind === 'NOTICE') return (i18n.lang() === 'en' && notice.text?.en) || notice.text?.it || '';
  const locale = i18n.locale();
  const when = closureWhen(notice.start, notice.end, locale);
  const closed = notice.service
    ? i18n.t('notices.closure.service', { service: i18n.pick(notice.service, notice.service.it), when })
    : i18n.t('notices.closure.office', { when });
  return notice.text?.it ? `${closed} — ${notice.text.it}` : closed;
}

function closureWhen(start: string, end: string, locale: string): string {
  const [startDay, endDay] = [formatShortDate(start, locale), formatShortDate(end, locale)];
  const midnight = (instant: string) => formatTime(instant, locale) === '00:00';
  if (midnight(start) && midnight(end)) {
    // Whole days: [first day 00:00, the day after the last 00:00).
    const lastDay = formatShortDate(new Date(new Date(end).getTime() - 1).toISOString(), locale);
    return lastDay === startDay ? startDay : `${startDay} – ${lastDay}`;
  }
  if (startDay === endDay) return `${startDay} ${formatTime(start, locale)}–${formatTime(end, locale)}`;
  return `${startDay} ${formatTime(start, locale)} – ${endDay} ${formatTime(end, locale)}`;
}
