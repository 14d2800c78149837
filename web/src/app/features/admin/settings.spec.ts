import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { OfficeSettingsDto } from '@sportello/contracts';
import { AdminApi } from './admin-api';
import { ADMIN_OFFICE, apiError, mockApi, OFFICE_ID, settle } from './admin-testing';
import { Settings } from './settings';

const SETTINGS: OfficeSettingsDto = {
  officeId: OFFICE_ID,
  bookingHorizonDays: 60,
  minNoticeMinutes: 120,
  reconfirmRequired: true,
  holdMinutes: null,
  cancelCutoffHours: 48,
  reminderHoursBefore: null,
  maxActivePerFiscalCode: null,
  retentionDays: null,
  mandateStart: '2024-06-10',
  mandateEnd: null,
  patronSaint: { month: 10, day: 4 },
  privacy: { controller: null, controllerEmail: null, dpoName: null, dpoEmail: null, purposes: null, legalBasis: null, recipients: null },
  accessibility: { declarationUrl: null, feedbackEmail: null },
  defaults: { holdMinutes: 10, cancelCutoffHours: 24, reminderHoursBefore: 24, maxActivePerFiscalCode: 1, retentionDays: 90 },
  reconfirmDeadlineHours: 12,
  io: { apiKeySet: false, installationKeySet: false },
};

describe('Settings (/staff/admin/offices/:officeId/settings)', () => {
  let api: Record<string, jest.Mock>;
  let fixture: ComponentFixture<Settings>;
  let el: HTMLElement;
  const $ = <T extends Element = HTMLElement>(s: string) => el.querySelector<T>(s) as T;
  const text = (s: string) => $(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(async () => {
    localStorage.clear();
    api = mockApi({ offices: [ADMIN_OFFICE], settings: SETTINGS, saveSettings: { ...SETTINGS, holdMinutes: 5 } });
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: AdminApi, useValue: api }] });
    fixture = TestBed.createComponent(Settings);
    fixture.componentRef.setInput('officeId', OFFICE_ID);
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await settle(fixture);
  });

  afterEach(() => el.remove());

  it('shows each rule with its unit; empty rules show the installation default', () => {
    expect(text('label[for="settings-bookingHorizonDays"]')).toBe('Si può prenotare fino a (giorni)');
    expect($<HTMLInputElement>('[data-testid="settings-holdMinutes"]').value).toBe('');
    expect($<HTMLInputElement>('[data-testid="settings-holdMinutes"]').placeholder).toBe('10');
    expect(text('#settings-holdMinutes-hint')).toBe('Predefinito: 10.');
    expect($<HTMLInputElement>('[data-testid="settings-cancelCutoffHours"]').value).toBe('48');
    expect($<HTMLSelectElement>('#settings-patronSaint-month').value).toBe('10');
  });

  it('saves every rule at once: empty ones as null (the default)', async () => {
    const hold = $<HTMLInputElement>('[data-testid="settings-holdMinutes"]');
    hold.value = '5';
    hold.dispatchEvent(new Event('input'));
    $('[data-testid="settings-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(api['saveSettings']).toHaveBeenCalledWith(OFFICE_ID, {
      bookingHorizonDays: 60,
      minNoticeMinutes: 120,
      reconfirmRequired: true,
      holdMinutes: 5,
      cancelCutoffHours: 48,
      reminderHoursBefore: null,
      maxActivePerFiscalCode: null,
      retentionDays: null,
      mandateStart: '2024-06-10',
      mandateEnd: null,
      patronSaint: { month: 10, day: 4 },
    });
    expect(text('[data-testid="form-success"]')).toBe('Impostazioni salvate.');
    expect(document.activeElement?.id).toBe('settings-status');
  });

  it('shows the api’s messages on their fields', async () => {
    api['saveSettings'].mockRejectedValueOnce(
      apiError(400, {
        code: 'VALIDATION_FAILED',
        errors: [
          { field: 'reminderHoursBefore', message: 'Il promemoria deve partire più di 12 ore prima.' },
          { field: 'patronSaint.day', message: 'Giorno non valido per quel mese.' },
        ],
      }),
    );
    $('[data-testid="settings-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect($('#settings-reminderHoursBefore').getAttribute('aria-invalid')).toBe('true');
    expect(text('#settings-patronSaint-day-error')).toContain('Giorno non valido');
    expect(document.activeElement).toBe($('[data-testid="error-summary"]'));
  });

  it('App IO: the office key is write-only — status set/not set, a new key sent once, never shown; removal sends null', async () => {
    expect(text('[data-testid="settings-io-status"]')).toBe('Chiave dell’ufficio: non impostata (App IO non è attiva per questo ufficio)');
    expect($('[data-testid="settings-ioApiKeyRemove"]')).toBeNull();
    const key = $<HTMLInputElement>('[data-testid="settings-ioApiKey"]');
    expect(key.type).toBe('password');
    expect(key.value).toBe('');
    api['saveSettings'].mockResolvedValue({ ...SETTINGS, io: { apiKeySet: true, installationKeySet: false } });
    key.value = 'chiave-ufficio-0001';
    key.dispatchEvent(new Event('input'));
    await settle(fixture);
    $('[data-testid="settings-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(api['saveSettings']).toHaveBeenLastCalledWith(OFFICE_ID, expect.objectContaining({ ioApiKey: 'chiave-ufficio-0001' }));
    expect(text('[data-testid="settings-io-status"]')).toBe('Chiave dell’ufficio: impostata');
    expect($<HTMLInputElement>('[data-testid="settings-ioApiKey"]').value).toBe('');
    // Saving again without typing keeps the key: nothing about it is sent.
    $('[data-testid="settings-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(api['saveSettings'].mock.calls.at(-1)[1]).not.toHaveProperty('ioApiKey');
    const remove = $<HTMLInputElement>('[data-testid="settings-ioApiKeyRemove"]');
    remove.checked = true;
    remove.dispatchEvent(new Event('change'));
    $('[data-testid="settings-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(api['saveSettings']).toHaveBeenLastCalledWith(OFFICE_ID, expect.objectContaining({ ioApiKey: null }));
  });
});
