import { closureForLocalDates } from './slots';
import { closureSuspension } from './suspension';
import type { CalendarRules } from './types';

const now = new Date('2027-03-01T07:00:00Z'); // Monday 1 March 2027, 08:00 in Rome
const rules: Omit<CalendarRules, 'closures'> = {
  timeZone: 'Europe/Rome',
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1 | 2 | 3 | 4 | 5, start: '09:00', end: '12:00' })),
  durationMinutes: 30,
  capacity: 1,
  minNoticeMinutes: 60,
  horizonDays: 14,
};
const range = { from: '2027-03-01', to: '2027-03-15' };
const closed = (from: string, to: string, reason: string) => ({ ...closureForLocalDates(from, to, 'Europe/Rome'), reason });

describe('closureSuspension', () => {
  it('is null while one slot is left', () => {
    expect(closureSuspension(rules, [closed('2027-03-01', '2027-03-14', 'Lavori')], range, now)).toBeNull();
  });

  it('names the closure over the first slot and the end of the last closure taking slots', () => {
    const works = closed('2027-02-20', '2027-03-05', 'Trasloco');
    const training = closed('2027-03-06', '2027-04-30', 'Formazione');
    const later = closed('2027-06-01', '2027-06-02', 'Elezioni');
    const result = closureSuspension(rules, [later, training, works], range, now);
    expect(result?.closure.reason).toBe('Trasloco');
    expect(result?.until).toBe('2027-05-01T00:00:00+02:00');
  });

  it('is null without opening hours: no closure is to blame', () => {
    expect(closureSuspension({ ...rules, openingHours: [] }, [closed('2027-03-01', '2027-03-31', 'x')], range, now)).toBeNull();
  });
});
