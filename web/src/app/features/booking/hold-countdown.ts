/**
 * The arithmetic of the hold's countdown. The visible "mm:ss" changes every second, but
 * screen readers are told only when a milestone is passed (5, 2 and 1 minutes, 30
 * seconds left, expired), so they are not interrupted every second.
 */

/** Seconds left before which an announcement is made, largest first. */
export const ANNOUNCE_AT_SECONDS: readonly number[] = [300, 120, 60, 30];

/** Whole seconds left until `expiresAt` (rounded up, never negative). */
export function secondsLeft(expiresAt: string, now: Date): number {
  const ms = new Date(expiresAt).getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** "09:05": minutes and seconds, both two digits (minutes may pass 99 in theory). */
export function formatCountdown(seconds: number): string {
  const safe = Math.max(0, Math.floor(seconds));
  const minutes = Math.floor(safe / 60);
  return `${String(minutes).padStart(2, '0')}:${String(safe % 60).padStart(2, '0')}`;
}

/**
 * The last milestone passed with `seconds` left: one of ANNOUNCE_AT_SECONDS, 0 once
 * expired, or null while none is passed yet. It only changes at milestones, so a live
 * region bound to its message speaks only then.
 */
export function countdownMilestone(seconds: number): number | null {
  if (seconds <= 0) return 0;
  let milestone: number | null = null;
  for (const at of ANNOUNCE_AT_SECONDS) {
    if (seconds <= at) milestone = at;
  }
  return milestone;
}
