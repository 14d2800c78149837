import { Module } from '@nestjs/common';
import { BookingModule } from '../booking/booking.module';
import { NotificationModule } from '../notification/notification.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { WaitlistModule } from '../waitlist/waitlist.module';
import { DeskAdminController, HoursAdminController, OfficeAdminController, ServiceAdminController, StaffAdminController } from './admin.controller';
import { AdminRepository } from './admin.repository';
import { DeskAdminService } from './desk-admin.service';
import { HoursAdminService } from './hours-admin.service';
import { OfficeAdminService } from './office-admin.service';
import { ServiceAdminService } from './service-admin.service';
import { StaffAdminService } from './staff-admin.service';
import { StrandingService } from './stranding.service';

/**
 * Self-service administration (managers and admins): offices and settings, services,
 * opening hours, desks, staff accounts. Every change is audited in its own transaction;
 * changes that would strand booked appointments ask for confirmation first.
 */
@Module({
  imports: [BookingModule, NotificationModule, WaitlistModule, RealtimeModule],
  controllers: [OfficeAdminController, ServiceAdminController, HoursAdminController, DeskAdminController, StaffAdminController],
  providers: [AdminRepository, StrandingService, OfficeAdminService, ServiceAdminService, HoursAdminService, DeskAdminService, StaffAdminService],
})
export class AdminModule {}
