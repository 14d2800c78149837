import { HttpErrorResponse } from '@angular/common/http';
import type { AdminOfficeDto, AdminServiceDto } from '@sportello/contracts';

/** Shared pieces of the admin pages' unit tests. */
export const OFFICE_ID = '11111111-1111-4111-8111-111111111111';

export const ADMIN_OFFICE: AdminOfficeDto = {
  id: OFFICE_ID,
  code: 'URP-CALDERARA',
  name: 'URP Calderara di Reno',
  address: 'Piazza Marconi 7',
  city: 'Calderara di Reno',
  phone: null,
  email: null,
  latitude: null,
  longitude: null,
  timeZone: 'Europe/Rome',
};

export const ADMIN_CIE: AdminServiceDto = {
  id: 'svc-cie',
  officeId: OFFICE_ID,
  code: 'CIE',
  names: { it: "Carta d'identità elettronica", en: 'Electronic identity card' },
  descriptions: { it: '', en: '' },
  durationMinutes: 20,
  capacity: 2,
  documents: { it: ['Foto'], en: ['Photo'] },
  feeCents: 2221,
  feeNote: null,
  onlineAlternative: null,
  sortOrder: 1,
  active: true,
  ticketPrefix: 'C',
  outcomes: [{ code: 'CIE_REQUEST_TAKEN', it: 'Richiesta acquisita', en: 'Request taken' }],
  signInRequired: false,
  desks: 2,
};

export function apiError(status: number, body: Record<string, unknown>): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: { statusCode: status, message: 'Alcuni dati non sono validi.', ...body } });
}

/** A mocked AdminApi: every method a jest.fn, resolving to `answers[name]` unless set otherwise. */
export function mockApi(answers: Record<string, unknown> = {}): Record<string, jest.Mock> {
  const names = [
    'offices',
    'createOffice',
    'updateOffice',
    'deleteOffice',
    'settings',
    'saveSettings',
    'services',
    'createService',
    'updateService',
    'deleteService',
    'openingHours',
    'saveOpeningHours',
    'desks',
    'createDesk',
    'updateDesk',
    'deleteDesk',
    'closures',
    'createClosure',
    'deleteClosure',
    'notices',
    'createNotice',
    'updateNotice',
    'deleteNotice',
    'staffUsers',
    'createStaffUser',
    'updateStaffUser',
    'resetPassword',
    'audit',
  ];
  return Object.fromEntries(names.map((name) => [name, jest.fn(async () => answers[name] ?? (name.endsWith('s') ? [] : undefined))]));
}

export async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
  }
}
