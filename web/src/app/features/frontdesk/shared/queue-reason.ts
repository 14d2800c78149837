import type { TicketDto } from '@sportello/contracts';
import { rankTicket } from '@sportello/domain';
import type { QueueRules } from '@sportello/domain';

/**
 * Why a waiting ticket stands where it does in the calling order, in the terms of the
 * queue policy (libs/domain): the desk page shows it next to each person.
 */
export type QueueReason =
  /** An appointment whose time has come (within the tolerance). */
  | { kind: 'appointment'; start: string }
  /** A walk-in who waited longer than the maximum wait and moved up. */
  | { kind: 'promoted'; waitedMinutes: number }
  | { kind: 'priority'; waitedMinutes: number }
  | { kind: 'arrival'; waitedMinutes: number }
  /** An appointment checked in before its time: called when nobody else waits. */
  | { kind: 'early'; start: string };

const MINUTE = 60_000;

export function waitedMinutes(queuedAt: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(queuedAt).getTime()) / MINUTE));
}

export function queueReason(ticket: TicketDto, now: Date, rules: QueueRules): QueueReason {
  const ranked = rankTicket(
    {
      id: ticket.id,
      serviceId: ticket.serviceId,
      kind: ticket.kind,
      priority: ticket.priority,
      queuedAt: new Date(ticket.queuedAt),
      appointmentStart: ticket.appointmentStart ? new Date(ticket.appointmentStart) : null,
    },
    now,
    rules,
  );
  const waited = waitedMinutes(ticket.queuedAt, now);
  if (ranked.promoted) return { kind: 'promoted', waitedMinutes: waited };
  switch (ranked.group) {
    case 'DUE':
      return { kind: 'appointment', start: ticket.appointmentStart ?? ticket.queuedAt };
    case 'EARLY':
      return { kind: 'early', start: ticket.appointmentStart ?? ticket.queuedAt };
    case 'PRIORITY':
      return { kind: 'priority', waitedMinutes: waited };
    default:
      return { kind: 'arrival', waitedMinutes: waited };
  }
}
