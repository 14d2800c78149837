import { Init1795772419649 } from './migrations/1795772419649-Init';
import { Booking1795772990973 } from './migrations/1795772990973-Booking';

/** Every migration, in order, listed explicitly (webpack bundle: no globs). */
export const MIGRATIONS = [Init1795772419649, Booking1795772990973];
