import {
  DeskRequestSchema,
  NewOfficeRequestSchema,
  OfficeRequestSchema,
  OfficeSettingsRequestSchema,
  OpeningHoursRequestSchema,
  PasswordResetRequestSchema,
  ServiceRequestSchema,
  StaffUserCreateRequestSchema,
  StaffUserUpdateRequestSchema,
} from '@sportello/contracts/schemas';
import {
  AdminDeskChangeDtoSchema,
  AdminDeskDtoSchema,
  AdminOfficeDtoSchema,
  AdminServiceChangeDtoSchema,
  AdminServiceDtoSchema,
  AdminStaffUserDtoSchema,
  OfficeSettingsDtoSchema,
  OpeningHoursChangeDtoSchema,
  OpeningHoursDtoSchema,
} from '@sportello/contracts/schemas';
import { Doc, DocTag } from '../common/openapi';
import * as z from 'zod';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import type {
  AdminDeskChangeDto,
  AdminDeskDto,
  AdminOfficeDto,
  AdminServiceChangeDto,
  AdminServiceDto,
  AdminStaffUserDto,
  OfficeSettingsDto,
  OpeningHoursChangeDto,
  OpeningHoursDto,
} from '@sportello/contracts';
import { CurrentStaff, Staff } from '../auth/staff.guard';
import type { StaffPrincipal } from '../auth/staff.guard';
import { uuidParam } from '@sportello/contracts/schemas';
import { Valid } from '../common/validation';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { readDesk, readOffice, readOpeningHours, readPassword, readService, readSettings, readStaffCreate, readStaffUpdate } from './admin.validation';
import { DeskAdminService } from './desk-admin.service';
import { HoursAdminService } from './hours-admin.service';
import { OfficeAdminService } from './office-admin.service';
import { ServiceAdminService } from './service-admin.service';
import { StaffAdminService } from './staff-admin.service';

/**
 * Offices and their settings. Managers see and edit the offices of their account; only
 * admins create or delete an office (the guard checks `:officeId` against the account).
 */
@DocTag('administration')
@Controller('admin/offices')
export class OfficeAdminController {
  constructor(
    private readonly offices: OfficeAdminService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Doc({ ok: z.array(AdminOfficeDtoSchema), okDescription: 'The offices of the account (an admin: all)' })
  @Staff('manager')
  list(@CurrentStaff() staff: StaffPrincipal): Promise<AdminOfficeDto[]> {
    return this.offices.list(staff);
  }

  @Post()
  @Doc({ summary: 'Creates an office (admins), with default settings', ok: AdminOfficeDtoSchema, okDescription: 'The office', body: NewOfficeRequestSchema })
  @Staff('admin')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() body: unknown): Promise<AdminOfficeDto> {
    return this.offices.create(staff, readOffice(body, true));
  }

  @Get(':officeId')
  @Doc({ ok: AdminOfficeDtoSchema })
  @Staff('manager')
  get(@Param('officeId', new Valid(uuidParam())) officeId: string): Promise<AdminOfficeDto> {
    return this.offices.get(officeId);
  }

  @Put(':officeId')
  @Doc({ summary: "Changes the office's code, name, address and contacts", ok: AdminOfficeDtoSchema, body: OfficeRequestSchema })
  @Staff('manager')
  update(@CurrentStaff() staff: StaffPrincipal, @Param('officeId', new Valid(uuidParam())) officeId: string, @Body() body: unknown): Promise<AdminOfficeDto> {
    return this.offices.update(staff, officeId, readOffice(body, false));
  }

  @Delete(':officeId')
  @Doc({ ok: null, errors: { 409: { codes: ['IN_USE'], description: 'IN_USE: the office has bookings or tickets' } }, okDescription: 'Deleted' })
  @HttpCode(204)
  @Staff('admin')
  async remove(@CurrentStaff() staff: StaffPrincipal, @Param('officeId', new Valid(uuidParam())) officeId: string): Promise<void> {
    await this.offices.remove(staff, officeId);
  }

  @Get(':officeId/settings')
  @Doc({ ok: OfficeSettingsDtoSchema, okDescription: "The office's booking rules; null rules follow the installation's defaults (`defaults`)" })
  @Staff('manager')
  settings(@Param('officeId', new Valid(uuidParam())) officeId: string): Promise<OfficeSettingsDto> {
    return this.offices.settings(officeId);
  }

