import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { NotificationModule } from '../notification/notification.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { WaitlistModule } from '../waitlist/waitlist.module';
import { BookingController } from './booking.controller';
import { ClosureController } from './closure.controller';
import { ClosureService } from './closure.service';
import { BookingRepository } from './booking.repository';
import { BookingService } from './booking.service';
import { ReleaseJob } from './release.job';

@Module({
  imports: [
    CalendarModule,
    NotificationModule,
    WaitlistModule,
    RealtimeModule,
    // The ThrottlerModule (THROTTLE_LIMIT) is global: see AppModule.
  ],
  controllers: [BookingController, ClosureController],
  providers: [BookingRepository, BookingService, ReleaseJob, ClosureService],
  exports: [BookingRepository, BookingService],
})
export class BookingModule {}
