import type { StatsMetric } from '@sportello/contracts';
import { addMonths, distributeTotal } from '@sportello/domain';
import { DataSource } from 'typeorm';
import { demoRepository } from './demo.repository';

const DEMO_OFFICE_CODE = 'URP-CALDERARA';

/** The administration's mandate in the demo: June 2019 – May 2024. */
export const DEMO_MANDATE = { from: '2019-06-01', to: '2024-05-31' } as const;

/**
 * The figures the Comune di Calderara di Reno published for the URP (see
 * `shared/seed`), with the months they cover: receptions and phone calls over the whole
 * mandate, CIE, SPID and residency changes "al 31 dicembre 2023". Phone calls: "quasi
 * 36.000", loaded as 36,000.
 */
export const PUBLISHED_TOTALS: ReadonlyArray<{ metric: StatsMetric; total: number; lastMonth: string }> = [
  { metric: 'appointments_attended', total: 11_750, lastMonth: '2024-05' },
  { metric: 'walk_ins', total: 1_605, lastMonth: '2024-05' },
  { metric: 'phone_calls', total: 36_000, lastMonth: '2024-05' },
  { metric: 'cie_issued', total: 7_541, lastMonth: '2023-12' },
  { metric: 'spid_issued', total: 3_259, lastMonth: '2023-12' },
  { metric: 'residency_online', total: 1_743, lastMonth: '2023-12' },
  { metric: 'residency_desk', total: 972, lastMonth: '2023-12' },
];

/** Activity through the year: August and Christmas are quiet, autumn is busy. */
const SEASON = [1.0, 1.0, 1.05, 0.95, 1.0, 0.95, 0.85, 0.45, 1.0, 1.1, 1.05, 0.8];

/**
 * Relative weight of a month for a metric, from what the published account tells: from
 * 2020 the URP received mostly by appointment (before, mostly without); the lockdown of
 * March–April 2020 nearly closed the desk and moved residency applications online (by
 * e-mail; ANPR from 2023); digital identities surged in 2020; a new switchboard came in
 * November 2020 for the growing phone traffic.
 */
function weight(metric: StatsMetric, month: string): number {
  const season = SEASON[Number(month.slice(5, 7)) - 1];
  const before = month < '2020-03';
  const lockdown = month === '2020-03' || month === '2020-04';
  const year = Number(month.slice(0, 4));
  switch (metric) {
    case 'appointments_attended':
      if (before) return 0.35 * season;
      if (lockdown) return month === '2020-03' ? 0.3 : 0.1;
      if (month === '2020-05') return 0.8;
      // Receptions follow the documents issued: the 2020 surge, then steady.
      return ({ 2020: 1.4, 2021: 1.1 }[year] ?? 1) * season;
    case 'walk_ins':
      if (before) return 5 * season;
      if (lockdown) return month === '2020-03' ? 1.2 : 0;
      if (month === '2020-05') return 0.2;
      return 0.4 * season;
    case 'phone_calls':
      if (lockdown || month === '2020-05') return 1.5;
      return (month >= '2020-11' ? 1.15 : 0.85) * season;
    case 'cie_issued':
      if (lockdown) return 0.05;
      if (month === '2020-05') return 0.6;
      return ({ 2019: 0.8, 2020: 1.35, 2021: 1.1, 2022: 1.0, 2023: 1.0 }[year] ?? 1) * season;
    case 'spid_issued':
      if (month === '2020-03') return 0.5;
      if (month === '2020-04') return 0.2;
      return ({ 2019: 0.15, 2020: 2.2, 2021: 1.4, 2022: 0.8, 2023: 0.5 }[year] ?? 1) * season;
    case 'residency_desk':
      if (lockdown) return 0.1;
      return ({ 2019: 1.6, 2020: 0.9, 2021: 0.8, 2022: 0.75, 2023: 0.6 }[year] ?? 1) * season;
    case 'residency_online':
      if (before) return 0;
      return ({ 2020: 1.0, 2021: 1.1, 2022: 1.1, 2023: 1.45 }[year] ?? 1) * season;
  }
}

/**
 * The demo's monthly history: each published total spread over its months in proportion
 * to the weights, with integer values that add up to the total exactly (largest
 * remainder).
 */
export function demoHistory(): Array<{ month: string; metric: StatsMetric; value: number }> {
  const rows: Array<{ month: string; metric: StatsMetric; value: number }> = [];
  const first = DEMO_MANDATE.from.slice(0, 7);
  for (const { metric, total, lastMonth } of PUBLISHED_TOTALS) {
    const months: string[] = [];
    for (let m = first; m <= lastMonth; m = addMonths(m, 1)) months.push(m);
    const values = distributeTotal(
      total,
      months.map((m) => weight(metric, m)),
    );
    months.forEach((month, i) => rows.push({ month, metric, value: values[i] }));
  }
  return rows;
}

/**
 * Loads the demo history into the demo office, and sets its mandate, once: nothing
 * happens when the office is missing or already has monthly figures. Demo mode only.
 */
export async function seedDemoHistory(db: DataSource): Promise<boolean> {
  return db.transaction(async (tx) => {
    const officeId = await demoRepository.officeIdByCode(tx, DEMO_OFFICE_CODE);
    if (officeId === null) return false;
    if ((await demoRepository.countMonthlyFigures(tx, officeId)) > 0) return false;
    await demoRepository.setMandateIfUnset(tx, officeId, DEMO_MANDATE);
    await demoRepository.insertImportedFigures(
      tx,
      officeId,
      demoHistory().filter((r) => r.value > 0),
    );
    return true;
  });
}
