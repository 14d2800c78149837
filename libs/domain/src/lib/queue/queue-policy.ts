/**
 * Who is called next. Pure: the api feeds it the waiting tickets, the desk and "now".
 *
 * The rule, as the waiting room reads it:
 *  1. people with an appointment, checked in, whose time has come (from `toleranceMinutes`
 *     before it), by appointment time — together with anyone without an appointment who has
 *     waited more than `maxWaitMinutes`, counted from when that wait ran out;
 *  2. people entitled to priority access, in arrival order;
 *  3. everyone else without an appointment, in arrival order;
 *  4. people with an appointment who came early, by appointment time (rather than an idle desk).
 * Each desk calls only for the services assigned to it. Ties go to whoever arrived first.
 */

export type QueueTicketKind = 'APPOINTMENT' | 'WALK_IN';

export interface WaitingTicket {
  id: string;
  serviceId: string;
  kind: QueueTicketKind;
  /** Priority access (walk-ins; appointments already have a time). */
  priority: boolean;
  /** When the person joined the queue: ticket issued or appointment checked in. */
  queuedAt: Date;
  /** The appointment's start; null for walk-ins. */
  appointmentStart: Date | null;
}

export interface QueueRules {
  /** An appointment counts as due from this many minutes before its start. */
  toleranceMinutes: number;
  /** A walk-in waiting longer than this is promoted to the first group. */
  maxWaitMinutes: number;
}

export type QueueGroup = 'DUE' | 'PRIORITY' | 'WALK_IN' | 'EARLY';

export interface RankedTicket<T extends WaitingTicket = WaitingTicket> {
  ticket: T;
  group: QueueGroup;
  /** Within the group, lower goes first (ms since epoch). */
  key: number;
  /** A walk-in moved up because it waited longer than maxWaitMinutes. */
  promoted: boolean;
}

const GROUP_ORDER: Record<QueueGroup, number> = { DUE: 0, PRIORITY: 1, WALK_IN: 2, EARLY: 3 };
const MINUTE = 60_000;

export function rankTicket<T extends WaitingTicket>(ticket: T, now: Date, rules: QueueRules): RankedTicket<T> {
  const t = now.getTime();
  if (ticket.kind === 'APPOINTMENT' && ticket.appointmentStart) {
    const start = ticket.appointmentStart.getTime();
    const due = start - rules.toleranceMinutes * MINUTE <= t;
    return { ticket, group: due ? 'DUE' : 'EARLY', key: start, promoted: false };
  }
  const waitRunsOut = ticket.queuedAt.getTime() + rules.maxWaitMinutes * MINUTE;
  if (waitRunsOut < t) return { ticket, group: 'DUE', key: waitRunsOut, promoted: true };
  return { ticket, group: ticket.priority ? 'PRIORITY' : 'WALK_IN', key: ticket.queuedAt.getTime(), promoted: false };
}

function compare(a: RankedTicket, b: RankedTicket): number {
  return (
    GROUP_ORDER[a.group] - GROUP_ORDER[b.group] ||
    a.key - b.key ||
    a.ticket.queuedAt.getTime() - b.ticket.queuedAt.getTime() ||
    (a.ticket.id < b.ticket.id ? -1 : a.ticket.id > b.ticket.id ? 1 : 0)
  );
}

/** The whole queue in calling order (optionally only the services a desk serves). */
export function orderQueue<T extends WaitingTicket>(tickets: readonly T[], now: Date, rules: QueueRules, serviceIds?: ReadonlySet<string>): RankedTicket<T>[] {
  return tickets
    .filter((ticket) => !serviceIds || serviceIds.has(ticket.serviceId))
    .map((ticket) => rankTicket(ticket, now, rules))
    .sort(compare);
}

/** The ticket a desk serving `serviceIds` calls now; null when nobody waits for them. */
export function nextTicket<T extends WaitingTicket>(tickets: readonly T[], now: Date, rules: QueueRules, serviceIds: ReadonlySet<string>): T | null {
  return orderQueue(tickets, now, rules, serviceIds)[0]?.ticket ?? null;
}

/**
 * Estimated wait in whole minutes for someone with `ahead` people before them in a service
 * served by `desks` desks at `averageServiceMinutes` each. Null when no desk serves it.
 */
export function estimateWaitMinutes(ahead: number, averageServiceMinutes: number, desks: number): number | null {
  if (desks <= 0) return null;
  return Math.round((ahead * averageServiceMinutes) / desks);
}

/** `C` + 12 → `C012`: the number as called and printed (three digits, more when needed). */
export function formatTicketNumber(prefix: string, sequence: number): string {
  return `${prefix}${String(sequence).padStart(3, '0')}`;
}

/**
 * How many people the desks call before `ticketId`, by the very rule they call with
 * (`orderQueue` per desk, as call-next does): for each desk serving the ticket's service,
 * the tickets that desk would call first; the fewest over those desks, since whichever
 * desk reaches it first calls it. 0 means a desk calls it next ("Sei il prossimo"). A
 * walk-in of another service with priority is ahead when it shares the desk. Null when
 * the ticket is not waiting or no desk serves its service.
 */
export function queuePosition<T extends WaitingTicket>(
  tickets: readonly T[],
  ticketId: string,
  now: Date,
  rules: QueueRules,
  deskServices: ReadonlyArray<ReadonlySet<string>>,
): number | null {
  const ticket = tickets.find((t) => t.id === ticketId);
  if (!ticket) return null;
  const positions = deskServices
    .filter((services) => services.has(ticket.serviceId))
    .map((services) => orderQueue(tickets, now, rules, services).findIndex((r) => r.ticket.id === ticketId));
  return positions.length ? Math.min(...positions) : null;
}
