/**
 * The waiting-room display's spoken calls, without any browser API: which calls are new,
 * and playing them one at a time. Pure TypeScript; the player (chime + speech) is passed in.
 */

/** A call (or recall) as the display receives it. */
export interface CallToAnnounce {
  /** Unique per call and per recall: each is announced once. */
  eventId: string;
  number: string;
  deskName: string;
  /** When the desk called (ISO instant). */
  at: string;
  recall: boolean;
}

export interface AnnouncerOptions {
  /** Plays one announcement; the next starts only when this settles. */
  play: (call: CallToAnnounce) => Promise<void>;
  /** The current instant (tests pin it). */
  now?: () => number;
  /** Calls older than this when first seen are not spoken (e.g. after a long disconnection). */
  maxAgeMs?: number;
  /** Event ids remembered, oldest forgotten first. */
  memory?: number;
}

/**
 * Announces each call once, in the order the desks made them, never two at the same time.
 *
 * - `update(calls, speak)` is fed every fetch of the display (calls in any order). The
 *   first update only remembers what is already on the screen: opening the page speaks
 *   nothing. Later, calls not seen before are queued (oldest first) when `speak` is true,
 *   or just remembered when audio is off; calls older than `maxAgeMs` are not spoken.
 * - One announcement plays at a time; the next waits for the previous to finish (or fail).
 */
export class CallAnnouncer {
  private readonly play: (call: CallToAnnounce) => Promise<void>;
  private readonly now: () => number;
  private readonly maxAgeMs: number;
  private readonly memory: number;
  private readonly seen = new Set<string>();
  private readonly queue: CallToAnnounce[] = [];
  private primed = false;
  private playing = false;
  private idle: Promise<void> = Promise.resolve();

  constructor(options: AnnouncerOptions) {
    this.play = options.play;
    this.now = options.now ?? (() => Date.now());
    this.maxAgeMs = options.maxAgeMs ?? 2 * 60_000;
    this.memory = options.memory ?? 500;
  }

  /** Calls waiting to be spoken (not counting the one playing). */
  get pending(): readonly CallToAnnounce[] {
    return this.queue;
  }

  get busy(): boolean {
    return this.playing;
  }

  /** Settles when everything queued so far has been played. */
  whenIdle(): Promise<void> {
    return this.idle;
  }

  /**
   * Takes the calls now on the screen. `fresh`: calls not seen before (none on the first
   * update); `queued`: those of them queued for speaking (audio on, not stale).
   */
  update(calls: readonly CallToAnnounce[], speak: boolean): { fresh: CallToAnnounce[]; queued: CallToAnnounce[] } {
    const fresh = calls
      .filter((call, index) => !this.seen.has(call.eventId) && calls.findIndex((c) => c.eventId === call.eventId) === index)
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || compareIds(a.eventId, b.eventId));
    fresh.forEach((call) => this.remember(call.eventId));
    if (!this.primed) {
      this.primed = true;
      return { fresh: [], queued: [] };
    }
    if (!speak) return { fresh, queued: [] };
    const now = this.now();
    const queued = fresh.filter((call) => !(now - Date.parse(call.at) > this.maxAgeMs));
    this.queue.push(...queued);
    if (queued.length && !this.playing) this.idle = this.drain();
    return { fresh, queued };
  }

  /** Drops what is queued (audio switched off); the call playing finishes. */
  clear(): void {
    this.queue.length = 0;
  }

  private remember(eventId: string): void {
    this.seen.add(eventId);
    if (this.seen.size > this.memory) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }

  private async drain(): Promise<void> {
    this.playing = true;
    try {
      let next = this.queue.shift();
      while (next) {
        try {
          await this.play(next);
        } catch {
          // A failed chime or voice must not stop the calls after it.
        }
        next = this.queue.shift();
      }
    } finally {
      this.playing = false;
    }
  }
}

/** Event ids are database sequence numbers as text: compare them as numbers when they are. */
function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * What the voice says, in Italian, spelling the number so that a synthetic voice reads it
 * well: "C012" at "Sportello 2" → "Numero C 0 1 2, sportello 2". A recall says so first.
 */
export function spokenCall(call: Pick<CallToAnnounce, 'number' | 'deskName' | 'recall'>): string {
  const spelled = call.number
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .split('')
    .join(' ');
  const desk = call.deskName.trim().replace(/^\p{Lu}/u, (first) => first.toLowerCase());
  return `${call.recall ? 'Richiamo. ' : ''}Numero ${spelled}, ${desk}`;
}
