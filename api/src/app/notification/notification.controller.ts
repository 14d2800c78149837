import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { assertOfficeAccess, CurrentStaff, Staff } from '../auth/staff.guard';
import type { StaffPrincipal } from '../auth/staff.guard';
import { NOTIFICATIONS_MAX_LIMIT, NotificationsQuerySchema } from '@sportello/contracts/schemas';
import type * as z from 'zod';
import { Valid } from '../common/validation';
import { ApiErrorDoc } from '../common/openapi';
import { NOTIFICATION_KINDS, NOTIFICATION_STATUSES } from './notification.entity';
import type { NotificationKind, NotificationStatus } from './notification.entity';
import { NotificationRepository } from './notification.repository';

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  dueAt: string;
  sentAt: string | null;
  createdAt: string;
  bookingCode: string | null;
}

export class NotificationDoc implements NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: NotificationKind;
  @ApiProperty({ enum: NOTIFICATION_STATUSES }) status: NotificationStatus;
  @ApiProperty() attempts: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Last SMTP error or why the message was skipped; never an e-mail address' }) lastError: string | null;
  @ApiProperty({ example: '2027-03-28T06:30:00.000Z' }) dueAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) sentAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'CIE-7K3P9Q' }) bookingCode: string | null;
}

const MAX_LIMIT = NOTIFICATIONS_MAX_LIMIT;

@ApiTags('notifications')
@Controller('notifications')
export class NotificationController {
  constructor(private readonly repository: NotificationRepository) {}

  @Get()
  @Staff('manager')
  @ApiOperation({
    summary: 'Recent e-mail notifications with their status (no personal data)',
    description: 'Managers and admins only, for the offices of the account (an admin: every office). Newest first. Shows kind, status, attempts, last error, due and sent times and the booking code; never names or addresses.',
  })
  @ApiQuery({ name: 'officeId', required: false, description: 'Only this office (one of the account\'s: another office → 403 FORBIDDEN_OFFICE)' })
  @ApiQuery({ name: 'status', required: false, enum: NOTIFICATION_STATUSES })
  @ApiQuery({ name: 'limit', required: false, description: `1 to ${MAX_LIMIT}, default 50` })
  @ApiOkResponse({ type: [NotificationDoc] })
  @ApiBadRequestResponse({ type: ApiErrorDoc })
  async list(@CurrentStaff() staff: StaffPrincipal, @Query(new Valid(NotificationsQuerySchema)) { status, limit, officeId }: z.output<typeof NotificationsQuerySchema>): Promise<NotificationDto[]> {
    if (officeId !== undefined) assertOfficeAccess(staff, officeId);
    const officeIds = officeId !== undefined ? [officeId.toLowerCase()] : staff.officeIds;
    const rows = await this.repository.list(status ?? null, limit, officeIds);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      dueAt: r.due_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
      bookingCode: r.code,
    }));
  }
}
