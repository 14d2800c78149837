/**
 * The rules of the outbox as pure functions (no Nest, no I/O), unit-tested on their own.
 */
import type { AppointmentNotificationKind, NotificationChannel, NotificationKind } from './notification.entity';

export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_MS = 3_600_000;
/** How long a claim keeps other workers off a row. */
export const CLAIM_MS = 120_000;
/** Rows claimed per poll. */
export const BATCH_SIZE = 20;
/** Messages of a batch in flight at once (each SMTP connection of the pool carries one). */
export const SEND_CONCURRENCY = 4;

/**
 * One message per subject, kind and channel — per sequence for reminders and moves. The
 * subject is the appointment, or the waitlist entry for WAITLIST (so an entry is told once).
 * E-mail keys carry no channel (as before channels existed); the others end in `:{CHANNEL}`.
 */
export function dedupeKey(kind: NotificationKind, subjectId: string, sequence: number, channel: NotificationChannel = 'EMAIL'): string {
  const key = kind === 'REMINDER' || kind === 'RESCHEDULE' ? `${kind}:${subjectId}:${sequence}` : `${kind}:${subjectId}`;
  return channel === 'EMAIL' ? key : `${key}:${channel}`;
}

/**
 * When the reminder goes out: REMINDER_HOURS_BEFORE before the start. Null when that is
 * already past at booking time: the confirmation, sent at once, is then the reminder
 * (a second e-mail minutes later would only be noise).
 */
export function reminderDueAt(startAt: Date, hoursBefore: number, now: Date): Date | null {
  const due = new Date(startAt.getTime() - hoursBefore * 3_600_000);
  return due.getTime() <= now.getTime() ? null : due;
}

/** Exponential backoff of e-mail: 30 s × 2^attempts so far, at most an hour. */
export function retryDelayMs(attemptsSoFar: number): number {
  return channelRetryDelayMs(attemptsSoFar, RETRY_BASE_MS, null);
}

/**
 * A channel's backoff: its base × 2^attempts so far, at most an hour. A server's
 * Retry-After wins when it asks for longer (never past the hour).
 */
export function channelRetryDelayMs(attemptsSoFar: number, baseMs: number, retryAfterMs: number | null): number {
  const backoff = Math.min(baseMs * 2 ** Math.max(0, attemptsSoFar), RETRY_MAX_MS);
  return retryAfterMs === null ? backoff : Math.min(Math.max(backoff, retryAfterMs), RETRY_MAX_MS);
}

/**
 * A Retry-After header (RFC 9110: delay-seconds or an HTTP date) in milliseconds from
 * `now`; null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  const raw = value?.trim();
  if (!raw) return null;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** How an HTTP answer of a channel's API is handled: 429 and 5xx are retried, other 4xx fail at once. */
export function httpFailureIsPermanent(status: number): boolean {
  return status !== 429 && status < 500;
}

const EMAIL = /[^\s<>()[\]@,;:"']+@[^\s<>()[\]@,;:"']+/g;
/** A codice fiscale (omocodia letters included), as a channel's API might echo it in an error. */
const FISCAL_CODE = /\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b/gi;

/** The error as stored and shown to staff: no e-mail addresses or codici fiscali, one line, at most 500 characters. */
export function cleanError(error: unknown): string {
  const raw = error instanceof Error ? `${(error as { code?: string }).code ? `${(error as { code?: string }).code}: ` : ''}${error.message}` : String(error);
  const clean = raw.replace(EMAIL, '<address>').replace(FISCAL_CODE, '<fiscal code>').replace(/\s+/g, ' ').trim();
  return clean.length > 500 ? `${clean.slice(0, 497)}...` : clean || 'unknown error';
}

export interface AppointmentState {
  status: 'BOOKED' | 'CANCELLED';
  cancelReason: 'CITIZEN' | 'RELEASED' | 'CLOSURE' | 'OFFICE_CHANGE' | null;
  sequence: number;
  startAt: Date;
  anonymised: boolean;
}

/** Why a claimed message must not be sent now; null when it should be sent. */
export function skipReason(kind: AppointmentNotificationKind, rowSequence: number, appointment: AppointmentState | null, now: Date): string | null {
  if (!appointment) return 'appointment not found';
  if (appointment.anonymised) return 'personal data already anonymised';
  switch (kind) {
    case 'CANCELLATION':
      return appointment.status === 'CANCELLED' ? null : 'appointment is booked again';
    case 'RELEASED':
      return appointment.status === 'CANCELLED' && appointment.cancelReason === 'RELEASED' ? null : 'appointment not released';
    case 'CLOSURE':
      return appointment.status === 'CANCELLED' && appointment.cancelReason === 'CLOSURE' ? null : 'appointment not cancelled for a closure';
    case 'OFFICE_CHANGE':
      return appointment.status === 'CANCELLED' && appointment.cancelReason === 'OFFICE_CHANGE' ? null : 'appointment not cancelled by an office change';
    case 'CONFIRMATION':
      return appointment.status === 'BOOKED' ? null : 'appointment cancelled before the confirmation was sent';
    case 'RESCHEDULE':
      if (appointment.status !== 'BOOKED') return 'appointment cancelled';
      return appointment.sequence === rowSequence ? null : 'superseded by a later move';
    case 'REMINDER':
      if (appointment.status !== 'BOOKED') return 'appointment cancelled';
      if (appointment.sequence !== rowSequence) return 'appointment moved';
      return appointment.startAt.getTime() > now.getTime() ? null : 'appointment already started';
  }
}

/** Why a claimed WAITLIST message must not be sent now; null when it should be sent. */
export function waitlistSkipReason(entry: { expiresAt: Date } | null, now: Date): string | null {
  if (!entry) return 'waitlist entry gone (unsubscribed or expired)';
  return entry.expiresAt.getTime() > now.getTime() ? null : 'waitlist entry expired';
}
