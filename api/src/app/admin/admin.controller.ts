import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { ApiErrorDoc } from '../common/openapi';
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


const CONFIRMATION = 'CONFIRMATION_REQUIRED with `affected: [{ kind, id, code, start, serviceId, serviceName }]`: nothing was written; repeat with `confirm: true`';

/**
 * Offices and their settings. Managers see and edit the offices of their account; only
 * admins create or delete an office (the guard checks `:officeId` against the account).
 */
@ApiTags('administration')
@Controller('admin/offices')
export class OfficeAdminController {
  constructor(
    private readonly offices: OfficeAdminService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Staff('manager')
  @ApiOkResponse({ description: 'The offices of the account (an admin: all)' })
  list(@CurrentStaff() staff: StaffPrincipal): Promise<AdminOfficeDto[]> {
    return this.offices.list(staff);
  }

  @Post()
  @Staff('admin')
  @ApiOperation({ summary: 'Creates an office (admins), with default settings' })
  @ApiBody({ schema: { type: 'object', required: ['code', 'name', 'address', 'city'], properties: { code: { type: 'string', example: 'URP-CALDERARA' }, name: { type: 'string' }, address: { type: 'string' }, city: { type: 'string' }, phone: { type: 'string' }, email: { type: 'string' }, timeZone: { type: 'string', example: 'Europe/Rome' } } } })
  @ApiCreatedResponse({ description: 'The office' })
  create(@CurrentStaff() staff: StaffPrincipal, @Body() body: unknown): Promise<AdminOfficeDto> {
    return this.offices.create(staff, readOffice(body, true));
  }

  @Get(':officeId')
  @Staff('manager')
  get(@Param('officeId', new Valid(uuidParam())) officeId: string): Promise<AdminOfficeDto> {
    return this.offices.get(officeId);
  }

  @Put(':officeId')
  @Staff('manager')
  @ApiOperation({ summary: "Changes the office's code, name, address and contacts" })
  update(@CurrentStaff() staff: StaffPrincipal, @Param('officeId', new Valid(uuidParam())) officeId: string, @Body() body: unknown): Promise<AdminOfficeDto> {
    return this.offices.update(staff, officeId, readOffice(body, false));
  }

  @Delete(':officeId')
  @HttpCode(204)
  @Staff('admin')
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ type: ApiErrorDoc, description: 'IN_USE: the office has bookings or tickets' })
  async remove(@CurrentStaff() staff: StaffPrincipal, @Param('officeId', new Valid(uuidParam())) officeId: string): Promise<void> {
    await this.offices.remove(staff, officeId);
  }

  @Get(':officeId/settings')
  @Staff('manager')
  @ApiOkResponse({ description: "The office's booking rules; null rules follow the installation's defaults (`defaults`)" })
  settings(@Param('officeId', new Valid(uuidParam())) officeId: string): Promise<OfficeSettingsDto> {
    return this.offices.settings(officeId);
  }

  @Put(':officeId/settings')
  @Staff('manager')
  @ApiOperation({ summary: 'Saves every rule at once: horizon, notice, reconfirmation, hold, cutoff, reminder, per-codice-fiscale limit, retention, mandate, patron saint' })
  updateSettings(@CurrentStaff() staff: StaffPrincipal, @Param('officeId', new Valid(uuidParam())) officeId: string, @Body() body: unknown): Promise<OfficeSettingsDto> {
    return this.offices.updateSettings(staff, officeId, readSettings(body, this.config.booking.reconfirmDeadlineHours));
  }
}

/** The services of an office (all of them, inactive ones included). */
@ApiTags('administration')
@Controller('admin/offices/:officeId/services')
export class ServiceAdminController {
  constructor(private readonly services: ServiceAdminService) {}

  @Get()
  @Staff('manager')
  list(@Param('officeId', new Valid(uuidParam())) officeId: string): Promise<AdminServiceDto[]> {
    return this.services.list(officeId);
  }

  @Post()
  @Staff('manager')
  @ApiCreatedResponse({ description: 'The service' })
  create(@CurrentStaff() staff: StaffPrincipal, @Param('officeId', new Valid(uuidParam())) officeId: string, @Body() body: unknown): Promise<AdminServiceDto> {
    return this.services.create(staff, officeId, readService(body));
  }

  @Put(':serviceId')
  @Staff('manager')
  @ApiOperation({
    summary: 'Saves a service',
    description: 'Deactivating it, another slot length or a lower capacity strands booked appointments: they are listed (409) until `confirm: true`, then cancelled with an e-mail each.',
  })
  @ApiOkResponse({ description: 'The service, with `cancelled` booking codes' })
  @ApiConflictResponse({ type: ApiErrorDoc, description: CONFIRMATION })
  update(@CurrentStaff() staff: StaffPrincipal, @Param('officeId', new Valid(uuidParam())) officeId: string, @Param('serviceId', new Valid(uuidParam())) serviceId: string, @Body() body: unknown): Promise<AdminServiceChangeDto> {
    const { confirm, ...input } = readService(body);
    return this.services.update(staff, officeId, serviceId, input, confirm);
  }

  @Delete(':serviceId')
  @HttpCode(204)
  @Staff('manager')
  @ApiConflictResponse({ type: ApiErrorDoc, description: 'IN_USE: the service has bookings or tickets (deactivate it instead)' })
  async remove(@CurrentStaff() staff: StaffPrincipal, @Param('officeId', new Valid(uuidParam())) officeId: string, @Param('serviceId', new Valid(uuidParam())) serviceId: string): Promise<void> {
    await this.services.remove(staff, officeId, serviceId);
  }
}

