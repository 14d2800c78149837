import { NotificationDtoSchema } from '@sportello/contracts/schemas';
import { Doc, DocTag } from '../common/openapi';
import * as z from 'zod';
import { Controller, Get, Query } from '@nestjs/common';
import { assertOfficeAccess, CurrentStaff, Staff } from '../auth/staff.guard';
import type { StaffPrincipal } from '../auth/staff.guard';
import { NotificationsQuerySchema } from '@sportello/contracts/schemas';
import { Valid } from '../common/validation';
import { NotificationRepository } from './notification.repository';

export type NotificationDto = z.infer<typeof NotificationDtoSchema>;

@DocTag('notifications')
@Controller('notifications')
export class NotificationController {
  constructor(private readonly repository: NotificationRepository) {}

  @Get()
  @Doc({
    summary: 'Recent notifications (e-mail, App IO…) with their status (no personal data)',
    description:
      'Managers and admins only, for the offices of the account (an admin: every office). Newest first; `channel` filters by channel. Shows kind, channel, status, attempts, last error, due and sent times and the booking code; never names, addresses, codici fiscali, chat ids or phone numbers.',
    ok: z.array(NotificationDtoSchema),
  })
  @Staff('manager')
  async list(
    @CurrentStaff() staff: StaffPrincipal,
    @Query(new Valid(NotificationsQuerySchema)) { status, limit, officeId, channel }: z.output<typeof NotificationsQuerySchema>,
  ): Promise<NotificationDto[]> {
    if (officeId !== undefined) assertOfficeAccess(staff, officeId);
    const officeIds = officeId !== undefined ? [officeId.toLowerCase()] : staff.officeIds;
    const rows = await this.repository.list(status ?? null, limit, officeIds, channel ?? null);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      channel: r.channel,
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
