export * from './lib/auth';
export * from './lib/booking';
export * from './lib/calendar';
export * from './lib/errors';
export * from './lib/health';
export * from './lib/frontdesk';
export * from './lib/waitlist';
export * from './lib/stats';
