import { AdminNoticeDtoSchema, NoticeRequestSchema, PublicNoticesDtoSchema, uuidParam } from '@sportello/contracts/schemas';
import type { AdminNoticeDto, PublicNoticesDto } from '@sportello/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import * as z from 'zod';
import { CurrentStaff, Staff } from '../auth/staff.guard';
import type { StaffPrincipal } from '../auth/staff.guard';
import { CalendarService } from '../calendar/calendar.service';
import { Doc, DocTag } from '../common/openapi';
import { Valid } from '../common/validation';
import { NoticeService } from './notice.service';

/** The office's notices (managers of the office and admins): each change audited and sent to the screens. */
@DocTag('administration')
@Controller('admin/offices/:officeId/notices')
export class NoticeAdminController {
  constructor(
    private readonly notices: NoticeService,
    private readonly calendar: CalendarService,
  ) {}

  @Get()
  @Doc({ ok: z.array(AdminNoticeDtoSchema), okDescription: 'Notices that have not ended (and those ended in the last 30 days), soonest first' })
  @Staff('manager')
  async list(@Param('officeId', new Valid(uuidParam())) officeId: string): Promise<AdminNoticeDto[]> {
    await this.calendar.requireOffice(officeId);
    return this.notices.list(officeId);
  }

  @Post()
  @Doc({
    summary: 'Posts a notice on the display and the kiosk: INFO in the band, ALERT taking over an idle display',
    ok: AdminNoticeDtoSchema,
    okDescription: 'The notice',
    body: NoticeRequestSchema,
  })
  @Staff('manager')
  async create(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('officeId', new Valid(uuidParam())) officeId: string,
    @Body(new Valid(NoticeRequestSchema)) input: z.output<typeof NoticeRequestSchema>,
  ): Promise<AdminNoticeDto> {
    await this.calendar.requireOffice(officeId);
    return this.notices.create(staff, officeId, input);
  }

  @Put(':noticeId')
  @Doc({ summary: 'Replaces a notice (priority, texts, start and end)', ok: AdminNoticeDtoSchema, body: NoticeRequestSchema })
  @Staff('manager')
  async update(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('officeId', new Valid(uuidParam())) officeId: string,
    @Param('noticeId', new Valid(uuidParam())) noticeId: string,
    @Body(new Valid(NoticeRequestSchema)) input: z.output<typeof NoticeRequestSchema>,
  ): Promise<AdminNoticeDto> {
    return this.notices.update(staff, officeId, noticeId, input);
  }

  @Delete(':noticeId')
  @Doc({ ok: null, okDescription: 'Deleted: it leaves the screens at once' })
  @HttpCode(204)
  @Staff('manager')
  async remove(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('officeId', new Valid(uuidParam())) officeId: string,
    @Param('noticeId', new Valid(uuidParam())) noticeId: string,
  ): Promise<void> {
    await this.notices.remove(staff, officeId, noticeId);
  }
}

/** What the screens show: public, no personal data. */
@DocTag('front desk (public)')
@Controller('offices/:officeId/notices')
export class PublicNoticeController {
  constructor(
    private readonly notices: NoticeService,
    private readonly calendar: CalendarService,
  ) {}

  @Get()
  @Doc({
    ok: PublicNoticesDtoSchema,
    okDescription: "The notices showing now and the office's closures of the next 7 days; refetch on the stream's `notice` event and at `nextChangeAt`",
  })
  async showing(@Param('officeId', new Valid(uuidParam())) officeId: string): Promise<PublicNoticesDto> {
    await this.calendar.requireOffice(officeId);
    return this.notices.showing(officeId);
  }
}
