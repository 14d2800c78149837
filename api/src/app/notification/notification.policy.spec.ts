import {
  channelRetryDelayMs,
  cleanError,
  dedupeKey,
  httpFailureIsPermanent,
  parseRetryAfter,
  reminderDueAt,
  retryDelayMs,
  skipReason,
  waitlistSkipReason,
} from './notification.policy';

const id = '7d2f4c1e-9a55-4c57-8f0e-1f2a3b4c5d6e';
const now = new Date('2027-03-25T10:00:00Z');
const booked = { status: 'BOOKED' as const, cancelReason: null, sequence: 1, startAt: new Date('2027-03-29T06:30:00Z'), anonymised: false };

describe('outbox policy', () => {
  it('dedupe keys: one per appointment and kind, per sequence for reminders and moves', () => {
    expect(dedupeKey('CONFIRMATION', id, 3)).toBe(`CONFIRMATION:${id}`);
    expect(dedupeKey('CANCELLATION', id, 3)).toBe(`CANCELLATION:${id}`);
    expect(dedupeKey('REMINDER', id, 3)).toBe(`REMINDER:${id}:3`);
    expect(dedupeKey('RESCHEDULE', id, 1)).toBe(`RESCHEDULE:${id}:1`);
    expect(dedupeKey('RELEASED', id, 1)).toBe(`RELEASED:${id}`);
    expect(dedupeKey('CLOSURE', id, 1)).toBe(`CLOSURE:${id}`);
    // A waitlist entry is told once.
    expect(dedupeKey('WAITLIST', id, 0)).toBe(`WAITLIST:${id}`);
  });

  it('the reminder is due REMINDER_HOURS_BEFORE the start, as an instant (across the DST change too)', () => {
    // 08:30 CEST on Monday 29 March 2027 is 06:30Z; 24 h before is 06:30Z on Sunday, 08:30 CEST (the change was that night).
    expect(reminderDueAt(new Date('2027-03-29T06:30:00Z'), 24, now)).toEqual(new Date('2027-03-28T06:30:00Z'));
  });

  it('no reminder for a booking made later than REMINDER_HOURS_BEFORE ahead', () => {
    expect(reminderDueAt(new Date('2027-03-26T09:00:00Z'), 24, now)).toBeNull();
  });

  it('backs off exponentially from 30 s, capped at an hour', () => {
    expect([0, 1, 2, 3].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });

  it('keeps e-mail addresses out of stored errors', () => {
    const error = Object.assign(new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <maria.rossi@example.it>: no such user"), {
      code: 'EENVELOPE',
    });
    expect(cleanError(error)).toBe("EENVELOPE: Can't send mail - all recipients were rejected: 550 5.1.1 <<address>>: no such user");
    expect(cleanError('x'.repeat(600))).toHaveLength(500);
  });

  it('sends a reminder only for a booked appointment at the same sequence that has not started', () => {
    expect(skipReason('REMINDER', 1, booked, now)).toBeNull();
    expect(skipReason('REMINDER', 1, { ...booked, status: 'CANCELLED' }, now)).toBe('appointment cancelled');
    expect(skipReason('REMINDER', 0, booked, now)).toBe('appointment moved');
    expect(skipReason('REMINDER', 1, booked, new Date('2027-03-29T06:30:00Z'))).toBe('appointment already started');
    expect(skipReason('REMINDER', 1, null, now)).toBe('appointment not found');
  });

  it('other kinds', () => {
    expect(skipReason('CONFIRMATION', 0, booked, now)).toBeNull();
    expect(skipReason('CONFIRMATION', 0, { ...booked, status: 'CANCELLED' }, now)).toMatch(/cancelled/);
    expect(skipReason('RESCHEDULE', 1, booked, now)).toBeNull();
    expect(skipReason('RESCHEDULE', 0, booked, now)).toBe('superseded by a later move');
    expect(skipReason('CANCELLATION', 1, { ...booked, status: 'CANCELLED' }, now)).toBeNull();
    expect(skipReason('CANCELLATION', 1, { ...booked, anonymised: true, status: 'CANCELLED' }, now)).toMatch(/anonymised/);
  });

  it('release and closure notices go out only for appointments cancelled for that reason', () => {
    expect(skipReason('RELEASED', 1, { ...booked, status: 'CANCELLED', cancelReason: 'RELEASED' }, now)).toBeNull();
    expect(skipReason('RELEASED', 1, booked, now)).toBe('appointment not released');
    expect(skipReason('RELEASED', 1, { ...booked, status: 'CANCELLED', cancelReason: 'CITIZEN' }, now)).toBe('appointment not released');
    expect(skipReason('CLOSURE', 1, { ...booked, status: 'CANCELLED', cancelReason: 'CLOSURE' }, now)).toBeNull();
    expect(skipReason('CLOSURE', 1, { ...booked, status: 'CANCELLED', cancelReason: 'RELEASED' }, now)).toMatch(/closure/);
    expect(skipReason('CLOSURE', 1, { ...booked, status: 'CANCELLED', cancelReason: 'CLOSURE', anonymised: true }, now)).toMatch(/anonymised/);
    expect(skipReason('OFFICE_CHANGE', 1, { ...booked, status: 'CANCELLED', cancelReason: 'OFFICE_CHANGE' }, now)).toBeNull();
    expect(skipReason('OFFICE_CHANGE', 1, { ...booked, status: 'CANCELLED', cancelReason: 'CLOSURE' }, now)).toMatch(/office change/);
  });

  it('a waitlist notice goes out only while its entry exists and has not expired', () => {
    expect(waitlistSkipReason({ expiresAt: new Date('2027-04-01T00:00:00Z') }, now)).toBeNull();
    expect(waitlistSkipReason({ expiresAt: now }, now)).toBe('waitlist entry expired');
    expect(waitlistSkipReason(null, now)).toMatch(/unsubscribed or expired/);
  });
});

