import { RateLimiter } from './rate-limiter';

describe('RateLimiter (IO_MAX_PER_5S)', () => {
  it('lets `limit` starts through per window, then waits until the oldest leaves the window', async () => {
    let now = 0;
    const slept: number[] = [];
    const limiter = new RateLimiter(
      3,
      5000,
      () => now,
      async (ms) => {
        slept.push(ms);
        now += ms;
      },
    );
    const started: number[] = [];
    await Promise.all(Array.from({ length: 7 }, () => limiter.take().then(() => started.push(now))));
    expect(started).toEqual([0, 0, 0, 5000, 5000, 5000, 10000]);
    expect(slept).toEqual([5000, 5000]);
  });
});
