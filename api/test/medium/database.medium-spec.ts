import { advisoryLock, affected, queryRows, transaction } from '../../src/app/database/db';
import { openWorld, World } from './support/world';

/** Resolves when `check` holds; polls the database's own state, never a fixed delay. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('database helpers (real PostgreSQL, no HTTP)', () => {
  let world: World;

  beforeAll(async () => {
    world = await openWorld();
  });

  afterAll(async () => {
    await world?.close();
  });

  it('transaction() commits what resolves and leaves nothing of what throws', async () => {
    const { officeId } = await world.newOffice();
    await transaction(world.dataSource, (tx) => tx.query(`UPDATE office SET name = 'Prima' WHERE id = $1`, [officeId]));
    await expect(
      transaction(world.dataSource, async (tx) => {
        await tx.query(`UPDATE office SET name = 'Seconda' WHERE id = $1`, [officeId]);
        throw new Error('refused half-way');
      }),
    ).rejects.toThrow('refused half-way');
    const { rows } = await world.db.sql.query('SELECT name FROM office WHERE id = $1', [officeId]);
    expect(rows[0].name).toBe('Prima');
  });

  it('queryRows() gives the rows of UPDATE … RETURNING on the pool and in a transaction; affected() counts', async () => {
    const { officeId } = await world.newOffice();
    const onPool = await queryRows<{ name: string }>(world.dataSource, `UPDATE office SET name = 'Pool' WHERE id = $1 RETURNING name`, [officeId]);
    expect(onPool).toEqual([{ name: 'Pool' }]);
    const inTx = await transaction(world.dataSource, (tx) =>
      queryRows<{ id: string }>(tx, `UPDATE office SET name = 'Tx' WHERE id = $1 RETURNING id`, [officeId]),
    );
    expect(inTx).toEqual([{ id: officeId }]);
    expect(await affected(world.dataSource, `UPDATE service SET sort_order = sort_order WHERE office_id = $1`, [officeId])).toBe(2);
    expect(await affected(world.dataSource, `DELETE FROM closure WHERE office_id = $1`, [officeId])).toBe(0);
  });

  it('advisoryLock() makes a second transaction on the same key wait for the first; another key does not wait', async () => {
    const key = `test:${Date.now()}`;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstHasLock = false;
    const first = transaction(world.dataSource, async (tx) => {
      await advisoryLock(tx, key);
      firstHasLock = true;
      await held;
    });
    await until(async () => firstHasLock, 'the first transaction to hold the lock');
    let secondDone = false;
    const second = transaction(world.dataSource, (tx) => advisoryLock(tx, key)).then(() => (secondDone = true));
    const waitingOnAdvisory = async () => {
      const { rows } = await world.db.sql.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
      return rows[0].n > 0;
    };
    await until(waitingOnAdvisory, 'the second transaction to wait for the lock');
    // Another key is free meanwhile; the waiting one has not got through.
    await transaction(world.dataSource, (tx) => advisoryLock(tx, `${key}:other`, `${key}:another`));
    expect(secondDone).toBe(false);
    release();
    await first;
    await second;
    expect(secondDone).toBe(true);
  });
});
