import { computed, effect, inject, resource, Signal, untracked } from '@angular/core';
import { I18n } from '../../core/i18n/i18n';
import type { FormState } from './form-state';

/** A page's data, loaded with `resource()` for its parameters (the office in the address). */
export interface FormResource<T> {
  /** The data, undefined until loaded (and after a failure). */
  readonly value: Signal<T | undefined>;
  /** Fetch again now (after a change) and resolve once the new data is in. */
  refresh(): Promise<void>;
}

/**
 * The data a staff form edits: loaded with `resource()` whenever `params` change, a failure
 * shown as the form's own (its general failure, or the fields the api names). `refresh`
 * reloads it after a save, and resolves once the page shows the new data.
 */
export function formResource<P extends NonNullable<unknown>, T>(
  form: FormState,
  params: () => P | undefined,
  load: (params: P) => Promise<T>,
): FormResource<T> {
  const i18n = inject(I18n);
  const t = (key: 'error.network' | 'error.generic') => i18n.t(key);
  const data = resource({ params, loader: ({ params }) => load(params) });
  effect(() => {
    const error = data.error();
    if (error) untracked(() => form.fail(error, t));
  });
  return {
    value: computed(() => (data.hasValue() ? data.value() : undefined)),
    async refresh() {
      const current = untracked(params);
      if (current === undefined) return;
      try {
        data.set(await load(current));
      } catch (error) {
        form.fail(error, t);
      }
    },
  };
}
