import { afterFailure, lockedForSeconds, LockoutPolicy, LockoutState, UNLOCKED } from './lockout';

const policy: LockoutPolicy = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 };
const t0 = new Date('2027-03-29T08:00:00Z');
const at = (minutes: number, seconds = 0) => new Date(t0.getTime() + minutes * 60_000 + seconds * 1000);

function fail(times: number, state: LockoutState = UNLOCKED, minutesApart = 1): LockoutState {
  let current = state;
  for (let i = 0; i < times; i++) current = afterFailure(current, at(i * minutesApart), policy);
  return current;
}

describe('lock-out policy', () => {
  it('counts wrong passwords and locks at the fifth within 15 minutes, for 15 minutes', () => {
    const four = fail(4);
    expect(four).toEqual({ failedAttempts: 4, firstFailedAt: t0, lockedUntil: null });
    expect(lockedForSeconds(four, at(4))).toBe(0);
    const five = afterFailure(four, at(4), policy);
    expect(five.failedAttempts).toBe(5);
    expect(five.lockedUntil).toEqual(at(19));
    expect(lockedForSeconds(five, at(4))).toBe(15 * 60);
    expect(lockedForSeconds(five, at(18, 59.5))).toBe(1);
    expect(lockedForSeconds(five, at(19))).toBe(0);
  });

  it('does not lock when the failures are spread over more than the window', () => {
    // One failure every 4 minutes: the fifth comes 16 minutes after the first.
    const state = fail(5, UNLOCKED, 4);
    expect(state.lockedUntil).toBeNull();
    expect(state.failedAttempts).toBe(1);
    expect(state.firstFailedAt).toEqual(at(16));
  });

  it('leaves a locked account as it is (the lock is not extended by more attempts)', () => {
    const locked = fail(5);
    expect(afterFailure(locked, at(10), policy)).toBe(locked);
  });

  it('starts a fresh count once the lock has run out', () => {
    const locked = fail(5);
    const after = afterFailure(locked, at(20), policy);
    expect(after).toEqual({ failedAttempts: 1, firstFailedAt: at(20), lockedUntil: null });
  });

  it('honours other settings (3 failures lock for an hour)', () => {
    const strict: LockoutPolicy = { maxFailures: 3, windowMinutes: 10, lockMinutes: 60 };
    let state = UNLOCKED;
    for (let i = 0; i < 3; i++) state = afterFailure(state, at(i), strict);
    expect(state.lockedUntil).toEqual(at(62));
  });

  it('a single allowed failure locks at once', () => {
    expect(afterFailure(UNLOCKED, t0, { maxFailures: 1, windowMinutes: 1, lockMinutes: 1 }).lockedUntil).toEqual(at(1));
  });
});
