import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { FrontDeskController, PublicQueueController } from './frontdesk.controller';
import { FrontDeskRepository } from './frontdesk.repository';
import { AgendaService } from './agenda.service';
import { DeskWorkService } from './desk-work.service';
import { PublicViewsService } from './public-views.service';
import { QueueViews } from './queue-views';
import { TicketService } from './ticket.service';

@Module({
  imports: [AuthModule, CalendarModule, RealtimeModule],
  controllers: [FrontDeskController, PublicQueueController],
  providers: [FrontDeskRepository, QueueViews, TicketService, DeskWorkService, AgendaService, PublicViewsService],
})
export class FrontDeskModule {}
