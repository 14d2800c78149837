import type { ApiFailure } from './api/api-error';

/** What a page shows while it waits for the api. */
export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; failure: ApiFailure };
