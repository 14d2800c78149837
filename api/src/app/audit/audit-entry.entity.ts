import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditAction, AuditEntity } from '@sportello/contracts';

/**
 * AUDIT_ACTIONS of the contracts, written out here: the migration tool loads entities
 * without the workspace's path aliases (a unit test keeps the two lists equal).
 */
export const AUDIT_ACTION_VALUES: readonly AuditAction[] = [
  'CREATE',
  'UPDATE',
  'DELETE',
  'VIEW',
  'EXPORT',
  'CHECK_IN',
  'PASSWORD_RESET',
  'LOGIN',
  'LOGOUT',
  'LOGIN_FAILED',
  'LOCKED_OUT',
  'UNDO',
];
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Who did what, and when: configuration changes (with a before/after summary), and every
 * view, export or change of citizens' data by staff (agenda views and searches, check-ins,
 * exports). Rows never hold codici fiscali, e-mail addresses or names of citizens: an
 * appointment is named by its id and booking code. The actor's username and role are copied,
 * so a row still reads right after the account changes. Rows are only ever inserted (and
 * deleted by the retention job after AUDIT_RETENTION_DAYS) — except a VIEW row, which
 * grows while the same person keeps looking at the same day (AuditService.recordView).
 */
@Entity('audit_entry')
@Index('ix_audit_entry_at', ['at'])
@Index('ix_audit_entry_actor_at', ['actorId', 'at'])
@Index('ix_audit_entry_entity_at', ['entity', 'at'])
@Check('ck_audit_entry_action', `"action" IN (${list(AUDIT_ACTION_VALUES)})`)
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** The staff account (no foreign key: the row outlives any change to the account). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_username', type: 'varchar', length: 64, nullable: true })
  actorUsername: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 16, nullable: true })
  actorRole: string | null;

  @Column({ type: 'varchar', length: 16 })
  action: AuditAction;

  @Column({ type: 'varchar', length: 32 })
  entity: AuditEntity;

  /** The id of what was changed or viewed (an office for agenda views). */
  @Column({ name: 'entity_id', type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  @Column({ name: 'office_id', type: 'uuid', nullable: true })
  officeId: string | null;

  /** A short summary: changed fields with before and after, booking codes seen or changed. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}
