import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingModule } from './booking/booking.module';
import { CalendarModule } from './calendar/calendar.module';
import { Clock, SystemClock } from './common/clock';
import { APP_CONFIG, AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { HealthModule } from './health/health.module';
import { NotificationModule } from './notification/notification.module';
import { PrivacyModule } from './privacy/privacy.module';
import { WaitlistModule } from './waitlist/waitlist.module';
import { ScheduleModule } from '@nestjs/schedule';

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
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl, { extra: { max: config.databasePoolSize } }),
          // Keep retrying at start-up instead of crashing when PostgreSQL is not up yet.
          retryAttempts: 10,
          retryDelay: 1000,
        }),
        HealthModule,
        CalendarModule,
        BookingModule,
        ScheduleModule.forRoot(),
        PrivacyModule,
        NotificationModule,
        WaitlistModule,
      ],
    };
  }
}
