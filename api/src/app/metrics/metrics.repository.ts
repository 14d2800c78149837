import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';

export interface QueueRow {
  office: string;
  service: string;
  waiting: number;
  longestWaitSeconds: number;
}

export interface OutboxRow {
  channel: string;
  /** Due now and not sent yet: the backlog the outbox worker is behind on. */
  pending: number;
  /** Pending but due later (reminders). */
  scheduled: number;
  failed: number;
  /** Seconds since the oldest pending message fell due (0 without one). */
  oldestPendingSeconds: number;
}

/** A scrape's queries give up after this long. */
const QUERY_TIMEOUT_MS = 2000;

/**
 * The scrape-time figures read from the database: holds, the queue, the outbox (global
 * across replicas). On a connection of their own, opened at the first scrape and closed when
 * idle: a scrape never waits for, or takes, a connection of the api's pool, so a saturated
 * pool is reported, not made worse.
 */
@Injectable()
export class MetricsRepository implements OnApplicationShutdown {
  private pool: Pool | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.end().catch(() => undefined);
  }

  private get db(): Pool {
    this.pool ??= new Pool({
      connectionString: this.config.databaseUrl,
      application_name: 'sportello-metrics',
      max: 1,
      // Longer than a scrape interval (Prometheus: 15 s to 1 min), so it stays open between scrapes.
      idleTimeoutMillis: 120_000,
      connectionTimeoutMillis: QUERY_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
    });
    // An idle connection that breaks (PostgreSQL restarted) is dropped; the next scrape opens another.
    this.pool.on('error', () => undefined);
    return this.pool;
  }

  /**
   * Everyone waiting today per office and service (services that are active or still have
   * someone waiting), and how long the first of them has waited. "Today" is each office's
   * local day, as on the staff home.
   */
  async queue(): Promise<QueueRow[]> {
    const { rows } = await this.db.query<{ office: string; service: string; waiting: number; longest: number }>(
      `SELECT o.code AS office, s.code AS service, count(t.id)::int AS waiting,
              COALESCE(EXTRACT(EPOCH FROM now() - min(t.queued_at)), 0)::float8 AS longest
         FROM service s
         JOIN office o ON o.id = s.office_id
         LEFT JOIN ticket t ON t.office_id = s.office_id AND t.service_id = s.id AND t.status = 'WAITING'
                           AND t.day = (now() AT TIME ZONE o.time_zone)::date
        WHERE s.active OR t.id IS NOT NULL
        GROUP BY o.code, s.code`,
    );
    return rows.map((r) => ({ office: r.office, service: r.service, waiting: r.waiting, longestWaitSeconds: Math.max(0, r.longest) }));
  }

  /** Holds keeping a seat now, and the e-mail outbox (the only channel so far). */
  async holdsAndOutbox(): Promise<{ holdsLive: number; outbox: OutboxRow[] }> {
    const { rows } = await this.db.query<{ holds: number; pending: number; scheduled: number; failed: number; oldest: number }>(
      `SELECT (SELECT count(*)::int FROM hold h
                 JOIN slot_seat s ON s.claim_kind = 'HOLD' AND s.claim_id = h.id
                WHERE h.expires_at > now() AND s.claim_expires_at > now()) AS holds,
              count(*) FILTER (WHERE n.status = 'PENDING' AND n.due_at <= now())::int AS pending,
              count(*) FILTER (WHERE n.status = 'PENDING' AND n.due_at > now())::int AS scheduled,
              count(*) FILTER (WHERE n.status = 'FAILED')::int AS failed,
              COALESCE(EXTRACT(EPOCH FROM now() - min(n.due_at) FILTER (WHERE n.status = 'PENDING' AND n.due_at <= now())), 0)::float8 AS oldest
         FROM notification n
        WHERE n.status IN ('PENDING', 'FAILED')`,
    );
    const row = rows[0];
    return {
      holdsLive: row.holds,
      outbox: [{ channel: 'email', pending: row.pending, scheduled: row.scheduled, failed: row.failed, oldestPendingSeconds: Math.max(0, row.oldest) }],
    };
  }
}
