import { CallAnnouncer, CallToAnnounce, spokenCall } from './announcer';

const T0 = Date.parse('2027-03-29T09:40:00+02:00');

function call(eventId: string, number: string, secondsAgo = 5, extra: Partial<CallToAnnounce> = {}): CallToAnnounce {
  return { eventId, number, deskName: 'Sportello 2', at: new Date(T0 - secondsAgo * 1000).toISOString(), recall: false, ...extra };
}

/** A player whose announcements finish when the test says so. */
function controlledPlayer() {
  const played: string[] = [];
  const finishers: Array<() => void> = [];
  let active = 0;
  let maxActive = 0;
  const play = jest.fn(
    (c: CallToAnnounce) =>
      new Promise<void>((resolve) => {
        played.push(c.number);
        active++;
        maxActive = Math.max(maxActive, active);
        finishers.push(() => {
          active--;
          resolve();
        });
      }),
  );
  return {
    play,
    played,
    get maxActive() {
      return maxActive;
    },
    /** Ends the announcement playing now and lets the queue move on. */
    async finish() {
      finishers.shift()?.();
      await new Promise((resolve) => setTimeout(resolve));
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve));

describe('CallAnnouncer', () => {
  it('speaks nothing on the first update: what is on the screen when the page opens is old news', () => {
    const player = controlledPlayer();
    const announcer = new CallAnnouncer({ play: player.play, now: () => T0 });
    expect(announcer.update([call('1', 'C001'), call('2', 'S001')], true)).toEqual({ fresh: [], queued: [] });
    expect(player.play).not.toHaveBeenCalled();
  });

  it('speaks each new call once, by event id, including a recall of the same number', async () => {
    const player = controlledPlayer();
    const announcer = new CallAnnouncer({ play: player.play, now: () => T0 });
    announcer.update([call('1', 'C001')], true);
    const first = announcer.update([call('2', 'C002'), call('1', 'C001')], true);
    expect(first.queued.map((c) => c.number)).toEqual(['C002']);
    await player.finish();
    // The same screen again: nothing new.
    expect(announcer.update([call('2', 'C002'), call('1', 'C001')], true).queued).toEqual([]);
    // A recall of C002 is a new event.
    const recall = announcer.update([call('3', 'C002', 1, { recall: true }), call('2', 'C002')], true);
    expect(recall.queued).toEqual([expect.objectContaining({ eventId: '3', recall: true })]);
    await player.finish();
    expect(player.played).toEqual(['C002', 'C002']);
  });

  it('plays calls one at a time, oldest first, even when they arrive together or during a call', async () => {
    const player = controlledPlayer();
    const announcer = new CallAnnouncer({ play: player.play, now: () => T0 });
    announcer.update([], true);
    // Two desks called in the same second; the display lists newest first.
    announcer.update([call('11', 'S004', 2), call('10', 'C007', 3)], true);
    expect(player.played).toEqual(['C007']);
    expect(announcer.pending.map((c) => c.number)).toEqual(['S004']);
    // A third call while the first is still speaking waits its turn.
    announcer.update([call('12', 'R001', 1), call('11', 'S004', 2), call('10', 'C007', 3)], true);
    expect(player.played).toEqual(['C007']);
    await player.finish();
    expect(player.played).toEqual(['C007', 'S004']);
    await player.finish();
    expect(player.played).toEqual(['C007', 'S004', 'R001']);
    await player.finish();
    await announcer.whenIdle();
    expect(player.maxActive).toBe(1);
    expect(announcer.busy).toBe(false);
  });

  it('orders calls of the same instant by their event id, numerically', async () => {
    const player = controlledPlayer();
    const announcer = new CallAnnouncer({ play: player.play, now: () => T0 });
    announcer.update([], true);
    const at = new Date(T0).toISOString();
    const { queued } = announcer.update(
      [
        { eventId: '100', number: 'C100', deskName: 'Sportello 1', at, recall: false },
        { eventId: '99', number: 'C099', deskName: 'Sportello 2', at, recall: false },
      ],
      true,
    );
    expect(queued.map((c) => c.number)).toEqual(['C099', 'C100']);
  });

  it('with audio off remembers new calls without speaking them later', async () => {
    const player = controlledPlayer();
    const announcer = new CallAnnouncer({ play: player.play, now: () => T0 });
    announcer.update([], false);
    const result = announcer.update([call('1', 'C001')], false);
    expect(result).toEqual({ fresh: [expect.objectContaining({ number: 'C001' })], queued: [] });
    announcer.update([call('1', 'C001')], true);
    await flush();
    expect(player.play).not.toHaveBeenCalled();
  });

  it('does not speak calls that are already old when first seen (e.g. after a long disconnection)', () => {
    const player = controlledPlayer();
    const announcer = new CallAnnouncer({ play: player.play, now: () => T0, maxAgeMs: 60_000 });
    announcer.update([], true);
    const result = announcer.update([call('2', 'C002', 10), call('1', 'C001', 600)], true);
    expect(result.fresh.map((c) => c.number)).toEqual(['C001', 'C002']);
    expect(result.queued.map((c) => c.number)).toEqual(['C002']);
  });

  it('keeps going after a failing player, and clear() drops what is still queued', async () => {
    const play = jest.fn().mockRejectedValueOnce(new Error('no voice')).mockResolvedValue(undefined);
    const announcer = new CallAnnouncer({ play, now: () => T0 });
    announcer.update([], true);
    announcer.update([call('1', 'C001', 3), call('2', 'C002', 2)], true);
    await announcer.whenIdle();
    expect(play).toHaveBeenCalledTimes(2);

    const player = controlledPlayer();
    const other = new CallAnnouncer({ play: player.play, now: () => T0 });
    other.update([], true);
    other.update([call('1', 'C001', 3), call('2', 'C002', 2), call('3', 'C003', 1)], true);
    other.clear();
    await player.finish();
    await other.whenIdle();
    expect(player.played).toEqual(['C001']);
  });

  it('forgets the oldest event ids beyond its memory', () => {
    const player = controlledPlayer();
    const announcer = new CallAnnouncer({ play: player.play, now: () => T0, memory: 2 });
    announcer.update([call('1', 'C001'), call('2', 'C002'), call('3', 'C003')], false);
    // Id 1 was forgotten: it counts as new again.
    expect(announcer.update([call('1', 'C001')], false).fresh).toHaveLength(1);
  });
});

describe('spokenCall', () => {
  it('spells the letter and each digit, then the desk', () => {
    expect(spokenCall({ number: 'C012', deskName: 'Sportello 2', recall: false })).toBe('Numero C 0 1 2, sportello 2');
    expect(spokenCall({ number: 'r105', deskName: 'Sportello 12', recall: false })).toBe('Numero R 1 0 5, sportello 12');
  });

  it('says when it is a recall', () => {
    expect(spokenCall({ number: 'S003', deskName: 'Sportello 3', recall: true })).toBe('Richiamo. Numero S 0 0 3, sportello 3');
  });
});
