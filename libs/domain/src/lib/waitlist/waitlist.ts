/**
 * The waitlist's rules: who is told when places free up, and for how long an entry lasts.
 * Entries are told in order of sign-up, each once; the first to book wins, so a few more
 * people than places are told (some will not read the e-mail in time).
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** People told beyond the places freed. */
export const WAITLIST_MARGIN = 1;
/** At most this many people are told about one change (e.g. many new opening hours). */
export const WAITLIST_MAX_NOTICES = 50;

/** How many waiting entries to tell when `seatsFreed` places became free: the places plus a margin. */
export function waitlistNoticeCount(seatsFreed: number): number {
  if (!Number.isFinite(seatsFreed) || seatsFreed <= 0) return 0;
  return Math.min(Math.floor(seatsFreed) + WAITLIST_MARGIN, WAITLIST_MAX_NOTICES);
}

/** An entry lasts as long as the booking horizon: by then every slot it waited for has passed. */
export function waitlistExpiry(signedUpAt: Date, horizonDays: number): Date {
  return new Date(signedUpAt.getTime() + horizonDays * DAY_MS);
}

/**
 * Whether a freed place is worth telling the waitlist about: it can still be booked, i.e.
 * it starts at least the office's minimum notice from now.
 */
export function freedSeatIsBookable(startAt: Date, now: Date, minNoticeMinutes: number): boolean {
  return startAt.getTime() - now.getTime() >= minNoticeMinutes * MINUTE_MS;
}
