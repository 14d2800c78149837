import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** TypeORM options shared by the api, the tests and the migration tools. */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // Schema changes only through migrations.
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // TypeORM would print failing queries with their parameters (personal data): off.
    logging: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    ...extra,
  } as DataSourceOptions;
}

/** For the TypeORM CLI (`npm run migration:generate`). */
export default new DataSource(dataSourceOptions(process.env['DATABASE_URL'] ?? 'postgres://postgres:postgres@localhost:5432/sportello'));
