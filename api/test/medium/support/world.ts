import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditRepository } from '../../../src/app/audit/audit.repository';
import { AuditService } from '../../../src/app/audit/audit.service';
import type { StaffPrincipal } from '../../../src/app/auth/auth.repository';
import { BookingRepository } from '../../../src/app/booking/booking.repository';
import { BookingService } from '../../../src/app/booking/booking.service';
import { CalendarRepository } from '../../../src/app/calendar/calendar.repository';
import { CalendarService } from '../../../src/app/calendar/calendar.service';
import { Clock } from '../../../src/app/common/clock';
import { loadConfig } from '../../../src/app/config/config';
import type { AppConfig } from '../../../src/app/config/config';
import { dataSourceOptions } from '../../../src/app/database/data-source';
import { AgendaService } from '../../../src/app/frontdesk/agenda.service';
import { DeskWorkService } from '../../../src/app/frontdesk/desk-work.service';
import { FrontDeskRepository } from '../../../src/app/frontdesk/frontdesk.repository';
import { PublicViewsService } from '../../../src/app/frontdesk/public-views.service';
import { QueueViews } from '../../../src/app/frontdesk/queue-views';
import { TicketService } from '../../../src/app/frontdesk/ticket.service';
import { MetricsRepository } from '../../../src/app/metrics/metrics.repository';
import { MetricsService } from '../../../src/app/metrics/metrics.service';
import { NotificationOutbox } from '../../../src/app/notification/notification.outbox';
import { NotificationRepository } from '../../../src/app/notification/notification.repository';
import { RealtimeService } from '../../../src/app/realtime/realtime.service';
import { WaitlistRepository } from '../../../src/app/waitlist/waitlist.repository';
import { WaitlistService } from '../../../src/app/waitlist/waitlist.service';
import { createTestDatabase, TestDatabase } from '../../support/api-process';
import { insertOffice, OfficeFixture } from '../../support/fixtures';

/** Time the test sets and moves: no test waits for the wall clock. */
export class TestClock extends Clock {
  constructor(private instant: Date) {
    super();
  }

  now(): Date {
    return new Date(this.instant);
  }

  set(instant: Date | string): void {
    this.instant = new Date(instant);
  }
}

/**
 * One suite's world: its own clone of the migrated template, a TypeORM DataSource on it,
 * and the api's services wired by hand as Nest would (the same classes, no HTTP).
 */
export interface World {
  db: TestDatabase;
  dataSource: DataSource;
  clock: TestClock;
  config: AppConfig;
  services: ReturnType<typeof wire>;
  /** A new office of its own (the fixtures' small office) under a code nobody else uses. */
  newOffice(): Promise<OfficeFixture>;
  close(): Promise<void>;
}

export async function openWorld(env: Record<string, string> = {}): Promise<World> {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://prenota.example.it', ...env, DATABASE_URL: db.url });
  const dataSource = new DataSource(dataSourceOptions(db.url, { extra: { max: 4 } }));
  await dataSource.initialize();
  const clock = new TestClock(new Date());
  const services = wire(dataSource, clock, config);
  return {
    db,
    dataSource,
    clock,
    config,
    services,
    newOffice: () => insertOffice(db.sql, `T${randomBytes(4).toString('hex').toUpperCase()}`),
    async close() {
      await services.metricsRepository.onApplicationShutdown();
      await dataSource.destroy();
      await db.drop();
    },
  };
}

function wire(dataSource: DataSource, clock: Clock, config: AppConfig) {
  const metricsRepository = new MetricsRepository(config);
  const metrics = new MetricsService(metricsRepository, dataSource, config);
  const calendar = new CalendarService(new CalendarRepository(dataSource), clock, config);
  const outbox = new NotificationOutbox(new NotificationRepository(dataSource), clock, config);
  const waitlist = new WaitlistService(new WaitlistRepository(dataSource), calendar, outbox, clock);
  const audit = new AuditService(new AuditRepository(dataSource));
  // Publishing is a NOTIFY in the caller's transaction: no listener is needed to change the queue.
  const realtime = new RealtimeService(config, metrics);
  const frontDesk = new FrontDeskRepository(dataSource);
  const views = new QueueViews(frontDesk, calendar, realtime, clock, config);
  return {
    metricsRepository,
    calendar,
    booking: new BookingService(new BookingRepository(dataSource), calendar, clock, outbox, waitlist, metrics, config),
    tickets: new TicketService(frontDesk, views, calendar, clock, audit, config),
    desks: new DeskWorkService(frontDesk, views, realtime, clock, audit),
    agenda: new AgendaService(frontDesk, views, calendar, clock, audit),
    publicViews: new PublicViewsService(frontDesk, views, calendar, clock),
  };
}

/** A staff account of the given offices in the database, as the guard would hand it to a service. */
export async function staff(world: World, officeIds: string[], role: StaffPrincipal['role'] = 'operator'): Promise<StaffPrincipal> {
  const username = `op${randomBytes(4).toString('hex')}`;
  const { rows } = await world.db.sql.query<{ id: string }>(
    `INSERT INTO staff_user (username, display_name, role, password_hash) VALUES ($1, $1, $2, 'unused') RETURNING id`,
    [username, role],
  );
  const id = rows[0]?.id ?? '';
  for (const officeId of officeIds) await world.db.sql.query('INSERT INTO staff_user_office (staff_user_id, office_id) VALUES ($1, $2)', [id, officeId]);
  return { id, username, role, officeIds };
}
