import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';
import { cleanError } from '../notification/notification.policy';

/**
 * A job every api instance runs every few seconds (the outbox, the release of unconfirmed
 * appointments). The work itself must be safe on several instances at once (rows claimed
 * with FOR UPDATE SKIP LOCKED); this base gives the rest: one interval registered with the
 * scheduler, a run never doubled (a run in progress is joined), a failed run logged and
 * retried at the next tick, and at shutdown no new run while the current one finishes.
 */
export abstract class PollingJob<Result> implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly logger: Logger;
  /** True from shutdown on: long runs check it between batches. */
  protected stopped = false;
  private running: Promise<Result> | null = null;

  protected constructor(
    /** The interval's name in the scheduler and in the log line of a failed run. */
    private readonly intervalName: string,
    private readonly scheduler: SchedulerRegistry,
    private readonly everySeconds: number,
  ) {}

  /** One run of the work. */
  protected abstract run(): Promise<Result>;

  onApplicationBootstrap(): void {
    const handle = setInterval(() => void this.tick(), this.everySeconds * 1000);
    this.scheduler.addInterval(this.intervalName, handle);
  }

  /** Stops polling and lets the run in progress finish, so nothing is left half-done. */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.scheduler.doesExist('interval', this.intervalName)) this.scheduler.deleteInterval(this.intervalName);
    await this.running?.catch(() => undefined);
  }

  /** One run now; a run already in progress is joined, not doubled. */
  runOnce(): Promise<Result> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.runOnce();
    } catch (error) {
      this.logger.error(`${this.intervalName} run failed: ${cleanError(error)}`);
    }
  }
}
