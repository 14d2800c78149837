import { AuditPageDtoSchema } from '@sportello/contracts/schemas';
import { Doc, DocTag } from '../common/openapi';
import { Controller, Get, Query } from '@nestjs/common';
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
@DocTag('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Doc({
    summary: 'Who changed configuration and who viewed, exported or changed citizens’ data, newest first (admins)',
    ok: AuditPageDtoSchema,
    okDescription: '{ items: [{ id, at, actor: { id, username, role }, action, entity, entityId, officeId, details }], total, page, pageSize }',
  })
  @Staff('admin')
  list(
    @Query(new Valid(AuditQuerySchema)) { from, to, actor, action, entity, officeId, page, pageSize }: z.output<typeof AuditQuerySchema>,
  ): Promise<AuditPageDto> {
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
