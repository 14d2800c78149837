import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditEntity, AuditEntryDto, AuditPageDto } from '@sportello/contracts';
import { redact } from './audit-details';
import { AuditFilter, AuditRepository } from './audit.repository';
import type { Tx } from '../database/db';

/** A view row stays open for more of the same person's looks at the same day this long after the last one. */
export const VIEW_MERGE_MINUTES = 15;

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

  async record(actor: AuditActor | null, entry: AuditRecord, tx?: Tx): Promise<void> {
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

  /**
   * A view of citizens' data (the agenda of a day): one row while the same person keeps
   * looking at the same day — the page refreshes itself and searches as the operator types.
   * Within VIEW_MERGE_MINUTES of the row's last look, the booking codes seen are added to it,
   * `views` and `searches` count the requests and `lastAt` is the latest; after that a new
   * row starts. Never the search text (a name or a codice fiscale).
   */
  async recordView(
    actor: AuditActor,
    entry: { entity: AuditEntity; entityId: string; officeId: string; date: string; search: boolean; appointments: string[] },
  ): Promise<void> {
    const key = `${actor.id}|${entry.entity}|${entry.entityId}|${entry.date}`;
    await this.repository.locked(key, async (tx) => {
      const open = await this.repository.openView(tx, actor.id, entry.entity, entry.entityId, entry.date, VIEW_MERGE_MINUTES);
      const lastAt = new Date().toISOString();
      if (!open) {
        await this.record(
          actor,
          {
            action: 'VIEW',
            entity: entry.entity,
            entityId: entry.entityId,
            officeId: entry.officeId,
            details: { date: entry.date, search: entry.search, appointments: entry.appointments, views: 1, searches: entry.search ? 1 : 0, lastAt },
          },
          tx,
        );
        return;
      }
      const seen = Array.isArray(open.details['appointments']) ? (open.details['appointments'] as string[]) : [];
      const count = (name: string) => (typeof open.details[name] === 'number' ? open.details[name] : 0);
      await this.repository.updateDetails(
        tx,
        open.id,
        redact({
          ...open.details,
          search: open.details['search'] === true || entry.search,
          appointments: [...new Set([...seen, ...entry.appointments])].sort(),
          views: count('views') + 1,
          searches: count('searches') + (entry.search ? 1 : 0),
          lastAt,
        }),
      );
    });
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
