import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { NoticeAdminController, PublicNoticeController } from './notice.controller';
import { NoticeService } from './notice.service';

/** The comune's notices on its screens (display, kiosk): managers write them, the screens read the ones showing now. */
@Module({
  imports: [CalendarModule, RealtimeModule],
  controllers: [NoticeAdminController, PublicNoticeController],
  providers: [NoticeService],
})
export class NoticeModule {}
