import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { FrontDeskController, PublicQueueController } from './frontdesk.controller';
import { FrontDeskRepository } from './frontdesk.repository';
import { FrontDeskService } from './frontdesk.service';

@Module({
  imports: [AuthModule, CalendarModule, RealtimeModule],
  controllers: [FrontDeskController, PublicQueueController],
  providers: [FrontDeskRepository, FrontDeskService],
})
export class FrontDeskModule {}
