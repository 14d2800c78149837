import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { OfficeEventDto } from '@sportello/contracts';
import { Client } from 'pg';
import { Observable, Subject, defer, filter, finalize, interval, map, merge, startWith, takeUntil } from 'rxjs';
import { cleanError } from '../notification/notification.policy';
import { APP_CONFIG } from '../config/config';
import { MetricsService } from '../metrics/metrics.service';
import type { AppConfig } from '../config/config';
import { notify, type Tx } from '../database/db';

export const CHANNEL = 'sportello_events';
const HEARTBEAT_MS = 20_000;

export interface ServerSentEvent {
  type?: string;
  data: string | object;
}

/**
 * Office events across replicas: a change publishes with NOTIFY inside its own transaction
 * (delivered on commit, never for a rollback); every instance LISTENs on one dedicated
 * connection and fans the events out to its SSE clients. Payloads carry ids only.
 */
@Injectable()
export class RealtimeService implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Realtime');
  private readonly events = new Subject<OfficeEventDto>();
  private readonly shuttingDown = new Subject<void>();
  private client: Client | null = null;
  private stopped = false;
  private retryMs = 500;
  private connectedBefore = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.listen().catch((error) => this.reconnectLater(error));
  }

  /**
   * Ends every event stream before the HTTP server closes: the server waits for open
   * connections, and a display's stream (kept open by its heartbeat) would hold a
   * SIGTERM up until the orchestrator's SIGKILL. Displays reconnect to another replica.
   */
  beforeApplicationShutdown(): void {
    this.shuttingDown.next();
    this.shuttingDown.complete();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.events.complete();
    await this.client?.end().catch(() => undefined);
  }

  /** Queues the event in the caller's transaction. */
  async publish(tx: Tx, event: OfficeEventDto): Promise<void> {
    await notify(tx, ...this.notification(event));
  }

  /** pg_notify's arguments for the event, for a statement that also does other work. */
  notification(event: OfficeEventDto): [channel: string, payload: string] {
    return [CHANNEL, JSON.stringify(event)];
  }

  /** One office's events as SSE messages, with a heartbeat that keeps proxies from closing the stream. */
  stream(officeId: string): Observable<ServerSentEvent> {
    const events = this.events.pipe(
      filter((event) => event.officeId === officeId || event.type === 'resync'),
      map((event) => ({ type: event.type, data: { ...event, officeId } })),
    );
    const heartbeat = interval(HEARTBEAT_MS).pipe(map(() => ({ type: 'ping', data: {} })));
    // `ready` first: the client knows it is connected (and refetches what it shows).
    const stream = merge(events, heartbeat).pipe(startWith({ type: 'ready', data: { officeId } }), takeUntil(this.shuttingDown));
    // A listener while subscribed: from the client's connection until it leaves (or shutdown ends the stream).
    return defer(() => {
      this.metrics.listenerOpened();
      return stream.pipe(finalize(() => this.metrics.listenerClosed()));
    });
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'sportello-listen' });
    client.on('notification', (message) => this.received(message.payload));
    client.on('error', (error) => this.reconnectLater(error));
    client.on('end', () => this.reconnectLater(new Error('connection ended')));
    this.client = client;
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.retryMs = 500;
    // Events may have been missed while disconnected: every client refetches.
    if (this.connectedBefore) this.events.next({ type: 'resync', officeId: '' });
    this.connectedBefore = true;
  }

  private received(payload: string | undefined): void {
    try {
      const event = JSON.parse(payload ?? '') as OfficeEventDto;
      if (typeof event.officeId === 'string') this.events.next(event);
    } catch {
      this.logger.warn('ignored a malformed event');
    }
  }

  /** Drops the broken connection (once, whichever of error/end comes first) and retries with backoff. */
  private reconnectLater(error: unknown): void {
    const broken = this.client;
    if (this.stopped || !broken) return;
    this.client = null;
    broken.removeAllListeners();
    broken.on('error', () => undefined);
    void broken.end().catch(() => undefined);
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
    this.logger.warn(`event listener disconnected (${cleanError(error)}), retrying in ${delay} ms`);
    setTimeout(() => {
      if (!this.stopped) void this.listen().catch((e) => this.reconnectLater(e));
    }, delay).unref();
  }
}
