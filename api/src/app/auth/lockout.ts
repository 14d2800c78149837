/**
 * Lock-out after repeated wrong passwords, as a pure function of the stored state and
 * the time: `maxFailures` wrong passwords within `windowMinutes` (counted from the first
 * of them) lock the account for `lockMinutes`. A successful login resets the count. While
 * locked, even the right password is refused. A lock that has run out starts a new count.
 */
export interface LockoutPolicy {
  maxFailures: number;
  windowMinutes: number;
  lockMinutes: number;
}

export interface LockoutState {
  failedAttempts: number;
  firstFailedAt: Date | null;
  lockedUntil: Date | null;
}

export const UNLOCKED: LockoutState = { failedAttempts: 0, firstFailedAt: null, lockedUntil: null };

/** Seconds until the account can be tried again (rounded up), or 0 when it is not locked. */
export function lockedForSeconds(state: LockoutState, now: Date): number {
  if (!state.lockedUntil) return 0;
  const ms = state.lockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** The state after one more wrong password at `now`. */
export function afterFailure(state: LockoutState, now: Date, policy: LockoutPolicy): LockoutState {
  if (lockedForSeconds(state, now) > 0) return state;
  const windowStart = now.getTime() - policy.windowMinutes * 60_000;
  const fresh = !state.firstFailedAt || state.firstFailedAt.getTime() <= windowStart || state.lockedUntil !== null;
  const failedAttempts = fresh ? 1 : state.failedAttempts + 1;
  const firstFailedAt = fresh ? now : state.firstFailedAt;
  if (failedAttempts >= policy.maxFailures) {
    return { failedAttempts, firstFailedAt, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) };
  }
  return { failedAttempts, firstFailedAt, lockedUntil: null };
}
