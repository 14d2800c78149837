/**
 * The zod schemas of the api's requests: `@sportello/contracts/schemas`. A separate entry
 * point from `@sportello/contracts` (types and constants), so that the web's eager imports
 * never pull zod into its initial bundle.
 */
export * from './lib/schema/fields';
export * from './lib/schema/booking';
export * from './lib/schema/staff';
export * from './lib/schema/admin';
export * from './lib/schema/answers';
export * from './lib/schema/citizen';
export * from './lib/schema/notices';
