import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ClosureDto } from '@sportello/contracts';
import { I18n } from '../../core/i18n/i18n';
import { AdminApi } from './admin-api';
import { ADMIN_CIE, ADMIN_OFFICE, apiError, mockApi, OFFICE_ID, settle } from './admin-testing';
import { closureInput, Closures } from './closures';

const CLOSURE: ClosureDto = {
  id: 'c1',
  officeId: OFFICE_ID,
  serviceId: null,
  start: '2027-04-30T22:00:00Z',
  end: '2027-05-02T22:00:00Z',
  reason: 'Ponte',
  cancelled: [],
};

describe('Closures (/staff/admin/offices/:officeId/closures)', () => {
  let api: Record<string, jest.Mock>;
  let fixture: ComponentFixture<Closures>;
  let el: HTMLElement;
  const $ = <T extends Element = HTMLElement>(s: string) => el.querySelector<T>(s) as T;
  const text = (s: string) => $(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(async () => {
    localStorage.clear();
    api = mockApi({ offices: [ADMIN_OFFICE], services: [ADMIN_CIE], closures: [CLOSURE] });
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: AdminApi, useValue: api }] });
    fixture = TestBed.createComponent(Closures);
    fixture.componentRef.setInput('officeId', OFFICE_ID);
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await settle(fixture);
  });

  afterEach(() => el.remove());

  async function type(testId: string, value: string): Promise<void> {
    const input = $<HTMLInputElement>(`[data-testid="${testId}"]`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle(fixture);
  }

  async function submit(): Promise<void> {
    $('[data-testid="closure-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
  }

  it('lists the planned closures in words, with the office name and the section links', () => {
    expect(text('h1')).toBe('Chiusure');
    expect(text('[data-testid="office-name"]')).toBe('URP Calderara di Reno');
    expect(text('[data-testid="closures-table"] tbody tr')).toContain('da sabato 1 maggio 2027 a domenica 2 maggio 2027');
    expect(text('[data-testid="closures-table"] tbody tr')).toContain('Tutto l’ufficio');
  });

  it('the button says what it closes: the office, or the one service chosen', async () => {
    expect(text('[data-testid="closure-save"]')).toBe('Chiudi l’ufficio in questo periodo');
    const service = $<HTMLSelectElement>('[data-testid="closure-service"]');
    service.value = 'svc-cie';
    service.dispatchEvent(new Event('change'));
    await settle(fixture);
    expect(text('[data-testid="closure-save"]')).toBe("Chiudi il servizio «Carta d'identità elettronica» in questo periodo");
  });

  it('a closure with bookings inside: the confirmation lists them and gets the focus; confirmed, it is sent again with confirm', async () => {
    api['createClosure']
      .mockRejectedValueOnce(
        apiError(409, {
          code: 'CONFIRMATION_REQUIRED',
          affected: [{ id: 'a1', code: 'CIE-7K3P9Q', start: '2027-05-03T12:30:00Z', serviceId: 'svc-cie', serviceName: "Carta d'identità elettronica" }],
        }),
      )
      .mockResolvedValueOnce({
        ...CLOSURE,
        id: 'c2',
        start: '2027-05-03T12:00:00Z',
        end: '2027-05-03T14:00:00Z',
        reason: 'Assemblea',
        cancelled: ['CIE-7K3P9Q'],
      });
    $<HTMLInputElement>('[data-testid="closure-kind-hours"]').click();
    await settle(fixture);
    await type('closure-from', '2027-05-03');
    await type('closure-startTime', '14:00');
    await type('closure-endTime', '16:00');
    await type('closure-reason', 'Assemblea');
    await submit();

    expect(api['createClosure']).toHaveBeenLastCalledWith(OFFICE_ID, { from: '2027-05-03', startTime: '14:00', endTime: '16:00', reason: 'Assemblea' });
    const dialog = $('[data-testid="confirm-change"]');
    expect(dialog.getAttribute('role')).toBe('alertdialog');
    expect(document.activeElement).toBe(dialog.querySelector('h2'));
    expect(text('[data-testid="affected-list"]')).toBe("CIE-7K3P9Q – lunedì 3 maggio 2027, 14:30 – Carta d'identità elettronica");
    expect(text('[data-testid="confirm-change"] p')).toContain('1 prenotazione: se confermi sarà annullata');

    $<HTMLButtonElement>('[data-testid="confirm-yes"]').click();
    await settle(fixture);
    expect(api['createClosure']).toHaveBeenLastCalledWith(OFFICE_ID, {
      from: '2027-05-03',
      startTime: '14:00',
      endTime: '16:00',
      reason: 'Assemblea',
      confirm: true,
    });
    expect($('[data-testid="confirm-change"]')).toBeNull();
    expect(text('[data-testid="form-success"]')).toContain('1 prenotazione annullata (CIE-7K3P9Q)');
  });

  it('cancelling the confirmation writes nothing and gives the focus back to the button', async () => {
    api['createClosure'].mockRejectedValueOnce(
      apiError(409, {
        code: 'CONFIRMATION_REQUIRED',
        affected: [{ id: 'a1', code: 'CIE-7K3P9Q', start: '2027-05-03T12:30:00Z', serviceId: 's', serviceName: 'CIE' }],
      }),
    );
    await type('closure-from', '2027-05-03');
    await type('closure-reason', 'Sciopero');
    await submit();
    $<HTMLButtonElement>('[data-testid="confirm-no"]').click();
    await settle(fixture);
    expect($('[data-testid="confirm-change"]')).toBeNull();
    expect(api['createClosure']).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe($('[data-testid="closure-save"]'));
  });

  it('the api’s field errors: a focused summary with links, and each field marked', async () => {
    api['createClosure'].mockRejectedValueOnce(
      apiError(400, {
        code: 'VALIDATION_FAILED',
        errors: [
          { field: 'from', message: 'Campo obbligatorio.' },
          { field: 'reason', message: 'Campo obbligatorio.' },
        ],
      }),
    );
    await submit();
    const summary = $('[data-testid="error-summary"]');
    expect(document.activeElement).toBe(summary);
    expect([...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['#closure-from', '#closure-reason']);
    expect($('#closure-reason').getAttribute('aria-invalid')).toBe('true');
    expect($('#closure-reason').getAttribute('aria-describedby')).toContain('closure-reason-error');
    expect(text('#closure-reason-error')).toBe('Errore: Campo obbligatorio.');
  });

  it('deleting asks first, then removes; in English', async () => {
    TestBed.inject(I18n).setLanguage('en');
    await settle(fixture);
    $<HTMLButtonElement>('[data-testid="closure-delete-0"]').click();
    await settle(fixture);
    expect(document.activeElement?.id).toBe('closure-delete-title');
    expect(text('#closure-delete-title')).toBe('Delete this closure?');
    $<HTMLButtonElement>('[data-testid="closure-delete-yes"]').click();
    await settle(fixture);
    expect(api['deleteClosure']).toHaveBeenCalledWith(OFFICE_ID, 'c1');
    expect(text('[data-testid="form-success"]')).toContain('Closure deleted');
  });

  it('builds the request for whole days or some hours', () => {
    const base = { from: '2027-05-01', to: '2027-05-02', partDay: false, startTime: '10:00', endTime: '11:00', serviceId: '', reason: 'x' };
    expect(closureInput(base, false)).toEqual({ from: '2027-05-01', to: '2027-05-02', reason: 'x' });
    expect(closureInput({ ...base, partDay: true, serviceId: 'svc' }, true)).toEqual({
      from: '2027-05-01',
      startTime: '10:00',
      endTime: '11:00',
      serviceId: 'svc',
      reason: 'x',
      confirm: true,
    });
  });
});
