import type { DataSource, EntityManager } from 'typeorm';

/**
 * What a repository method runs on: the pool (`DataSource`) or the transaction a service
 * hands it (`Tx`). Services never run SQL themselves; they open a transaction with
 * `transaction()` and pass it to the repositories they call, so one unit of work spans
 * several repositories.
 */
export type Db = DataSource | EntityManager;

/** The transaction handed to repository methods. */
export type Tx = EntityManager;

/**
 * Runs `work` in one READ COMMITTED transaction: committed when it resolves, rolled back
 * when it throws. The single entry point, so every transaction has the same isolation.
 */
export function transaction<T>(db: DataSource, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction('READ COMMITTED', work);
}

/**
 * Serialises work on each key (e.g. `person:<service>:<fiscal code key>`, `admin:<office>`)
 * until the transaction ends. Several keys are taken in one statement in the order given:
 * callers that need more than one always pass them in the same order, so two transactions
 * never wait for each other in a circle.
 */
export async function advisoryLock(tx: Tx, ...keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const locks = keys.map((_, i) => `pg_advisory_xact_lock(hashtextextended($${i + 1}, 0))`).join(', ');
  await tx.query(`SELECT ${locks}`, keys);
}

/** Queues a NOTIFY on `channel` in the transaction: listeners hear it when (and only if) it commits. */
export async function notify(tx: Tx, channel: string, payload: string): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [channel, payload]);
}

/** Resolves when the database answers a trivial statement (readiness). */
export async function ping(db: Db): Promise<void> {
  await db.query('SELECT 1');
}

/**
 * The rows of any statement, UPDATE … RETURNING included (TypeORM's `query()` answers
 * `[rows, count]` for those and plain rows for SELECT), typed by the caller.
 */
export async function queryRows<T = unknown>(db: Db, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await structured(db, sql, params)).records as T[];
}

/** How many rows an UPDATE or DELETE touched. */
export async function affected(db: Db, sql: string, params: unknown[] = []): Promise<number> {
  return (await structured(db, sql, params)).affected ?? 0;
}

async function structured(db: Db, sql: string, params: unknown[]): Promise<{ records: unknown[]; affected?: number }> {
  if ('queryRunner' in db && db.queryRunner) return db.queryRunner.query(sql, params, true);
  // The pool: a runner for this one statement, as DataSource.query does, released after it.
  const runner = ('createQueryRunner' in db ? db : db.connection).createQueryRunner();
  try {
    return await runner.query(sql, params, true);
  } finally {
    await runner.release();
  }
}

/**
 * Takes the office's configuration for a change: an exclusive lock on its counter row
 * (which the change's triggers then bump). It waits for every booking in flight, which
 * holds that row shared from its seat claim to its commit (BookingRepository.holdRules), and
 * makes new ones wait; so a sweep for stranded appointments that runs after this sees them
 * all, and every booking after the commit is checked against the new rules.
 */
export async function lockOfficeConfiguration(tx: Tx, officeId: string): Promise<void> {
  await tx.query('SELECT 1 FROM office_config_version WHERE office_id = $1 FOR NO KEY UPDATE', [officeId]);
}
