import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '@sportello/contracts';
import type { AuditPageDto } from '@sportello/contracts';
import { addDays, wallTimeToInstant } from '@sportello/domain';
import { Staff } from '../auth/staff.guard';
import { AuditQuerySchema } from '@sportello/contracts/schemas';
import type * as z from 'zod';
import { Valid } from '../common/validation';
import { AuditService } from './audit.service';

/** Dates of the filter are days of the office's zone. */
const ZONE = 'Europe/Rome';

/** The audit log, for admins only. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Staff('admin')
  @ApiOperation({ summary: 'Who changed configuration and who viewed, exported or changed citizens’ data, newest first (admins)' })
  @ApiQuery({ name: 'from', required: false, description: 'First day, YYYY-MM-DD (Europe/Rome)' })
  @ApiQuery({ name: 'to', required: false, description: 'Last day included, YYYY-MM-DD' })
  @ApiQuery({ name: 'actor', required: false, description: 'Username' })
  @ApiQuery({ name: 'action', required: false, enum: AUDIT_ACTIONS })
  @ApiQuery({ name: 'entity', required: false, enum: AUDIT_ENTITIES })
  @ApiQuery({ name: 'officeId', required: false })
  @ApiQuery({ name: 'page', required: false, description: '1, 2, …' })
  @ApiQuery({ name: 'pageSize', required: false, description: '1–200, default 50' })
  @ApiOkResponse({ description: '{ items: [{ id, at, actor: { id, username, role }, action, entity, entityId, officeId, details }], total, page, pageSize }' })
  list(@Query(new Valid(AuditQuerySchema)) { from, to, actor, action, entity, officeId, page, pageSize }: z.output<typeof AuditQuerySchema>): Promise<AuditPageDto> {
    return this.audit.page(
      {
        from: from ? new Date(wallTimeToInstant(from, 0, ZONE)) : null,
        to: to ? new Date(wallTimeToInstant(addDays(to, 1), 0, ZONE)) : null,
        actor: actor ?? null,
        action: action ?? null,
        entity: entity ?? null,
        officeId: officeId ?? null,
      },
      page,
      pageSize,
    );
  }
}