  @Put(':officeId/settings')
  @Doc({
    summary: 'Saves every rule at once: horizon, notice, reconfirmation, hold, cutoff, reminder, per-codice-fiscale limit, retention, mandate, patron saint',
    ok: OfficeSettingsDtoSchema,
    body: OfficeSettingsRequestSchema,
  })
  @Staff('manager')
  updateSettings(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('officeId', new Valid(uuidParam())) officeId: string,
    @Body() body: unknown,
  ): Promise<OfficeSettingsDto> {
    return this.offices.updateSettings(staff, officeId, readSettings(body, this.config.booking.reconfirmDeadlineHours));
  }
}

/** The services of an office (all of them, inactive ones included). */
@DocTag('administration')
@Controller('admin/offices/:officeId/services')
export class ServiceAdminController {
  constructor(private readonly services: ServiceAdminService) {}

  @Get()
  @Doc({ ok: z.array(AdminServiceDtoSchema) })
  @Staff('manager')
  list(@Param('officeId', new Valid(uuidParam())) officeId: string): Promise<AdminServiceDto[]> {
    return this.services.list(officeId);
  }

  @Post()
  @Doc({ ok: AdminServiceDtoSchema, okDescription: 'The service', body: ServiceRequestSchema })
  @Staff('manager')
  create(@CurrentStaff() staff: StaffPrincipal, @Param('officeId', new Valid(uuidParam())) officeId: string, @Body() body: unknown): Promise<AdminServiceDto> {
    return this.services.create(staff, officeId, readService(body));
  }

  @Put(':serviceId')
  @Doc({
    summary: 'Saves a service',
    description:
      'Deactivating it, another slot length or a lower capacity strands booked appointments: they are listed (409) until `confirm: true`, then cancelled with an e-mail each.',
    ok: AdminServiceChangeDtoSchema,
    errors: {
      409: {
        codes: ['CONFIRMATION_REQUIRED'],
        description:
          'CONFIRMATION_REQUIRED with `affected: [{ kind, id, code, start, serviceId, serviceName }]`: nothing was written; repeat with `confirm: true`',
      },
    },
    okDescription: 'The service, with `cancelled` booking codes',
    body: ServiceRequestSchema,
  })
  @Staff('manager')
  update(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('officeId', new Valid(uuidParam())) officeId: string,
    @Param('serviceId', new Valid(uuidParam())) serviceId: string,
    @Body() body: unknown,
  ): Promise<AdminServiceChangeDto> {
    const { confirm, ...input } = readService(body);
    return this.services.update(staff, officeId, serviceId, input, confirm);
  }

  @Delete(':serviceId')
  @Doc({ ok: null, errors: { 409: { codes: ['IN_USE'], description: 'IN_USE: the service has bookings or tickets (deactivate it instead)' } } })
  @HttpCode(204)
  @Staff('manager')
  async remove(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('officeId', new Valid(uuidParam())) officeId: string,
    @Param('serviceId', new Valid(uuidParam())) serviceId: string,
  ): Promise<void> {
    await this.services.remove(staff, officeId, serviceId);
  }
}

/** Weekly opening hours: the office's, and a service's own. */
@DocTag('administration')
@Controller('admin/offices/:officeId/opening-hours')
export class HoursAdminController {
  constructor(private readonly hours: HoursAdminService) {}

  @Get()
  @Doc({ ok: OpeningHoursDtoSchema })
  @Staff('manager')
  get(@Param('officeId', new Valid(uuidParam())) officeId: string): Promise<OpeningHoursDto> {
    return this.hours.get(officeId);
  }

  @Put()
  @Doc({
    summary: "Replaces one week: the office's (serviceId absent or null) or a service's own (empty: it follows the office's again)",
    description:
      'Appointments whose slot the new week no longer has are listed (409) until `confirm: true`, then cancelled with an e-mail each. New places tell the waitlist.',
    ok: OpeningHoursChangeDtoSchema,
    errors: {
      409: {
        codes: ['CONFIRMATION_REQUIRED'],
        description:
          'CONFIRMATION_REQUIRED with `affected: [{ kind, id, code, start, serviceId, serviceName }]`: nothing was written; repeat with `confirm: true`',
      },
    },
    body: OpeningHoursRequestSchema,
  })
  @Staff('manager')
  replace(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('officeId', new Valid(uuidParam())) officeId: string,
    @Body() body: unknown,
  ): Promise<OpeningHoursChangeDto> {
    return this.hours.replace(staff, officeId, readOpeningHours(body));
  }
}