/** Weekly opening hours: the office's, and a service's own. */
@ApiTags('administration')
@Controller('admin/offices/:officeId/opening-hours')
export class HoursAdminController {
  constructor(private readonly hours: HoursAdminService) {}

  @Get()
  @Staff('manager')
  get(@Param('officeId', new Valid(uuidParam())) officeId: string): Promise<OpeningHoursDto> {
    return this.hours.get(officeId);
  }

  @Put()
  @Staff('manager')
  @ApiOperation({
    summary: "Replaces one week: the office's (serviceId absent or null) or a service's own (empty: it follows the office's again)",
    description: 'Appointments whose slot the new week no longer has are listed (409) until `confirm: true`, then cancelled with an e-mail each. New places tell the waitlist.',
  })
  @ApiBody({ schema: { type: 'object', required: ['intervals'], properties: { serviceId: { type: 'string', format: 'uuid', nullable: true }, intervals: { type: 'array', items: { type: 'object', properties: { weekday: { type: 'integer', minimum: 1, maximum: 7 }, start: { type: 'string', example: '08:30' }, end: { type: 'string', example: '12:30' } } } }, confirm: { type: 'boolean' } } } })
  @ApiConflictResponse({ type: ApiErrorDoc, description: CONFIRMATION })
  replace(@CurrentStaff() staff: StaffPrincipal, @Param('officeId', new Valid(uuidParam())) officeId: string, @Body() body: unknown): Promise<OpeningHoursChangeDto> {
    return this.hours.replace(staff, officeId, readOpeningHours(body));
  }
}

/** Desks and the services each serves. */
@ApiTags('administration')
@Controller('admin/offices/:officeId/desks')
export class DeskAdminController {
  constructor(private readonly desks: DeskAdminService) {}

  @Get()
  @Staff('manager')
  list(@Param('officeId', new Valid(uuidParam())) officeId: string): Promise<AdminDeskDto[]> {
    return this.desks.list(officeId);
  }

  @Post()
  @Staff('manager')
  create(@CurrentStaff() staff: StaffPrincipal, @Param('officeId', new Valid(uuidParam())) officeId: string, @Body() body: unknown): Promise<AdminDeskDto> {
    const { number, name, active, serviceIds } = readDesk(body);
    return this.desks.create(staff, officeId, { number, name, active, serviceIds });
  }

  @Put(':deskId')
  @Staff('manager')
  @ApiOperation({ summary: 'Saves a desk', description: 'Serving fewer services while people wait for them lists the waiting tickets (409) until `confirm: true`; they stay in the queue.' })
  @ApiConflictResponse({ type: ApiErrorDoc, description: `${CONFIRMATION}; DESK_BUSY when deactivating a desk that is calling or serving` })
  update(@CurrentStaff() staff: StaffPrincipal, @Param('officeId', new Valid(uuidParam())) officeId: string, @Param('deskId', new Valid(uuidParam())) deskId: string, @Body() body: unknown): Promise<AdminDeskChangeDto> {
    const { confirm, ...input } = readDesk(body);
    return this.desks.update(staff, officeId, deskId, input, confirm);
  }

  @Delete(':deskId')
  @HttpCode(204)
  @Staff('manager')
  @ApiConflictResponse({ type: ApiErrorDoc, description: `IN_USE (it served tickets: deactivate it), DESK_BUSY, or ${CONFIRMATION} (?confirm=true)` })
  async remove(@CurrentStaff() staff: StaffPrincipal, @Param('officeId', new Valid(uuidParam())) officeId: string, @Param('deskId', new Valid(uuidParam())) deskId: string, @Query('confirm') confirm?: string): Promise<void> {
    await this.desks.remove(staff, officeId, deskId, confirm === 'true');
  }
}

/** Staff accounts: admins only. */
@ApiTags('administration')
@Controller('admin/staff-users')
export class StaffAdminController {
  constructor(private readonly staffUsers: StaffAdminService) {}

  @Get()
  @Staff('admin')
  list(): Promise<AdminStaffUserDto[]> {
    return this.staffUsers.list();
  }

  @Post()
  @Staff('admin')
  @ApiBody({ schema: { type: 'object', required: ['username', 'displayName', 'role', 'password'], properties: { username: { type: 'string' }, displayName: { type: 'string' }, role: { type: 'string', enum: ['operator', 'manager', 'admin', 'kiosk'] }, password: { type: 'string', minLength: 12 }, officeIds: { type: 'array', items: { type: 'string', format: 'uuid' } } } } })
  create(@CurrentStaff() staff: StaffPrincipal, @Body() body: unknown): Promise<AdminStaffUserDto> {
    return this.staffUsers.create(staff, readStaffCreate(body));
  }

  @Put(':userId')
  @Staff('admin')
  @ApiOperation({ summary: 'Changes name, role, offices and active; deactivating ends the open sessions' })
  update(@CurrentStaff() staff: StaffPrincipal, @Param('userId', new Valid(uuidParam())) userId: string, @Body() body: unknown): Promise<AdminStaffUserDto> {
    return this.staffUsers.update(staff, userId, readStaffUpdate(body));
  }

  @Post(':userId/password')
  @HttpCode(204)
  @Staff('admin')
  @ApiOperation({ summary: "Sets a new password: unlocks the account and ends its sessions" })
  async resetPassword(@CurrentStaff() staff: StaffPrincipal, @Param('userId', new Valid(uuidParam())) userId: string, @Body() body: unknown): Promise<void> {
    await this.staffUsers.resetPassword(staff, userId, readPassword(body));
  }
}
