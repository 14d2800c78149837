import type { EntityManager } from 'typeorm';

/**
 * The rows of any statement run in a transaction, UPDATE … RETURNING included (TypeORM's
 * `query()` answers `[rows, count]` for those, plain rows for SELECT).
 */
export async function txRows<T = unknown>(tx: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  if (!tx.queryRunner) throw new Error('this statement runs inside a transaction');
  const result = await tx.queryRunner.query(sql, params, true);
  return result.records as T[];
}

/**
 * Takes the office's configuration for a change: an exclusive lock on its counter row
 * (which the change's triggers then bump). It waits for every booking in flight, which
 * holds that row shared from its seat claim to its commit (BookingRepository.holdRules), and
 * makes new ones wait; so a sweep for stranded appointments that runs after this sees them
 * all, and every booking after the commit is checked against the new rules.
 */
export async function lockOfficeConfiguration(tx: EntityManager, officeId: string): Promise<void> {
  await tx.query('SELECT 1 FROM office_config_version WHERE office_id = $1 FOR NO KEY UPDATE', [officeId]);
}
