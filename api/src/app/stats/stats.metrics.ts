import type { StatsCountsDto, StatsMetric } from '@sportello/contracts';

/**
 * Which completed tickets count for the figures published by outcome. A ticket completed
 * (`DONE`) with one of these outcome codes — whatever its service — counts once for the
 * metric. The demo services use exactly these codes (CIE, SPID, RESIDENZA); a comune that
 * adds services with other codes extends this table.
 */
export const OUTCOME_METRICS = {
  cie_issued: ['CIE_REQUEST_TAKEN'],
  spid_issued: ['SPID_RECOGNISED'],
  residency_desk: ['RESIDENCY_RECEIVED'],
} as const satisfies Partial<Record<StatsMetric, readonly string[]>>;

/** The member of the summary (and of `StatsCountsDto`) for each metric. */
export const METRIC_FIELDS: Record<StatsMetric, Exclude<keyof StatsCountsDto, 'receptionsTotal'>> = {
  appointments_attended: 'appointmentsAttended',
  walk_ins: 'walkIns',
  phone_calls: 'phoneCalls',
  residency_online: 'residencyOnline',
  residency_desk: 'residencyDesk',
  cie_issued: 'cieIssued',
  spid_issued: 'spidIssued',
};

/** Labels of the monthly figures where they appear as rows (outcomes table, CSV). */
export const METRIC_LABELS: Record<StatsMetric, { it: string; en: string }> = {
  appointments_attended: { it: 'Ricevimenti con appuntamento', en: 'Receptions by appointment' },
  walk_ins: { it: 'Ricevimenti senza appuntamento', en: 'Walk-in receptions' },
  phone_calls: { it: 'Telefonate', en: 'Phone calls' },
  residency_online: { it: 'Pratiche di residenza online', en: 'Residency applications online' },
  residency_desk: { it: 'Pratiche di residenza allo sportello', en: 'Residency applications at the desk' },
  cie_issued: { it: 'CIE rilasciate', en: 'CIE issued' },
  spid_issued: { it: 'SPID rilasciati', en: 'SPID issued' },
};

export function emptyCounts(): StatsCountsDto {
  return { appointmentsAttended: 0, walkIns: 0, receptionsTotal: 0, phoneCalls: 0, residencyOnline: 0, residencyDesk: 0, cieIssued: 0, spidIssued: 0 };
}

export function addCounts(a: StatsCountsDto, b: StatsCountsDto): StatsCountsDto {
  const sum = emptyCounts();
  for (const key of Object.keys(sum) as Array<keyof StatsCountsDto>) sum[key] = a[key] + b[key];
  return sum;
}
