import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { CalendarModule } from '../calendar/calendar.module';
import { APP_CONFIG } from '../config/config';
import { NotificationModule } from '../notification/notification.module';
import { WaitlistModule } from '../waitlist/waitlist.module';
import type { AppConfig } from '../config/config';
import { BookingController } from './booking.controller';
import { BookingRepository } from './booking.repository';
import { BookingService } from './booking.service';
import { ReleaseJob } from './release.job';

@Module({
  imports: [
    CalendarModule,
    NotificationModule,
    WaitlistModule,
    // Per instance, in memory: with N replicas a client gets up to N × THROTTLE_LIMIT.
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ throttlers: [{ ttl: 60_000, limit: config.booking.throttleLimit }] }),
    }),
  ],
  controllers: [BookingController],
  providers: [BookingRepository, BookingService, ReleaseJob],
})
export class BookingModule {}
