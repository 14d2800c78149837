import { inject, linkedSignal, WritableSignal } from '@angular/core';
import type { OfficeSettingsDto } from '@sportello/contracts';
import { formResource } from '../../shared/forms/form-resource';
import type { FormState } from '../../shared/forms/form-state';
import { AdminApi } from './admin-api';

/** The office settings a page edits, and the form's values made from them. */
export interface OfficeSettingsForm<M> {
  /** The settings as the api has them: loaded, then what a save returned (`set` it). */
  readonly settings: WritableSignal<OfficeSettingsDto | null>;
  /** The form's values, reset from the settings whenever those change. */
  readonly model: WritableSignal<M | null>;
}

/**
 * The booking rules page and the legal texts page edit parts of the same settings
 * (`GET/PUT /api/admin/offices/:id/settings`): both load them for the office in the
 * address and keep a model of their own part. Call it in an injection context.
 */
export function officeSettingsForm<M>(form: FormState, officeId: () => string, toModel: (settings: OfficeSettingsDto) => M): OfficeSettingsForm<M> {
  const api = inject(AdminApi);
  const loaded = formResource(form, officeId, (id) => api.settings(id));
  const settings = linkedSignal<OfficeSettingsDto | null>(() => loaded.value() ?? null);
  const model = linkedSignal<M | null>(() => {
    const current = settings();
    return current ? toModel(current) : null;
  });
  return { settings, model };
}
