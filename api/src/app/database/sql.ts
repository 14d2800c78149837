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
