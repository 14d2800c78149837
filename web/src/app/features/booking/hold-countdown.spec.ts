import { countdownMilestone, formatCountdown, secondsLeft } from './hold-countdown';

describe('hold countdown', () => {
  const expiresAt = '2027-03-20T09:10:00.000Z';
  const at = (iso: string) => new Date(iso);

  it('counts whole seconds up to the expiry, never below zero', () => {
    expect(secondsLeft(expiresAt, at('2027-03-20T09:00:00.000Z'))).toBe(600);
    expect(secondsLeft(expiresAt, at('2027-03-20T09:09:59.200Z'))).toBe(1);
    expect(secondsLeft(expiresAt, at('2027-03-20T09:10:00.000Z'))).toBe(0);
    expect(secondsLeft(expiresAt, at('2027-03-20T09:11:00.000Z'))).toBe(0);
  });

  it('shows mm:ss', () => {
    expect(formatCountdown(600)).toBe('10:00');
    expect(formatCountdown(299)).toBe('04:59');
    expect(formatCountdown(5)).toBe('00:05');
    expect(formatCountdown(0)).toBe('00:00');
  });

  it('changes milestone only at 5, 2 and 1 minutes, 30 seconds and at the end', () => {
    const milestones = new Set<number | null>();
    const changes: [number, number | null][] = [];
    let previous: number | null | undefined;
    for (let seconds = 600; seconds >= 0; seconds--) {
      const milestone = countdownMilestone(seconds);
      milestones.add(milestone);
      if (milestone !== previous) changes.push([seconds, milestone]);
      previous = milestone;
    }
    expect(changes).toEqual([
      [600, null],
      [300, 300],
      [120, 120],
      [60, 60],
      [30, 30],
      [0, 0],
    ]);
  });
});
