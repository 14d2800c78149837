import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditAction } from '@sportello/contracts';
import { DataSource } from 'typeorm';
import { advisoryLock, queryRows, transaction, type Tx } from '../database/db';

export interface NewAuditEntry {
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: AuditAction;
  entity: string;
  entityId: string | null;
  officeId: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  from: Date | null;
  to: Date | null;
  actor: string | null;
  action: string | null;
  entity: string | null;
  officeId: string | null;
  limit: number;
  offset: number;
}

export interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  actor_role: string | null;
  action: AuditAction;
  entity: string;
  entity_id: string | null;
  office_id: string | null;
  details: Record<string, unknown>;
}

/** All SQL of the audit log: rows are inserted, read by admins, and deleted only by the retention job. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(entry: NewAuditEntry, tx?: Tx): Promise<void> {
    await (tx ?? this.db).query(
      `INSERT INTO audit_entry (actor_id, actor_username, actor_role, action, entity, entity_id, office_id, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [entry.actorId, entry.actorUsername, entry.actorRole, entry.action, entry.entity, entry.entityId, entry.officeId, JSON.stringify(entry.details)],
    );
  }

  /**
   * Runs `work` holding a transaction-scoped lock on `key`: two parallel agenda requests of
   * the same person merge into one view row instead of writing two.
   */
  async locked<T>(key: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    return transaction(this.db, async (tx) => {
      await advisoryLock(tx, `audit:${key}`);
      return work(tx);
    });
  }

  /** The person's latest VIEW row of this object and day, still open (last seen within `minutes`). */
  async openView(
    tx: Tx,
    actorId: string,
    entity: string,
    entityId: string,
    date: string,
    minutes: number,
  ): Promise<{ id: string; details: Record<string, unknown> } | null> {
    const rows = await queryRows<{ id: string; details: Record<string, unknown> }>(
      tx,
      `SELECT id, details FROM audit_entry
        WHERE actor_id = $1 AND action = 'VIEW' AND entity = $2 AND entity_id = $3 AND details->>'date' = $4
          AND coalesce((details->>'lastAt')::timestamptz, at) > now() - make_interval(mins => $5::int)
        ORDER BY at DESC LIMIT 1 FOR UPDATE`,
      [actorId, entity, entityId, date, minutes],
    );
    return rows[0] ?? null;
  }

  async updateDetails(tx: Tx, id: string, details: Record<string, unknown>): Promise<void> {
    await tx.query(`UPDATE audit_entry SET details = $2 WHERE id = $1`, [id, JSON.stringify(details)]);
  }

  /** One page, newest first, with the number of rows matching the filter. */
  async page(filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.from) add('at >= ?', filter.from);
    if (filter.to) add('at < ?', filter.to);
    if (filter.actor) add('actor_username = ?', filter.actor);
    if (filter.action) add('action = ?', filter.action);
    if (filter.entity) add('entity = ?', filter.entity);
    if (filter.officeId) add('office_id = ?', filter.officeId);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [count] = await queryRows<{ n: number }>(this.db, `SELECT count(*)::int AS n FROM audit_entry ${clause}`, params);
    const rows = await queryRows<AuditRow>(
      this.db,
      `SELECT id, at, actor_id, actor_username, actor_role, action, entity, entity_id, office_id, details
         FROM audit_entry ${clause}
        ORDER BY at DESC, id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { rows, total: count?.n ?? 0 };
  }
}
