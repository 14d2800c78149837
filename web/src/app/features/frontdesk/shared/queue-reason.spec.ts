import { FD_NOW, ticket } from '../../../testing/frontdesk-fixtures';
import { queueReason, waitedMinutes } from './queue-reason';

const RULES = { toleranceMinutes: 10, maxWaitMinutes: 30 };

describe('queueReason (why a person stands where they do)', () => {
  it('an appointment whose time has come (within the tolerance)', () => {
    const t = ticket({ kind: 'APPOINTMENT', appointmentStart: '2027-03-29T09:45:00+02:00', queuedAt: '2027-03-29T09:20:00+02:00' });
    expect(queueReason(t, FD_NOW, RULES)).toEqual({ kind: 'appointment', start: '2027-03-29T09:45:00+02:00' });
  });

  it('an appointment checked in early', () => {
    const t = ticket({ kind: 'APPOINTMENT', appointmentStart: '2027-03-29T10:30:00+02:00' });
    expect(queueReason(t, FD_NOW, RULES)).toEqual({ kind: 'early', start: '2027-03-29T10:30:00+02:00' });
  });

  it('priority access, walk-ins by arrival, and a walk-in promoted after the maximum wait', () => {
    expect(queueReason(ticket({ priority: true, queuedAt: '2027-03-29T09:35:00+02:00' }), FD_NOW, RULES)).toEqual({ kind: 'priority', waitedMinutes: 5 });
    expect(queueReason(ticket({ queuedAt: '2027-03-29T09:28:00+02:00' }), FD_NOW, RULES)).toEqual({ kind: 'arrival', waitedMinutes: 12 });
    expect(queueReason(ticket({ queuedAt: '2027-03-29T09:05:00+02:00' }), FD_NOW, RULES)).toEqual({ kind: 'promoted', waitedMinutes: 35 });
  });

  it('counts whole minutes waited, never negative', () => {
    expect(waitedMinutes('2027-03-29T09:39:01+02:00', FD_NOW)).toBe(0);
    expect(waitedMinutes('2027-03-29T09:50:00+02:00', FD_NOW)).toBe(0);
    expect(waitedMinutes('2027-03-29T08:40:00+02:00', FD_NOW)).toBe(60);
  });
});
