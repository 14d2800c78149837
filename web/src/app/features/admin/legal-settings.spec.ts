import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { OfficeSettingsDto } from '@sportello/contracts';
import { AdminApi } from './admin-api';
import { ADMIN_OFFICE, apiError, mockApi, OFFICE_ID, settle } from './admin-testing';
import { LegalSettings } from './legal-settings';

const SETTINGS: OfficeSettingsDto = {
  officeId: OFFICE_ID,
  bookingHorizonDays: 60,
  minNoticeMinutes: 120,
  reconfirmRequired: false,
  holdMinutes: null,
  cancelCutoffHours: null,
  reminderHoursBefore: null,
  maxActivePerFiscalCode: null,
  retentionDays: 30,
  mandateStart: null,
  mandateEnd: null,
  patronSaint: null,
  privacy: {
    controller: 'Comune di Calderara di Reno',
    controllerEmail: null,
    dpoName: null,
    dpoEmail: null,
    purposes: null,
    legalBasis: null,
    recipients: null,
  },
  accessibility: { declarationUrl: null, feedbackEmail: null },
  defaults: { holdMinutes: 10, cancelCutoffHours: 24, reminderHoursBefore: 24, maxActivePerFiscalCode: 1, retentionDays: 90 },
  reconfirmDeadlineHours: 12,
  io: { apiKeySet: false, installationKeySet: false },
};

/** What the form sends: the settings as loaded, with `changes`, without the read-only parts. */
function asSent(changes: Partial<OfficeSettingsDto>): Record<string, unknown> {
  const sent: Record<string, unknown> = { ...SETTINGS, ...changes };
  for (const readOnly of ['officeId', 'defaults', 'reconfirmDeadlineHours', 'io']) delete sent[readOnly];
  return sent;
}

describe('LegalSettings (/staff/admin/offices/:officeId/legal)', () => {
  let api: Record<string, jest.Mock>;
  let fixture: ComponentFixture<LegalSettings>;
  let el: HTMLElement;
  const $ = <T extends Element = HTMLElement>(s: string) => el.querySelector<T>(s) as T;
  const text = (s: string) => $(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const type = (testId: string, value: string) => {
    const control = $<HTMLInputElement>(`[data-testid="${testId}"]`);
    control.value = value;
    control.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    $('[data-testid="legal-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
  };

  beforeEach(async () => {
    localStorage.clear();
    api = mockApi({ offices: [ADMIN_OFFICE], settings: SETTINGS, saveSettings: SETTINGS });
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: AdminApi, useValue: api }] });
    fixture = TestBed.createComponent(LegalSettings);
    fixture.componentRef.setInput('officeId', OFFICE_ID);
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await settle(fixture);
  });

  afterEach(() => el.remove());

  it('shows what is saved and, for empty texts, the standard one', () => {
    expect($<HTMLInputElement>('[data-testid="legal-controller"]').value).toBe('Comune di Calderara di Reno');
    expect(text('#legal-privacy-purposes-hint')).toContain('Testo standard: «Gestire l’appuntamento che prenoti');
  });

  it('saves the texts with every rule as it is (the api takes them all at once)', async () => {
    type('legal-dpoName', 'Studio Rossi');
    type('legal-dpoEmail', 'dpo@calderara.example');
    type('legal-purposes-it', 'Gestire gli appuntamenti.');
    type('legal-declarationUrl', 'https://form.agid.gov.it/view/abc');
    await submit();
    expect(api['saveSettings']).toHaveBeenCalledWith(
      OFFICE_ID,
      asSent({
        privacy: {
          controller: 'Comune di Calderara di Reno',
          controllerEmail: null,
          dpoName: 'Studio Rossi',
          dpoEmail: 'dpo@calderara.example',
          purposes: { it: 'Gestire gli appuntamenti.', en: '' },
          legalBasis: null,
          recipients: null,
        },
        accessibility: { declarationUrl: 'https://form.agid.gov.it/view/abc', feedbackEmail: null },
      }),
    );
    expect(text('[data-testid="form-success"]')).toBe('Informativa e pagina sull’accessibilità salvate.');
  });

  it("marks the fields the api refuses, by the api's field path", async () => {
    api['saveSettings'].mockRejectedValueOnce(
      apiError(400, {
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'accessibility.declarationUrl', message: 'Deve iniziare con https://form.agid.gov.it/.' }],
      }),
    );
    type('legal-declarationUrl', 'https://example.it');
    await submit();
    // The summary names the field (its group first): "…: deve iniziare con …".
    expect(text('[data-testid="error-summary"]')).toContain(
      'Accessibilità – Indirizzo della dichiarazione di accessibilità (form.agid.gov.it): deve iniziare con https://form.agid.gov.it/.',
    );
    expect($('[data-testid="legal-declarationUrl"]').getAttribute('aria-invalid')).toBe('true');
  });
});
