import type { ErrorCode } from '@sportello/contracts';
import { ApiFailure, failureMessage, toApiFailure } from '../../../core/api/api-error';
import { FrontDeskI18n, FrontDeskKey } from './frontdesk-i18n';

/** Front-desk refusals worth a sentence of our own (what to do next), rather than the api's. */
const OWN_TEXT: Partial<Record<ErrorCode, FrontDeskKey>> = {
  DESK_BUSY: 'fd.error.DESK_BUSY',
  DESK_PAUSED: 'fd.error.DESK_PAUSED',
  NO_CURRENT_TICKET: 'fd.error.NO_CURRENT_TICKET',
  TICKET_STATE: 'fd.error.TICKET_STATE',
  FORBIDDEN_OFFICE: 'fd.error.FORBIDDEN_OFFICE',
  FORBIDDEN: 'fd.error.FORBIDDEN',
  OFFICE_CLOSED: 'fd.error.OFFICE_CLOSED',
  SERVICE_NOT_SERVED: 'fd.error.SERVICE_NOT_SERVED',
  UNDO_EXPIRED: 'fd.error.UNDO_EXPIRED',
};

/** The sentence for a failed front-desk call: ours for the known conflicts, else the api's (localized), else a generic one. */
export function failureText(error: unknown, i18n: FrontDeskI18n): string {
  const failure: ApiFailure = toApiFailure(error);
  const own = failure.code ? OWN_TEXT[failure.code] : undefined;
  if (own) return i18n.t(own);
  if (failure.status === 404 && !failure.message) return i18n.t('fd.error.notFound');
  const message = failureMessage(failure, (key) => i18n.t(key));
  const details = failure.fieldErrors.map((error) => error.message).filter((text) => text && text !== message);
  return [message, ...details].join(' ');
}
