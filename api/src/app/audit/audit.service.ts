import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditEntity, AuditEntryDto, AuditPageDto } from '@sportello/contracts';
import type { EntityManager } from 'typeorm';
import { redact } from './audit-details';
import { AuditFilter, AuditRepository } from './audit.repository';

/** Who acted: a logged-in staff member (the principal of `@CurrentStaff()`). */
export interface AuditActor {
  id: string;
  username: string;
  role: string;
}

export interface AuditRecord {
  action: AuditAction;
  entity: AuditEntity;
  entityId?: string | null;
  officeId?: string | null;
  /** A short summary: changed fields, booking codes. Never names, codici fiscali or e-mail addresses. */
  details?: Record<string, unknown>;
}

/**
 * The audit log. Any module records with `record(actor, entry, tx)`: inside the transaction
 * of the change it describes (so a change is never without its row, nor a row without its
 * change), or on its own after a read (agenda views, exports). Codici fiscali and e-mail
 * addresses are redacted from the details whatever the caller passes.
 *
 * ```ts
 * await this.audit.record(staff, { action: 'EXPORT', entity: 'statistics', officeId, details: { from, to, format: 'csv' } });
 * ```
 */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  async record(actor: AuditActor | null, entry: AuditRecord, tx?: EntityManager): Promise<void> {
    await this.repository.insert(
      {
        actorId: actor?.id ?? null,
        actorUsername: actor?.username ?? null,
        actorRole: actor?.role ?? null,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId ?? null,
        officeId: entry.officeId ?? null,
        details: redact(entry.details ?? {}),
      },
      tx,
    );
  }

  async page(filter: Omit<AuditFilter, 'limit' | 'offset'>, page: number, pageSize: number): Promise<AuditPageDto> {
    const { rows, total } = await this.repository.page({ ...filter, limit: pageSize, offset: (page - 1) * pageSize });
    const items: AuditEntryDto[] = rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: { id: r.actor_id, username: r.actor_username, role: r.actor_role },
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      officeId: r.office_id,
      details: r.details,
    }));
    return { items, total, page, pageSize };
  }
}
