import { demoHistory, PUBLISHED_TOTALS } from './demo-history';

describe('demo history', () => {
  const rows = demoHistory();
  const total = (metric: string, upTo = '9999-12') => rows.filter((r) => r.metric === metric && r.month <= upTo).reduce((a, r) => a + r.value, 0);

  it('adds up exactly to the published figures', () => {
    expect(total('appointments_attended')).toBe(11_750);
    expect(total('walk_ins')).toBe(1_605);
    expect(total('appointments_attended') + total('walk_ins')).toBe(13_355);
    expect(total('cie_issued', '2023-12')).toBe(7_541);
    expect(total('spid_issued', '2023-12')).toBe(3_259);
    expect(total('residency_online', '2023-12')).toBe(1_743);
    expect(total('residency_desk', '2023-12')).toBe(972);
    expect(total('phone_calls')).toBe(36_000);
  });

  it('covers the mandate June 2019 – May 2024; CIE, SPID and residency to the end of 2023', () => {
    const months = (metric: string) => rows.filter((r) => r.metric === metric).map((r) => r.month);
    expect(months('walk_ins')).toHaveLength(60);
    expect(months('walk_ins')[0]).toBe('2019-06');
    expect(months('walk_ins').at(-1)).toBe('2024-05');
    expect(months('cie_issued')).toHaveLength(55);
    expect(months('cie_issued').at(-1)).toBe('2023-12');
    for (const { metric, total: t } of PUBLISHED_TOTALS) expect(total(metric)).toBe(t);
  });

  it('is plausible: mostly walk-ins before 2020 and by appointment after, online residency only from the 2020 lockdown', () => {
    const share = (from: string, to: string) => {
      const inRange = (metric: string) => rows.filter((r) => r.metric === metric && r.month >= from && r.month <= to).reduce((a, r) => a + r.value, 0);
      return inRange('appointments_attended') / (inRange('appointments_attended') + inRange('walk_ins'));
    };
    expect(share('2019-06', '2020-02')).toBeLessThan(0.5);
    expect(share('2021-01', '2024-05')).toBeGreaterThan(0.9);
    expect(rows.filter((r) => r.metric === 'residency_online' && r.month < '2020-03').every((r) => r.value === 0)).toBe(true);
    expect(rows.every((r) => Number.isInteger(r.value) && r.value >= 0)).toBe(true);
    const busiest = (metric: string) => rows.filter((r) => r.metric === metric).reduce((a, r) => (r.value > a.value ? r : a)).month;
    expect(busiest('spid_issued').startsWith('2020')).toBe(true);
  });
});