describe('channels: dedupe keys and retries', () => {
  it('e-mail keys are unchanged; other channels add :{CHANNEL}', () => {
    expect(dedupeKey('CONFIRMATION', id, 0, 'EMAIL')).toBe(`CONFIRMATION:${id}`);
    expect(dedupeKey('CONFIRMATION', id, 0, 'IO')).toBe(`CONFIRMATION:${id}:IO`);
    expect(dedupeKey('REMINDER', id, 2, 'IO')).toBe(`REMINDER:${id}:2:IO`);
    expect(dedupeKey('RESCHEDULE', id, 2, 'TELEGRAM')).toBe(`RESCHEDULE:${id}:2:TELEGRAM`);
  });

  it("a channel's backoff doubles from its own base, at most an hour; Retry-After wins when longer", () => {
    expect([0, 1, 2, 3].map((a) => channelRetryDelayMs(a, 10_000, null))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(channelRetryDelayMs(20, 10_000, null)).toBe(3_600_000);
    expect(channelRetryDelayMs(0, 30_000, 120_000)).toBe(120_000);
    // A shorter Retry-After does not make the backoff shorter.
    expect(channelRetryDelayMs(2, 30_000, 1_000)).toBe(120_000);
    expect(channelRetryDelayMs(0, 30_000, 86_400_000)).toBe(3_600_000);
    expect(retryDelayMs(1)).toBe(channelRetryDelayMs(1, 30_000, null));
  });

  it('Retry-After as seconds or as an HTTP date; junk is ignored', () => {
    const at = new Date('2027-03-25T10:00:00Z');
    expect(parseRetryAfter('120', at)).toBe(120_000);
    expect(parseRetryAfter('Thu, 25 Mar 2027 10:01:30 GMT', at)).toBe(90_000);
    expect(parseRetryAfter('Thu, 25 Mar 2027 09:00:00 GMT', at)).toBe(0);
    expect(parseRetryAfter(null, at)).toBeNull();
    expect(parseRetryAfter('soon', at)).toBeNull();
  });

  it('an error echoing a codice fiscale is stored without it', () => {
    expect(cleanError(new Error('IO messages: HTTP 400 value "RSSMRA85T50A944X" at root.fiscal_code is not valid'))).toBe(
      'IO messages: HTTP 400 value "<fiscal code>" at root.fiscal_code is not valid',
    );
    expect(cleanError(new Error('profile rssmra85t50a94qx unknown'))).toBe('profile <fiscal code> unknown');
  });

  it('429 and 5xx are retried; other 4xx fail at once', () => {
    expect([400, 401, 403, 404, 422].map(httpFailureIsPermanent)).toEqual([true, true, true, true, true]);
    expect([429, 500, 502, 503].map(httpFailureIsPermanent)).toEqual([false, false, false, false]);
  });
});