/** Desks and the services each serves. */
@DocTag('administration')
@Controller('admin/offices/:officeId/desks')
export class DeskAdminController {
  constructor(private readonly desks: DeskAdminService) {}

  @Get()
  @Doc({ ok: z.array(AdminDeskDtoSchema) })
  @Staff('manager')
  list(@Param('officeId', new Valid(uuidParam())) officeId: string): Promise<AdminDeskDto[]> {
    return this.desks.list(officeId);
  }

  @Post()
  @Doc({ ok: AdminDeskDtoSchema, body: DeskRequestSchema })
  @Staff('manager')
  create(@CurrentStaff() staff: StaffPrincipal, @Param('officeId', new Valid(uuidParam())) officeId: string, @Body() body: unknown): Promise<AdminDeskDto> {
    const { number, name, active, serviceIds } = readDesk(body);
    return this.desks.create(staff, officeId, { number, name, active, serviceIds });
  }

  @Put(':deskId')
  @Doc({
    summary: 'Saves a desk',
    description: 'Serving fewer services while people wait for them lists the waiting tickets (409) until `confirm: true`; they stay in the queue.',
    ok: AdminDeskChangeDtoSchema,
    errors: {
      409: {
        codes: ['DESK_BUSY', 'CONFIRMATION_REQUIRED'],
        description:
          'CONFIRMATION_REQUIRED with `affected: [{ kind, id, code, start, serviceId, serviceName }]`: nothing was written; repeat with `confirm: true`; DESK_BUSY when deactivating a desk that is calling or serving',
      },
    },
    body: DeskRequestSchema,
  })
  @Staff('manager')
  update(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('officeId', new Valid(uuidParam())) officeId: string,
    @Param('deskId', new Valid(uuidParam())) deskId: string,
    @Body() body: unknown,
  ): Promise<AdminDeskChangeDto> {
    const { confirm, ...input } = readDesk(body);
    return this.desks.update(staff, officeId, deskId, input, confirm);
  }

  @Delete(':deskId')
  @Doc({
    ok: null,
    errors: {
      409: {
        codes: ['DESK_BUSY', 'CONFIRMATION_REQUIRED', 'IN_USE'],
        description:
          'IN_USE (it served tickets: deactivate it), DESK_BUSY, or CONFIRMATION_REQUIRED with `affected: [{ kind, id, code, start, serviceId, serviceName }]`: nothing was written; repeat with `confirm: true` (?confirm=true)',
      },
    },
  })
  @HttpCode(204)
  @Staff('manager')
  async remove(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('officeId', new Valid(uuidParam())) officeId: string,
    @Param('deskId', new Valid(uuidParam())) deskId: string,
    @Query('confirm') confirm?: string,
  ): Promise<void> {
    await this.desks.remove(staff, officeId, deskId, confirm === 'true');
  }
}

/** Staff accounts: admins only. */
@DocTag('administration')
@Controller('admin/staff-users')
export class StaffAdminController {
  constructor(private readonly staffUsers: StaffAdminService) {}

  @Get()
  @Doc({ ok: z.array(AdminStaffUserDtoSchema) })
  @Staff('admin')
  list(): Promise<AdminStaffUserDto[]> {
    return this.staffUsers.list();
  }

  @Post()
  @Doc({ ok: AdminStaffUserDtoSchema, body: StaffUserCreateRequestSchema })
  @Staff('admin')
  create(@CurrentStaff() staff: StaffPrincipal, @Body() body: unknown): Promise<AdminStaffUserDto> {
    return this.staffUsers.create(staff, readStaffCreate(body));
  }

  @Put(':userId')
  @Doc({
    summary: 'Changes name, role, offices and active; deactivating ends the open sessions',
    ok: AdminStaffUserDtoSchema,
    body: StaffUserUpdateRequestSchema,
  })
  @Staff('admin')
  update(@CurrentStaff() staff: StaffPrincipal, @Param('userId', new Valid(uuidParam())) userId: string, @Body() body: unknown): Promise<AdminStaffUserDto> {
    return this.staffUsers.update(staff, userId, readStaffUpdate(body));
  }

  @Post(':userId/password')
  @Doc({ summary: 'Sets a new password: unlocks the account and ends its sessions', ok: null, body: PasswordResetRequestSchema })
  @HttpCode(204)
  @Staff('admin')
  async resetPassword(@CurrentStaff() staff: StaffPrincipal, @Param('userId', new Valid(uuidParam())) userId: string, @Body() body: unknown): Promise<void> {
    await this.staffUsers.resetPassword(staff, userId, readPassword(body));
  }
}
