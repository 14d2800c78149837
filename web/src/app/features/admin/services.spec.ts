import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AdminApi } from './admin-api';
import { ADMIN_CIE, ADMIN_OFFICE, apiError, mockApi, OFFICE_ID, settle } from './admin-testing';
import { parseEuros, Services, toInput, toModel } from './services';

describe('Services (/staff/admin/offices/:officeId/services)', () => {
  let api: Record<string, jest.Mock>;
  let fixture: ComponentFixture<Services>;
  let el: HTMLElement;
  const $ = <T extends Element = HTMLElement>(s: string) => el.querySelector<T>(s) as T;
  const text = (s: string) => $(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(async () => {
    localStorage.clear();
    api = mockApi({ offices: [ADMIN_OFFICE], services: [ADMIN_CIE] });
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: AdminApi, useValue: api }] });
    fixture = TestBed.createComponent(Services);
    fixture.componentRef.setInput('officeId', OFFICE_ID);
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await settle(fixture);
  });

  afterEach(() => el.remove());

  async function click(selector: string): Promise<void> {
    $<HTMLElement>(selector).click();
    await settle(fixture);
  }

  it('lists the services with duration, places, fee and state', () => {
    expect(text('h1')).toBe('Servizi');
    const cells = [...el.querySelectorAll('[data-testid="services-table"] tbody tr > *')].map((c) => c.textContent?.replace(/\s+/g, ' ').trim());
    expect(cells).toEqual(['CIE', "Carta d'identità elettronica", '20', '2', '22,21 €', 'Sì', 'No', '2', "Modifica Carta d'identità elettronica"]);
    // On a phone each cell is labelled with its column (table.sp-stack).
    expect($('[data-testid="services-table"]').classList).toContain('sp-stack');
    expect([...el.querySelectorAll('[data-testid="services-table"] tbody tr > [data-label]')].map((c) => c.getAttribute('data-label'))).toEqual([
      'Codice',
      'Nome',
      'Durata (minuti)',
      'Posti per orario',
      'Costo',
      'Attivo',
      'Solo con SPID o CIE',
      'Sportelli',
    ]);
  });

  it('a service no active desk serves: "Nessuno" in the list, and a warning when it is saved', async () => {
    api['services'].mockResolvedValue([{ ...ADMIN_CIE, desks: 0 }]);
    await click('[data-testid="service-edit-CIE"]');
    api['updateService'].mockResolvedValueOnce({ ...ADMIN_CIE, desks: 0, cancelled: [], ticketsLeft: [] });
    $('[data-testid="service-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(text('[data-testid="service-desks"]')).toBe('Nessuno');
    expect(text('[data-testid="service-no-desk"]')).toBe(
      "Nessuno sportello attivo serve «Carta d'identità elettronica»: non si danno biglietti per questo servizio al totem né allo sportello, e nessuno chiamerebbe chi ha un appuntamento. Assegnalo a uno sportello nella pagina Sportelli.",
    );
    // Served again: no warning after the next save.
    await click('[data-testid="service-edit-CIE"]');
    expect($('[data-testid="service-no-desk"]')).toBeNull();
  });

  it('the English name is optional (the hint says the Italian one is used)', async () => {
    await click('[data-testid="service-new"]');
    expect(text('#service-names-en-hint')).toBe('Facoltativo: se resta vuoto, anche in inglese si usa il nome italiano.');
    expect($('#service-names-en').getAttribute('aria-describedby')).toBe('service-names-en-hint');
  });

  it('deactivating a service with bookings: the confirmation lists them, then the change goes again with confirm and the cancelled codes are told', async () => {
    await click('[data-testid="service-edit-CIE"]');
    expect(document.activeElement?.id).toBe('service-form-title');
    const active = $<HTMLInputElement>('[data-testid="service-active"]');
    active.checked = false;
    active.dispatchEvent(new Event('change'));
    api['updateService']
      .mockRejectedValueOnce(
        apiError(409, {
          code: 'CONFIRMATION_REQUIRED',
          affected: [{ kind: 'APPOINTMENT', id: 'a1', code: 'CIE-7K3P9Q', start: '2027-03-29T06:30:00Z', serviceId: 'svc-cie', serviceName: 'CIE' }],
        }),
      )
      .mockResolvedValueOnce({ ...ADMIN_CIE, active: false, cancelled: ['CIE-7K3P9Q'], ticketsLeft: [] });
    $('[data-testid="service-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(api['updateService'].mock.calls[0][2]).toMatchObject({
      active: false,
      confirm: false,
      code: 'CIE',
      feeCents: 2221,
      documents: { it: ['Foto'], en: ['Photo'] },
    });
    expect(text('[data-testid="affected-list"]')).toBe('CIE-7K3P9Q – lunedì 29 marzo 2027, 08:30 – CIE');
    expect($<HTMLButtonElement>('[data-testid="service-save"]').disabled).toBe(true);

    await click('[data-testid="confirm-yes"]');
    expect(api['updateService'].mock.calls[1][2]).toMatchObject({ active: false, confirm: true });
    expect(text('[data-testid="form-success"]')).toBe(
      "Servizio Carta d'identità elettronica salvato. 1 prenotazione annullata (CIE-7K3P9Q): il cittadino riceverà un’e-mail.",
    );
    expect($('[data-testid="service-form"]')).toBeNull();
  });

  it('"Solo con SPID o CIE": shown in the list, loaded into the checkbox with its hint, and its change saved', async () => {
    api['services'].mockResolvedValue([{ ...ADMIN_CIE, signInRequired: true }]);
    el.remove();
    fixture = TestBed.createComponent(Services);
    fixture.componentRef.setInput('officeId', OFFICE_ID);
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await settle(fixture);
    expect(text('[data-testid="service-sign-in-summary"]')).toBe('Sì');
    await click('[data-testid="service-edit-CIE"]');
    const box = $<HTMLInputElement>('[data-testid="service-sign-in-required"]');
    expect(box.checked).toBe(true);
    expect(el.querySelector(`label[for="${box.id}"]`)?.textContent?.trim()).toBe('Solo con SPID o CIE (accesso obbligatorio per prenotare)');
    expect(box.getAttribute('aria-describedby')).toBe(`${box.id}-hint`);
    expect(text(`#${box.id}-hint`)).toContain('le prenotazioni senza accesso vengono rifiutate');

    box.checked = false;
    box.dispatchEvent(new Event('change'));
    api['updateService'].mockResolvedValueOnce({ ...ADMIN_CIE, signInRequired: false, cancelled: [], ticketsLeft: [] });
    $('[data-testid="service-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(api['updateService'].mock.calls[0][2]).toMatchObject({ signInRequired: false, active: true, code: 'CIE' });
  });

  it('a new service is open to everyone unless the box is ticked', async () => {
    await click('[data-testid="service-new"]');
    const box = $<HTMLInputElement>('[data-testid="service-sign-in-required"]');
    expect(box.checked).toBe(false);
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    $('[data-testid="service-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(api['createService'].mock.calls[0][1]).toMatchObject({ signInRequired: true });
  });

  it('field errors of nested fields and outcomes land on their controls', async () => {
    await click('[data-testid="service-new"]');
    api['createService'].mockRejectedValueOnce(
      apiError(400, {
        code: 'VALIDATION_FAILED',
        errors: [
          { field: 'names.it', message: 'Campo obbligatorio.' },
          { field: 'documents.it[0]', message: 'Al massimo 300 caratteri.' },
        ],
      }),
    );
    await click('button.btn-outline-primary#service-outcomes-add');
    $('[data-testid="service-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(document.activeElement).toBe($('[data-testid="error-summary"]'));
    // Each line of the summary names its field (its group's name first).
    expect([...el.querySelectorAll('[data-testid="error-summary"] li')].map((li) => li.textContent?.trim())).toEqual([
      'Nome in italiano: campo obbligatorio.',
      'Cosa serve (documenti da portare) – In italiano: al massimo 300 caratteri.',
    ]);
    expect($('#service-names-it').getAttribute('aria-invalid')).toBe('true');
    expect(text('#service-documents-it-error')).toContain('Al massimo 300 caratteri.');
    expect(api['createService'].mock.calls[0][1].outcomes).toEqual([{ code: '', it: '', en: '' }]);
  });

  it('a fee that is not an amount is refused before sending', async () => {
    await click('[data-testid="service-new"]');
    const fee = $<HTMLInputElement>('#service-feeCents');
    fee.value = 'dieci euro';
    fee.dispatchEvent(new Event('input'));
    $('[data-testid="service-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(api['createService']).not.toHaveBeenCalled();
    expect(text('#service-feeCents-error')).toContain('Importo non valido');
  });

  it('converts between the form and the api', () => {
    expect(parseEuros('22,21')).toBe(2221);
    expect(parseEuros(' 16 € ')).toBe(1600);
    expect(parseEuros('')).toBeNull();
    expect(parseEuros('1,234')).toBeUndefined();
    const model = toModel(ADMIN_CIE, 'it-IT');
    expect(model.fee).toBe('22,21');
    expect(model.signInRequired).toBe(false);
    expect(toInput({ ...model, signInRequired: true }, 2221).signInRequired).toBe(true);
    expect(toInput({ ...model, documentsIt: 'Foto\n\n Tessera sanitaria ', durationMinutes: 'venti' }, 2221)).toMatchObject({
      documents: { it: ['Foto', 'Tessera sanitaria'] },
      durationMinutes: 'venti',
      feeNote: null,
    });
  });
});
