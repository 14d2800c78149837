import type { AppointmentNotificationKind, NotificationChannel } from '../notification.entity';
import type { AppointmentContext, ClaimedNotification } from '../notification.repository';
import type { RateLimiter } from './rate-limiter';

/** What a channel did with a message. */
export type Delivery = { outcome: 'SENT'; askedReconfirmation: boolean } | { outcome: 'SKIPPED'; reason: string };

/**
 * A sending attempt that did not work. `permanent`: retrying cannot help (FAILED at once);
 * `retryAfterMs`: the server said when to come back.
 */
export class ChannelError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/** The channel's own rules: backoff, attempts, rate. */
export interface ChannelRules {
  maxAttempts: number;
  retryBaseMs: number;
  /** Null: no limit of its own (SMTP's pool paces e-mail). */
  limiter: RateLimiter | null;
}

/**
 * One way of reaching a citizen about an appointment. The worker decides whether a message
 * is still due (skip rules, the same for every channel), then hands it to its channel; the
 * channel reads the address it needs, renders its own format and sends.
 */
export interface ChannelSender {
  readonly channel: NotificationChannel;
  readonly rules: ChannelRules;
  describe(): string;
  deliver(row: ClaimedNotification, kind: AppointmentNotificationKind, appointment: AppointmentContext, now: Date): Promise<Delivery>;
}

/** The senders by channel, as a Nest provider (one per api instance). */
export abstract class ChannelSenders {
  abstract get(channel: NotificationChannel): ChannelSender | undefined;
  abstract all(): ChannelSender[];
}
