import { DynamicModule, Global, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BookingModule } from './booking/booking.module';
import { CalendarModule } from './calendar/calendar.module';
import { Clock, SystemClock } from './common/clock';
import { APP_CONFIG, AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { HealthModule } from './health/health.module';
import { NotificationModule } from './notification/notification.module';
import { PrivacyModule } from './privacy/privacy.module';
import { FrontDeskModule } from './frontdesk/frontdesk.module';
import { SecurityModule } from './security/security.module';
import { StatsModule } from './stats/stats.module';
import { WaitlistModule } from './waitlist/waitlist.module';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { MetricsModule } from './metrics/metrics.module';
import { startLogging } from './logging/logging';
import { CitizenModule } from './citizen/citizen.module';
import { NoticeModule } from './notice/notice.module';
import { CitizenSessionModule } from './citizen/citizen-session.service';

@Global()
@Module({})
class CoreModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useClass: SystemClock },
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}

@Module({})
export class AppModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forConfig(config),
        // One line per answer (request id, method, route template, status, duration); a request's own lines carry its id.
        LoggerModule.forRoot(startLogging(config.log).params),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl, { extra: { max: config.databasePoolSize } }),
          // Keep retrying at start-up instead of crashing when PostgreSQL is not up yet.
          retryAttempts: 10,
          retryDelay: 1000,
        }),
        // Global; per instance, in memory: with N replicas a client gets up to N × the limit.
        // Booking uses THROTTLE_LIMIT; the login has its own limit (LoginThrottleGuard).
        ThrottlerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (options: AppConfig) => ({ throttlers: [{ ttl: 60_000, limit: options.booking.throttleLimit }] }),
        }),
        // Prometheus: GET /api/metrics with METRICS_TOKEN; counters other modules call.
        MetricsModule.forConfig(config),
        CitizenSessionModule,
        SecurityModule,
        AuthModule,
        AuditModule,
        HealthModule,
        CalendarModule,
        BookingModule,
        ScheduleModule.forRoot(),
        PrivacyModule,
        NotificationModule,
        FrontDeskModule,
        WaitlistModule,
        AdminModule,
        StatsModule,
        CitizenModule,
        NoticeModule,
      ],
    };
  }
}
