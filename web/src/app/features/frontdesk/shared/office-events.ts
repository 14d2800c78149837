import { DOCUMENT } from '@angular/common';
import { DestroyRef, effect, inject, Injectable, InjectionToken, signal, Signal, untracked } from '@angular/core';
import type { OfficeEventDto } from '@sportello/contracts';
import { Observable } from 'rxjs';

/** The part of EventSource used here (a fake one in unit tests). */
export interface EventSourceLike {
  readonly readyState: number;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

/** Opens a Server-Sent Events stream; null where the browser has no EventSource. */
export const EVENT_SOURCE_FACTORY = new InjectionToken<(url: string) => EventSourceLike | null>('EVENT_SOURCE_FACTORY', {
  providedIn: 'root',
  factory: () => {
    const view = inject(DOCUMENT).defaultView;
    return (url: string) => (view && typeof view.EventSource === 'function' ? new view.EventSource(url) : null);
  },
});

/** What the office's stream says: connected (refetch everything), something changed, or the connection dropped. */
export type LiveMessage = { kind: 'ready' } | { kind: 'event'; event: OfficeEventDto } | { kind: 'lost' };

const CLOSED = 2;
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 30_000;
const EVENT_TYPES = ['ticket', 'desk', 'notice', 'resync'] as const;

/**
 * The office's live events (`GET /api/offices/{id}/events`). EventSource reconnects by
 * itself after a network error; when the server refused the stream (readyState CLOSED) a
 * new one is opened here, with a growing delay. Every (re)connection starts with `ready`:
 * the page then refetches what it shows, since events may have been missed meanwhile.
 */
@Injectable({ providedIn: 'root' })
export class OfficeEvents {
  private readonly open = inject(EVENT_SOURCE_FACTORY);

  connect(officeId: string): Observable<LiveMessage> {
    const url = `/api/offices/${encodeURIComponent(officeId)}/events`;
    return new Observable<LiveMessage>((subscriber) => {
      let source: EventSourceLike | null = null;
      let retry: ReturnType<typeof setTimeout> | undefined;
      let delay = FIRST_RETRY_MS;
      const connect = () => {
        source = this.open(url);
        if (!source) {
          subscriber.complete();
          return;
        }
        const current = source;
        current.addEventListener('ready', () => {
          delay = FIRST_RETRY_MS;
          subscriber.next({ kind: 'ready' });
        });
        for (const type of EVENT_TYPES) {
          current.addEventListener(type, (message) => {
            const event = parseEvent(message.data);
            if (event) subscriber.next({ kind: 'event', event });
          });
        }
        current.onerror = () => {
          subscriber.next({ kind: 'lost' });
          if (current.readyState === CLOSED) {
            current.close();
            retry = setTimeout(connect, delay);
            delay = Math.min(delay * 2, MAX_RETRY_MS);
          }
        };
      };
      connect();
      return () => {
        clearTimeout(retry);
        source?.close();
      };
    });
  }
}

function parseEvent(data: unknown): OfficeEventDto | null {
  if (typeof data !== 'string') return null;
  try {
    const event = JSON.parse(data) as OfficeEventDto;
    return event && typeof event.type === 'string' ? event : null;
  } catch {
    return null;
  }
}

/** Connection state shown discreetly by the live pages. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'off';

/**
 * In an injection context: follows the office's events while `officeId()` is set (and
 * switches stream when it changes); `onChange` runs after every (re)connection and every
 * event. Returns the connection state.
 */
export function followOffice(officeId: () => string | null, onChange: (event: OfficeEventDto | null) => void): Signal<LiveStatus> {
  const events = inject(OfficeEvents);
  const status = signal<LiveStatus>('connecting');
  const ref = effect((onCleanup) => {
    const id = officeId();
    if (!id) return;
    untracked(() => {
      status.set('connecting');
      const subscription = events.connect(id).subscribe({
        next: (message) => {
          if (message.kind === 'lost') {
            status.set('reconnecting');
            return;
          }
          if (message.kind === 'ready') status.set('live');
          onChange(message.kind === 'event' ? message.event : null);
        },
        complete: () => status.set('off'),
      });
      onCleanup(() => subscription.unsubscribe());
    });
  });
  inject(DestroyRef).onDestroy(() => ref.destroy());
  return status.asReadonly();
}

/**
 * Runs `load` for every `trigger()`, but never twice at once: triggers that arrive while it
 * runs are folded into one more run afterwards (a burst of events costs two fetches).
 */
export class Refresher {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly load: () => Promise<void>) {}

  trigger(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop();
    return this.running;
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.load().catch(() => undefined);
      } while (this.again);
    } finally {
      this.running = null;
    }
  }
}

/** In an injection context: calls `fn` every `ms` until the component is destroyed. */
export function every(ms: number, fn: () => void): void {
  const handle = setInterval(fn, ms);
  inject(DestroyRef).onDestroy(() => clearInterval(handle));
}
