import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import type { MetricsRepository, OutboxRow, QueueRow } from './metrics.repository';
import { MetricsService } from './metrics.service';

const TOKEN = 'a'.repeat(40);

/** A repository answering these figures, or failing. */
function repository(answer: { queue: QueueRow[]; holdsLive: number; outbox: OutboxRow[] } | Error): MetricsRepository {
  const reply = <T>(value: T) => (answer instanceof Error ? Promise.reject(answer) : Promise.resolve(value));
  return {
    queue: () => reply(answer instanceof Error ? [] : answer.queue),
    holdsAndOutbox: () => reply(answer instanceof Error ? { holdsLive: 0, outbox: [] } : { holdsLive: answer.holdsLive, outbox: answer.outbox }),
  } as unknown as MetricsRepository;
}

function service(repo: MetricsRepository, pool = { totalCount: 5, idleCount: 2, waitingCount: 4 }): MetricsService {
  const db = { driver: { master: pool } } as unknown as DataSource;
  // No token: no process metrics (they would watch this test process's event loop).
  return new MetricsService(repo, db, { metricsToken: null, databasePoolSize: 7 } as AppConfig);
}

const figures = {
  queue: [{ office: 'URP', service: 'CIE', waiting: 3, longestWaitSeconds: 754.5 }],
  holdsLive: 2,
  outbox: [{ channel: 'email', pending: 1, scheduled: 9, failed: 4, oldestPendingSeconds: 61 }],
};

describe('MetricsService', () => {
  it('accepts only "Bearer <METRICS_TOKEN>"', () => {
    const metrics = new MetricsService(repository(figures), {} as DataSource, { metricsToken: TOKEN, databasePoolSize: 1 } as AppConfig);
    expect(metrics.authorized(`Bearer ${TOKEN}`)).toBe(true);
    for (const header of [undefined, '', TOKEN, `bearer ${TOKEN}`, `Bearer ${TOKEN} `, `Bearer ${TOKEN}b`, `Bearer ${TOKEN.slice(1)}`, `Basic ${TOKEN}`])
      expect([header, metrics.authorized(header)]).toEqual([header, false]);
    // Off (no token): nothing is accepted.
    expect(service(repository(figures)).authorized('Bearer ')).toBe(false);
    expect(service(repository(figures)).authorized('Bearer null')).toBe(false);
  });

  it('reads the pool and the database figures at scrape time', async () => {
    const text = await service(repository(figures)).render();
    for (const line of [
      'sportello_db_pool_in_use 3',
      'sportello_db_pool_waiting 4',
      'sportello_db_pool_max 7',
      'sportello_database_up 1',
      'sportello_holds_live 2',
      'sportello_queue_waiting{office="URP",service="CIE"} 3',
      'sportello_queue_longest_wait_seconds{office="URP",service="CIE"} 754.5',
      'sportello_outbox_pending{channel="email"} 1',
      'sportello_outbox_scheduled{channel="email"} 9',
      'sportello_outbox_failed{channel="email"} 4',
      'sportello_outbox_oldest_pending_age_seconds{channel="email"} 61',
      'sportello_bookings_total{outcome="challenge_failed"} 0',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
  });

  it('leaves the database figures out, and says so, when the database does not answer', async () => {
    const text = await service(repository(new Error('connect ECONNREFUSED'))).render();
    expect(text).toContain('sportello_database_up 0');
    expect(text).toContain('sportello_db_pool_in_use 3');
    expect(text).not.toContain('sportello_holds_live');
    expect(text).not.toContain('sportello_outbox_pending');
  });

  it('does not wait more than two seconds for the database', async () => {
    jest.useFakeTimers();
    try {
      const never = { queue: () => new Promise(() => undefined), holdsAndOutbox: () => new Promise(() => undefined) } as unknown as MetricsRepository;
      const scrape = service(never).render();
      await jest.advanceTimersByTimeAsync(2000);
      expect(await scrape).toContain('sportello_database_up 0');
    } finally {
      jest.useRealTimers();
    }
  });

  it('drops the series of a service that is gone', async () => {
    let queue: QueueRow[] = figures.queue;
    const repo = { queue: async () => queue, holdsAndOutbox: async () => ({ holdsLive: 0, outbox: [] }) } as unknown as MetricsRepository;
    const metrics = service(repo);
    expect(await metrics.render()).toContain('service="CIE"');
    queue = [];
    expect(await metrics.render()).not.toContain('service="CIE"');
  });

  it('counts answers by route template, the web app’s files as one route; event streams stay out of the latency histogram', async () => {
    const metrics = service(repository(figures));
    metrics.httpAnswered('GET', '/api/appointments/manage/:token', 200, 0.02, false);
    metrics.httpAnswered('GET', '/main-4F2A.js', 200, 0.001, false);
    metrics.httpAnswered('GET', '/polyfills-9C1B.js', 304, 0.001, false);
    metrics.httpAnswered('GET', '/api/offices/:officeId/events', 200, 600, true);
    metrics.httpAnswered('POST', '/api/appointments', null, 0.3, false);
    const lines = (await metrics.render()).split('\n');
    expect(lines).toContain('sportello_http_requests_total{method="GET",route="/api/appointments/manage/:token",status="200"} 1');
    expect(lines).toContain('sportello_http_requests_total{method="GET",route="(web app)",status="200"} 1');
    expect(lines).toContain('sportello_http_requests_total{method="GET",route="(web app)",status="304"} 1');
    expect(lines).toContain('sportello_http_requests_total{method="POST",route="/api/appointments",status="aborted"} 1');
    expect(lines).toContain('sportello_http_requests_total{method="GET",route="/api/offices/:officeId/events",status="200"} 1');
    expect(lines).toContain('sportello_http_request_duration_seconds_bucket{le="0.025",method="GET",route="/api/appointments/manage/:token"} 1');
    expect(lines.some((l) => l.startsWith('sportello_http_request_duration_seconds') && l.includes('events'))).toBe(false);
  });
});
