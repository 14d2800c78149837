import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/app/database/data-source';
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

  it('every migration has run on the template', async () => {
    expect(await source.showMigrations()).toBe(false);
  });
});
