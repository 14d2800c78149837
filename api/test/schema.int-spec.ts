import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/app/database/data-source';
import { TICKET_EVENT_TYPES } from '@sportello/contracts';
import { AUDIT_ACTION_VALUES } from '../src/app/audit/audit-entry.entity';
import { createTestDatabase, TestDatabase } from './support/api-process';

// Immich-style check: on a database migrated by the real migrations, TypeORM must find
// nothing to change for the entities. A non-empty list means an entity changed without a
// migration (run `npm run migration:generate -- Name`).
describe('entities and migrations agree', () => {
  let db: TestDatabase;
  let source: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    source = await new DataSource(dataSourceOptions(db.url)).initialize();
  });

  afterAll(async () => {
    await source?.destroy();
    await db?.drop();
  });

  it('generating a migration yields nothing', async () => {
    const pending = await source.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  // TypeORM compares CHECK constraints by name only: a value added to an entity's list
  // without a migration would go unnoticed above.
  it.each([
    ['ticket_event', 'ck_ticket_event_type', TICKET_EVENT_TYPES],
    ['audit_entry', 'ck_audit_entry_action', AUDIT_ACTION_VALUES],
  ])('%s.%s allows exactly the values of the entity', async (table, name, values) => {
    const rows: Array<{ definition: string }> = await source.query(
      `SELECT pg_get_constraintdef(c.oid) AS definition FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid WHERE t.relname = $1 AND c.conname = $2`,
      [table, name],
    );
    const allowed = [...rows[0].definition.matchAll(/'([A-Z_]+)'::/g)].map((m) => m[1]).sort();
    expect(allowed).toEqual([...values].sort());
  });

  it('every migration has run on the template', async () => {
    expect(await source.showMigrations()).toBe(false);
  });
});
