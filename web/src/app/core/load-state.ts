import type { Resource } from '@angular/core';
import { toApiFailure, type ApiFailure } from './api/api-error';

/** What a page shows while it waits for the api. */
export type LoadState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; failure: ApiFailure };

/** A resource's state as a page shows it: loading (or reloading with nothing yet), ready, or the api's failure. */
export function loadStateOf<T>(data: Resource<T | undefined>): LoadState<T> {
  if (data.status() === 'error') return { status: 'error', failure: toApiFailure(data.error()) };
  return data.hasValue() ? { status: 'ready', data: data.value() as T } : { status: 'loading' };
}
