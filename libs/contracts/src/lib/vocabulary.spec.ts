import {
  AGENDA_STATUSES,
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  ERROR_CODES,
  MANUAL_METRICS,
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  NOTIFICATION_CHANNELS,
  RECORDED_METRICS,
  STAFF_ROLES,
  STATS_METRICS,
  TICKET_EVENT_TYPES,
  TICKET_STATUSES,
} from '../index';

describe('the shared vocabulary', () => {
  it.each([
    ['ERROR_CODES', ERROR_CODES],
    ['STAFF_ROLES', STAFF_ROLES],
    ['TICKET_STATUSES', TICKET_STATUSES],
    ['TICKET_EVENT_TYPES', TICKET_EVENT_TYPES],
    ['AGENDA_STATUSES', AGENDA_STATUSES],
    ['AUDIT_ACTIONS', AUDIT_ACTIONS],
    ['AUDIT_ENTITIES', AUDIT_ENTITIES],
    ['STATS_METRICS', STATS_METRICS],
    ['NOTIFICATION_KINDS', NOTIFICATION_KINDS],
    ['NOTIFICATION_STATUSES', NOTIFICATION_STATUSES],
    ['NOTIFICATION_CHANNELS', NOTIFICATION_CHANNELS],
  ] as Array<[string, readonly string[]]>)('%s lists each value once, in upper snake case or lower snake case', (_name, values) => {
    expect(new Set(values).size).toBe(values.length);
    for (const value of values) expect(value).toMatch(/^([A-Z][A-Z0-9_]*|[a-z][a-z0-9_]*)$/);
  });

  it('every statistics metric is either recorded by the front desk or entered by hand, never both', () => {
    const recorded = new Set<string>(RECORDED_METRICS);
    expect(MANUAL_METRICS.filter((m) => recorded.has(m))).toEqual([]);
    expect([...RECORDED_METRICS, ...MANUAL_METRICS].sort()).toEqual([...STATS_METRICS].sort());
  });
});
