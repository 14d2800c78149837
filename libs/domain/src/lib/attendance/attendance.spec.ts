import { attendanceStatus, bookingCountsAsConfirmation, MIN_CONFIRM_WINDOW_MS, reconfirmationToAsk, reconfirmDeadline } from './attendance';

// Monday 29 March 2027, 08:30 in Rome (CEST) — the day after the DST change.
const start = new Date('2027-03-29T06:30:00Z');

describe('reconfirmation of attendance', () => {
  it('the deadline is RECONFIRM_DEADLINE_HOURS before the start, as an instant (across the DST change too)', () => {
    // 12 h before 08:30 CEST on Monday is 20:30 CEST on Sunday: 18:30Z, although the local clock jumped that night.
    expect(reconfirmDeadline(start, 12)).toEqual(new Date('2027-03-28T18:30:00Z'));
    expect(reconfirmDeadline(start, 48)).toEqual(new Date('2027-03-27T06:30:00Z'));
  });

  it('booking or moving once the reminder time has passed counts as confirmation', () => {
    expect(bookingCountsAsConfirmation(start, 24, new Date('2027-03-28T06:30:00Z'))).toBe(true); // exactly at the reminder time
    expect(bookingCountsAsConfirmation(start, 24, new Date('2027-03-29T05:00:00Z'))).toBe(true); // after the deadline too
    expect(bookingCountsAsConfirmation(start, 24, new Date('2027-03-28T06:29:59Z'))).toBe(false);
  });

  it('the reminder asks for confirmation only where the office wants it and nobody confirmed yet', () => {
    const attendance = { required: true, confirmedAt: null, startAt: start, deadlineHours: 12 };
    const reminderTime = new Date('2027-03-28T06:30:00Z');
    expect(reconfirmationToAsk(attendance, reminderTime)).toEqual(new Date('2027-03-28T18:30:00Z'));
    expect(reconfirmationToAsk({ ...attendance, required: false }, reminderTime)).toBeNull();
    expect(reconfirmationToAsk({ ...attendance, confirmedAt: new Date('2027-03-20T10:00:00Z') }, reminderTime)).toBeNull();
  });

  it('a reminder sent late (e.g. after an SMTP outage) does not ask for an answer within minutes', () => {
    const attendance = { required: true, confirmedAt: null, startAt: start, deadlineHours: 12 };
    const deadline = new Date('2027-03-28T18:30:00Z').getTime();
    expect(reconfirmationToAsk(attendance, new Date(deadline - MIN_CONFIRM_WINDOW_MS))).toEqual(new Date(deadline));
    expect(reconfirmationToAsk(attendance, new Date(deadline - MIN_CONFIRM_WINDOW_MS + 1))).toBeNull();
    expect(reconfirmationToAsk(attendance, new Date(deadline + 1))).toBeNull();
  });

  it('what the manage page shows', () => {
    expect(attendanceStatus({ required: false, confirmedAt: null })).toBe('NOT_REQUIRED');
    expect(attendanceStatus({ required: true, confirmedAt: null })).toBe('PENDING');
    expect(attendanceStatus({ required: true, confirmedAt: start })).toBe('CONFIRMED');
    // A confirmation given while the office asked stays shown after it stops asking.
    expect(attendanceStatus({ required: false, confirmedAt: start })).toBe('CONFIRMED');
  });
});
