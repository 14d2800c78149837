import { generateSlots } from './slots';
import type { CalendarRules, Closure, DateRange } from './types';

/** Closures that take every slot of a range away: booking is suspended. */
export interface ClosureSuspension<C extends Closure> {
  /** The closure over the first time the opening hours would give (its reason is the one to tell). */
  closure: C;
  /** ISO instant: the latest end of the closures that take the range's slots (exclusive). */
  until: string;
}

/**
 * Whether the closures alone leave a service with no time at all in `range` (its booking
 * horizon): the opening hours give slots, the closures take every one. Null when some
 * slot is left, or when there is none even without closures (no hours: not a closure's doing).
 */
export function closureSuspension<C extends Closure>(
  rules: Omit<CalendarRules, 'closures'>,
  closures: readonly C[],
  range: DateRange,
  now: Date,
): ClosureSuspension<C> | null {
  const open = generateSlots({ ...rules, closures: [] }, range, now);
  const firstOpen = open[0];
  if (!firstOpen || generateSlots({ ...rules, closures: [...closures] }, range, now).length > 0) return null;
  const overlaps = (c: C, start: number, end: number) => Date.parse(c.start) < end && start < Date.parse(c.end);
  const first = { start: Date.parse(firstOpen.start), end: Date.parse(firstOpen.end) };
  const closure = closures.find((c) => overlaps(c, first.start, first.end));
  if (!closure) return null;
  let until = closure;
  for (const c of closures) {
    if (Date.parse(c.end) > Date.parse(until.end) && open.some((s) => overlaps(c, Date.parse(s.start), Date.parse(s.end)))) until = c;
  }
  return { closure, until: until.end };
}
