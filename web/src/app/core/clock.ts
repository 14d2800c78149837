import { InjectionToken } from '@angular/core';

/** The current instant; replaced in tests to pin "today". */
export const CLOCK = new InjectionToken<() => Date>('CLOCK', {
  providedIn: 'root',
  factory: () => () => new Date(),
});
