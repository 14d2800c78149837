import { Closure } from '../calendar/closure.entity';
import { OfficeConfigVersion } from '../calendar/office-config-version.entity';
import { OfficeSettings } from '../calendar/office-settings.entity';
import { Office } from '../calendar/office.entity';
import { OpeningHours } from '../calendar/opening-hours.entity';
import { Service } from '../calendar/service.entity';
import { SlotSeat } from '../calendar/slot-seat.entity';
import { Appointment } from '../booking/appointment.entity';
import { Hold } from '../booking/hold.entity';
import { IdempotencyRecord } from '../booking/idempotency-record.entity';
import { ManageToken } from '../booking/manage-token.entity';
import { Desk, DeskService } from '../frontdesk/desk.entity';
import { Ticket, TicketCounter, TicketEvent } from '../frontdesk/ticket.entity';
import { Notification } from '../notification/notification.entity';
import { AppointmentChannel } from '../notification/appointment-channel.entity';
import { WaitlistEntry } from '../waitlist/waitlist-entry.entity';
import { StaffSession } from '../auth/staff-session.entity';
import { StaffUser, StaffUserOffice } from '../auth/staff-user.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { StatsMonthly } from '../stats/stats-monthly.entity';
import { StaffLoginFailure } from '../auth/login-failure.entity';
import { ServerSecret } from '../security/server-secret.entity';
import { UsedChallenge } from '../security/used-challenge.entity';
import { CitizenLogin, CitizenSession } from '../citizen/citizen-session.entity';
import { Notice } from '../notice/notice.entity';

/** Every entity, listed explicitly: the api is bundled by webpack, so no globs. */
export const ENTITIES = [
  Office,
  OfficeSettings,
  Service,
  OpeningHours,
  Closure,
  SlotSeat,
  Hold,
  Appointment,
  IdempotencyRecord,
  ManageToken,
  Notification,
  AppointmentChannel,
  StaffUser,
  StaffUserOffice,
  StaffSession,
  Desk,
  DeskService,
  Ticket,
  TicketCounter,
  TicketEvent,
  WaitlistEntry,
  OfficeConfigVersion,
  AuditEntry,
  StatsMonthly,
  StaffLoginFailure,
  ServerSecret,
  CitizenSession,
  CitizenLogin,
  UsedChallenge,
  Notice,
];
