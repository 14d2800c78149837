import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AdminDeskDto } from '@sportello/contracts';
import { AdminApi } from './admin-api';
import { ADMIN_CIE, ADMIN_OFFICE, apiError, mockApi, OFFICE_ID, settle } from './admin-testing';
import { Desks } from './desks';

const SPID = { ...ADMIN_CIE, id: 'svc-spid', code: 'SPID', names: { it: 'SPID', en: 'SPID' } };
const DESK: AdminDeskDto = { id: 'd1', officeId: OFFICE_ID, number: 1, name: 'Sportello 1', active: true, serviceIds: ['svc-cie', 'svc-spid'] };

describe('Desks (/staff/admin/offices/:officeId/desks)', () => {
  let api: Record<string, jest.Mock>;
  let fixture: ComponentFixture<Desks>;
  let el: HTMLElement;
  const $ = <T extends Element = HTMLElement>(s: string) => el.querySelector<T>(s) as T;
  const text = (s: string) => $(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(async () => {
    localStorage.clear();
    api = mockApi({ offices: [ADMIN_OFFICE], services: [ADMIN_CIE, SPID], desks: [DESK] });
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: AdminApi, useValue: api }] });
    fixture = TestBed.createComponent(Desks);
    fixture.componentRef.setInput('officeId', OFFICE_ID);
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await settle(fixture);
  });

  afterEach(() => el.remove());

  it('lists desks with the services they serve', () => {
    expect(text('[data-testid="desks-table"] tbody tr')).toContain("Carta d'identità elettronica, SPID");
  });

  it('fewer services while people wait: the waiting tickets are listed; confirmed, the answer says they stay in the queue', async () => {
    $<HTMLButtonElement>('[data-testid="desks-table"] button').click();
    await settle(fixture);
    const spid = $<HTMLInputElement>('[data-testid="desk-service-SPID"]');
    spid.checked = false;
    spid.dispatchEvent(new Event('change'));
    api['updateDesk']
      .mockRejectedValueOnce(
        apiError(409, {
          code: 'CONFIRMATION_REQUIRED',
          affected: [{ kind: 'TICKET', id: 't1', code: 'S004', start: '2027-03-29T07:10:00Z', serviceId: 'svc-spid', serviceName: 'SPID' }],
        }),
      )
      .mockResolvedValueOnce({ ...DESK, serviceIds: ['svc-cie'], cancelled: [], ticketsLeft: ['S004'] });
    $('[data-testid="desk-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(api['updateDesk']).toHaveBeenLastCalledWith(OFFICE_ID, 'd1', {
      number: 1,
      name: 'Sportello 1',
      active: true,
      serviceIds: ['svc-cie'],
      confirm: false,
    });
    expect(text('[data-testid="affected-list"]')).toBe('Numero S004, in attesa dalle 09:10 – SPID');
    expect(text('[data-testid="confirm-change"] p')).toContain('c’è 1 persona in attesa');
    expect(text('[data-testid="confirm-yes"]')).toBe('Salva comunque');
    $<HTMLButtonElement>('[data-testid="confirm-yes"]').click();
    await settle(fixture);
    expect(api['updateDesk'].mock.calls[1][2].confirm).toBe(true);
    expect(text('[data-testid="form-success"]')).toBe('Sportello 1 salvato. 1 persona resta in coda (S004).');
  });

  it('a desk number taken is shown on the number field', async () => {
    $<HTMLButtonElement>('[data-testid="desk-new"]').click();
    await settle(fixture);
    expect($<HTMLInputElement>('#desk-number').value).toBe('2');
    api['createDesk'].mockRejectedValueOnce(
      apiError(400, { code: 'VALIDATION_FAILED', errors: [{ field: 'number', message: 'Esiste già uno sportello con questo numero.' }] }),
    );
    $('[data-testid="desk-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(text('#desk-number-error')).toContain('Esiste già uno sportello con questo numero.');
  });
});
