import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { NotificationModule } from '../notification/notification.module';
import { BookingController } from './booking.controller';
import { BookingRepository } from './booking.repository';
import { BookingService } from './booking.service';

@Module({
  imports: [
    CalendarModule,
    NotificationModule,
    // The ThrottlerModule (THROTTLE_LIMIT) is global: see AppModule.
  ],
  controllers: [BookingController],
  providers: [BookingRepository, BookingService],
})
export class BookingModule {}
