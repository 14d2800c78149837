import { freedSeatIsBookable, WAITLIST_MARGIN, WAITLIST_MAX_NOTICES, waitlistExpiry, waitlistNoticeCount } from './waitlist';

describe('waitlist', () => {
  it('tells as many people as places freed, plus a small margin', () => {
    expect(WAITLIST_MARGIN).toBe(1);
    expect(waitlistNoticeCount(1)).toBe(2);
    expect(waitlistNoticeCount(3)).toBe(4);
  });

  it('tells nobody when nothing was freed, and never more than the cap', () => {
    expect(waitlistNoticeCount(0)).toBe(0);
    expect(waitlistNoticeCount(-2)).toBe(0);
    expect(waitlistNoticeCount(Number.NaN)).toBe(0);
    expect(waitlistNoticeCount(10_000)).toBe(WAITLIST_MAX_NOTICES);
  });

  it('an entry lasts the booking horizon', () => {
    expect(waitlistExpiry(new Date('2027-03-01T10:00:00Z'), 60)).toEqual(new Date('2027-04-30T10:00:00Z'));
  });

  it('a freed place is worth telling about only if it can still be booked (minimum notice)', () => {
    const now = new Date('2027-03-29T06:00:00Z');
    expect(freedSeatIsBookable(new Date('2027-03-29T08:00:00Z'), now, 120)).toBe(true);
    expect(freedSeatIsBookable(new Date('2027-03-29T07:59:00Z'), now, 120)).toBe(false);
    expect(freedSeatIsBookable(new Date('2027-03-29T06:00:00Z'), now, 0)).toBe(true);
    expect(freedSeatIsBookable(new Date('2027-03-29T05:59:00Z'), now, 0)).toBe(false);
  });
});
