import { estimateWaitMinutes, formatTicketNumber, nextTicket, orderQueue, queuePosition, rankTicket, WaitingTicket } from './queue-policy';

const rules = { toleranceMinutes: 10, maxWaitMinutes: 30 };
const now = new Date('2026-11-30T09:00:00Z');
const at = (minutesFromNow: number) => new Date(now.getTime() + minutesFromNow * 60_000);
const CIE = 'cie';
const SPID = 'spid';

function walkIn(id: string, queuedMinutesAgo: number, extra: Partial<WaitingTicket> = {}): WaitingTicket {
  return { id, serviceId: CIE, kind: 'WALK_IN', priority: false, queuedAt: at(-queuedMinutesAgo), appointmentStart: null, ...extra };
}
function appointment(id: string, startInMinutes: number, checkedInMinutesAgo = 5, extra: Partial<WaitingTicket> = {}): WaitingTicket {
  return { id, serviceId: CIE, kind: 'APPOINTMENT', priority: false, queuedAt: at(-checkedInMinutesAgo), appointmentStart: at(startInMinutes), ...extra };
}
const ids = (tickets: WaitingTicket[]) => orderQueue(tickets, now, rules).map((r) => r.ticket.id);

describe('queue policy', () => {
  it('due appointments first, then priority walk-ins, then walk-ins by arrival, then early appointments', () => {
    const queue = [walkIn('w-late', 5), appointment('a-early', 45), walkIn('w-first', 20), walkIn('p', 2, { priority: true }), appointment('a-due', 5)];
    expect(ids(queue)).toEqual(['a-due', 'p', 'w-first', 'w-late', 'a-early']);
  });

  it('an appointment is due from toleranceMinutes before its start, not earlier', () => {
    expect(rankTicket(appointment('a', 10), now, rules).group).toBe('DUE');
    expect(rankTicket(appointment('a', 11), now, rules).group).toBe('EARLY');
    expect(rankTicket(appointment('a', -40), now, rules).group).toBe('DUE');
  });

  it('due appointments go by appointment time, not by check-in time', () => {
    expect(ids([appointment('nine-five', 5, 30), appointment('nine', 0, 1)])).toEqual(['nine', 'nine-five']);
  });

  it('a walk-in waiting longer than maxWaitMinutes is promoted among the due appointments, by when the wait ran out', () => {
    const promoted = rankTicket(walkIn('w', 31), now, rules);
    expect(promoted).toMatchObject({ group: 'DUE', promoted: true });
    expect(rankTicket(walkIn('w', 30), now, rules)).toMatchObject({ group: 'WALK_IN', promoted: false });
    // Queued at 08:29, its wait ran out at 08:59: before the 09:05 appointment.
    expect(ids([appointment('a', 5), walkIn('w', 31), walkIn('p', 10, { priority: true })])).toEqual(['w', 'a', 'p']);
    // An appointment due earlier than the wait ran out still goes first.
    expect(ids([walkIn('w', 31), appointment('a', -5)])).toEqual(['a', 'w']);
  });

  it('priority walk-ins are promoted too, and keep arrival order among themselves', () => {
    expect(ids([walkIn('p2', 3, { priority: true }), walkIn('p1', 4, { priority: true })])).toEqual(['p1', 'p2']);
    expect(rankTicket(walkIn('p', 45, { priority: true }), now, rules).group).toBe('DUE');
  });

  it('each desk calls only for its services', () => {
    const queue = [appointment('a-cie', 0), walkIn('w-spid', 25, { serviceId: SPID }), walkIn('w-cie', 1)];
    expect(nextTicket(queue, now, rules, new Set([SPID]))?.id).toBe('w-spid');
    expect(nextTicket(queue, now, rules, new Set([CIE]))?.id).toBe('a-cie');
    expect(nextTicket(queue, now, rules, new Set(['residency']))).toBeNull();
    expect(nextTicket([], now, rules, new Set([CIE]))).toBeNull();
  });

  it('ties go to whoever queued first, then by id, so every desk computes the same order', () => {
    const same = at(-5);
    const a = walkIn('b', 0, { queuedAt: same });
    const b = walkIn('a', 0, { queuedAt: same });
    expect(ids([a, b])).toEqual(['a', 'b']);
    expect(ids([b, a])).toEqual(['a', 'b']);
    const sameStart = [appointment('x', 0, 2), appointment('y', 0, 8)];
    expect(ids(sameStart)).toEqual(['y', 'x']);
  });

  describe("a ticket's position, as the desks would call", () => {
    // C001 (a CIE walk-in) came first; S001 (SPID, priority) came after it. Desks serve both.
    const c001 = walkIn('C001', 10);
    const s001 = walkIn('S001', 2, { serviceId: SPID, priority: true });
    const both = new Set([CIE, SPID]);

    it('a priority ticket of another service sharing the desk is ahead: C001 is not next', () => {
      expect(queuePosition([c001, s001], 'C001', now, rules, [both, both])).toBe(1);
      expect(queuePosition([c001, s001], 'S001', now, rules, [both, both])).toBe(0);
      // The same answer as call-next: the desk calls S001 first.
      expect(nextTicket([c001, s001], now, rules, both)?.id).toBe('S001');
    });

    it('a desk serving only its service reaches it first: then it is next', () => {
      expect(queuePosition([c001, s001], 'C001', now, rules, [both, new Set([CIE])])).toBe(0);
    });

    it('counts only what the desks serving it would call before it', () => {
      const queue = [walkIn('w1', 20), walkIn('w2', 15), c001, s001, walkIn('r', 30, { serviceId: 'residency' })];
      expect(queuePosition(queue, 'C001', now, rules, [both])).toBe(3);
      expect(queuePosition(queue, 'r', now, rules, [both])).toBeNull();
      expect(queuePosition(queue, 'unknown', now, rules, [both])).toBeNull();
    });
  });

  it('estimates the wait from the people ahead, the average service time and the desks', () => {
    expect(estimateWaitMinutes(0, 12, 2)).toBe(0);
    expect(estimateWaitMinutes(5, 12, 2)).toBe(30);
    expect(estimateWaitMinutes(3, 10, 0)).toBeNull();
  });

  it('formats ticket numbers with at least three digits', () => {
    expect(formatTicketNumber('C', 12)).toBe('C012');
    expect(formatTicketNumber('S', 1)).toBe('S001');
    expect(formatTicketNumber('R', 1234)).toBe('R1234');
  });
});
