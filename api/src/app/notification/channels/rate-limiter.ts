/**
 * At most `limit` starts per `windowMs`, in this process (a sliding window of start times).
 * `take()` resolves when a start is allowed: callers wait their turn, in order.
 */
export class RateLimiter {
  private readonly starts: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((done) => setTimeout(done, ms)),
  ) {}

  take(): Promise<void> {
    const turn = this.queue.then(() => this.wait());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** How long the next start would wait now (0: at once). */
  delayMs(): number {
    const now = this.now();
    while (this.starts.length > 0 && this.starts[0] <= now - this.windowMs) this.starts.shift();
    return this.starts.length < this.limit ? 0 : this.starts[0] + this.windowMs - now;
  }

  private async wait(): Promise<void> {
    for (let delay = this.delayMs(); delay > 0; delay = this.delayMs()) await this.sleep(delay);
    this.starts.push(this.now());
  }
}
