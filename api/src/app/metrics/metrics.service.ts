import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Pool } from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { cleanError } from '../notification/notification.policy';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { MetricsRepository } from './metrics.repository';

export const BOOKING_OUTCOMES = ['booked', 'refused_full', 'refused_limit', 'challenge_failed'] as const;
export type BookingOutcome = (typeof BOOKING_OUTCOMES)[number];

/** A scrape does not wait longer than this for the database (a saturated pool is what it should report). */
const DATABASE_TIMEOUT_MS = 2000;

/**
 * The Prometheus metrics of this process: a registry of its own (not prom-client's global
 * one, so several apps in one process never share or collide), the counters other parts
 * call, and the gauges read at scrape time (the pool, and from the database the holds, the
 * queue and the outbox). With API_WORKERS > 1 each worker has its own: a scrape sees one process.
 */
@Injectable()
export class MetricsService {
  private readonly logger = new Logger('Metrics');
  readonly registry = new Registry();
  /** The gauges read from the database: in a scrape only when the database answered it. */
  private readonly fromDatabase = new Registry();
  private scraping: Promise<string> | null = null;

  private readonly httpRequests = new Counter({
    name: 'sportello_http_requests_total',
    help: 'HTTP answers by method, route template (never the URL) and status (aborted: the client left before any answer)',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: 'sportello_http_request_duration_seconds',
    help: 'Time to answer, by method and route template (event streams left out: they last as long as the client stays)',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly bookings = new Counter({
    name: 'sportello_bookings_total',
    help: 'Booking attempts by outcome: booked, refused_full (slot taken or no longer offered, at the hold or the booking), refused_limit (per person or per e-mail), challenge_failed (proof of work missing or invalid)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly listeners = new Gauge({
    name: 'sportello_event_listeners',
    help: 'Event streams (SSE of the queue screens and displays) connected to this process',
    registers: [this.registry],
  });
  private readonly databaseUp = new Gauge({
    name: 'sportello_database_up',
    help: '1 when the scrape read the holds, the queue and the outbox from the database, 0 when it could not (those gauges are then left out)',
    registers: [this.registry],
  });
  private readonly holdsLive = new Gauge({ name: 'sportello_holds_live', help: 'Holds keeping a seat now (all replicas)', registers: [this.fromDatabase] });
  private readonly queueWaiting = new Gauge({
    name: 'sportello_queue_waiting',
    help: 'People waiting in the queue today, per office and service code',
    labelNames: ['office', 'service'] as const,
    registers: [this.fromDatabase],
  });
  private readonly queueLongestWait = new Gauge({
    name: 'sportello_queue_longest_wait_seconds',
    help: 'How long the first person waiting today has waited, per office and service code (0 with nobody waiting)',
    labelNames: ['office', 'service'] as const,
    registers: [this.fromDatabase],
  });
  private readonly outboxPending = new Gauge({
    name: 'sportello_outbox_pending',
    help: 'Messages due and not sent yet, per channel',
    labelNames: ['channel'] as const,
    registers: [this.fromDatabase],
  });
  private readonly outboxScheduled = new Gauge({
    name: 'sportello_outbox_scheduled',
    help: 'Messages waiting for their time (reminders), per channel',
    labelNames: ['channel'] as const,
    registers: [this.fromDatabase],
  });
  private readonly outboxFailed = new Gauge({
    name: 'sportello_outbox_failed',
    help: 'Messages given up after MAIL_MAX_ATTEMPTS, per channel',
    labelNames: ['channel'] as const,
    registers: [this.fromDatabase],
  });
  private readonly outboxOldest = new Gauge({
    name: 'sportello_outbox_oldest_pending_age_seconds',
    help: 'Seconds since the oldest unsent message fell due, per channel (0 without one): the outbox lag',
    labelNames: ['channel'] as const,
    registers: [this.fromDatabase],
  });
  private readonly poolInUse = new Gauge({
    name: 'sportello_db_pool_in_use',
    help: "Connections of this process's pool running a query or a transaction",
    registers: [this.registry],
  });
  private readonly poolWaiting = new Gauge({
    name: 'sportello_db_pool_waiting',
    help: 'Queries of this process waiting for a free connection',
    registers: [this.registry],
  });
  private readonly poolMax = new Gauge({ name: 'sportello_db_pool_max', help: "Size of this process's pool (DB_POOL_SIZE)", registers: [this.registry] });

  constructor(
    private readonly repository: MetricsRepository,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Every outcome from the first scrape, so that rate() and increase() see the first event.
    for (const outcome of BOOKING_OUTCOMES) this.bookings.inc({ outcome }, 0);
    this.poolMax.set(config.databasePoolSize);
    // Process metrics under their usual names (process_*, nodejs_*), which Node.js dashboards
    // expect; only while the endpoint is on (they watch the event loop and the collector).
    if (config.metricsToken) collectDefaultMetrics({ register: this.registry });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /**
   * An HTTP answer, once its connection is done with it. The route is the template Fastify
   * matched; the status null when the client left before any answer (counted as "aborted").
   */
  httpAnswered(method: string, route: string, status: number | null, seconds: number, stream: boolean): void {
    const label = routeLabel(route);
    this.httpRequests.inc({ method, route: label, status: status === null ? 'aborted' : String(status) });
    if (!stream) this.httpDuration.observe({ method, route: label }, seconds);
  }

  booking(outcome: BookingOutcome): void {
    this.bookings.inc({ outcome });
  }

  listenerOpened(): void {
    this.listeners.inc();
  }

  listenerClosed(): void {
    this.listeners.dec();
  }

  /** `Authorization: Bearer <METRICS_TOKEN>`, compared in constant time. */
  authorized(header: string | undefined): boolean {
    const expected = this.config.metricsToken;
    const given = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
    if (!expected || !given) return false;
    // Equal-length digests: the comparison takes the same time whatever the token's length.
    return timingSafeEqual(digest(given), digest(expected));
  }

  /** The exposition text, with the scrape-time gauges read now; scrapes at the same time share one reading. */
  render(): Promise<string> {
    this.scraping ??= this.scrape().finally(() => (this.scraping = null));
    return this.scraping;
  }

  private async scrape(): Promise<string> {
    this.readPool();
    const answered = await this.readDatabase();
    return (answered ? Registry.merge([this.registry, this.fromDatabase]) : this.registry).metrics();
  }

  private readPool(): void {
    // The pg Pool behind TypeORM (PostgresDriver.master, typed `any` there).
    const pool = (this.db.driver as unknown as { master?: Pool }).master;
    this.poolInUse.set(pool ? pool.totalCount - pool.idleCount : 0);
    this.poolWaiting.set(pool ? pool.waitingCount : 0);
  }

  private async readDatabase(): Promise<boolean> {
    // Series of services or offices gone since the last scrape go too.
    this.fromDatabase.resetMetrics();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>(
      (_resolve, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_TIMEOUT_MS} ms`)), DATABASE_TIMEOUT_MS)),
    );
    try {
      const reading = Promise.all([this.repository.queue(), this.repository.holdsAndOutbox()]);
      // Too late for this scrape is no error.
      reading.catch(() => undefined);
      const [queue, { holdsLive, outbox }] = await Promise.race([reading, timeout]);
      this.holdsLive.set(holdsLive);
      for (const row of queue) {
        this.queueWaiting.set({ office: row.office, service: row.service }, row.waiting);
        this.queueLongestWait.set({ office: row.office, service: row.service }, row.longestWaitSeconds);
      }
      for (const row of outbox) {
        this.outboxPending.set({ channel: row.channel }, row.pending);
        this.outboxScheduled.set({ channel: row.channel }, row.scheduled);
        this.outboxFailed.set({ channel: row.channel }, row.failed);
        this.outboxOldest.set({ channel: row.channel }, row.oldestPendingSeconds);
      }
      this.databaseUp.set(1);
      return true;
    } catch (error) {
      this.logger.warn(`the database figures are left out of this scrape (${cleanError(error)})`);
      this.databaseUp.set(0);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Marks a request answered with an event stream: it lasts as long as the client stays, so it stays out of the latency histogram. */
const EVENT_STREAM = Symbol('sportello.eventStream');
type Marked = IncomingMessage & { [EVENT_STREAM]?: true };
export const markEventStream = (req: IncomingMessage): void => void ((req as Marked)[EVENT_STREAM] = true);
export const isEventStream = (req: IncomingMessage): boolean => (req as Marked)[EVENT_STREAM] === true;

/** Routes of the web app's files (one per built file, names change with each build) count as one. */
function routeLabel(route: string): string {
  return route.startsWith('/api') || route.startsWith('(') ? route : '(web app)';
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
