import { HttpErrorResponse } from '@angular/common/http';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { CLOCK } from '../../../core/clock';
import { apiError, display, FD_NOW, ticket } from '../../../testing/frontdesk-fixtures';
import { FrontDeskApi } from '../shared/frontdesk-api';
import { WalkInForm } from './walk-in-form';

describe('WalkInForm (Nuovo biglietto)', () => {
  let issue: jest.Mock;
  let fixture: ComponentFixture<WalkInForm>;
  let el: HTMLElement;

  const $ = (selector: string) => el.querySelector(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(async () => {
    localStorage.clear();
    issue = jest.fn(() =>
      Promise.resolve(ticket({ number: 'R002', serviceName: { it: 'Cambio di residenza', en: 'Change of residence' }, priority: true, position: 1 })),
    );
    TestBed.configureTestingModule({
      providers: [
        { provide: FrontDeskApi, useValue: { issue } },
        { provide: CLOCK, useValue: () => FD_NOW },
      ],
    });
    fixture = TestBed.createComponent(WalkInForm);
    fixture.componentRef.setInput('officeId', 'office-1');
    fixture.componentRef.setInput('services', display().waits);
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await stable();
  });

  afterEach(() => el.remove());

  async function stable(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  async function submit(): Promise<void> {
    ($('[data-testid="walk-in-submit"]') as HTMLButtonElement).click();
    await stable();
  }

  it('offers the office’s services with their prefix', () => {
    expect([...el.querySelectorAll('#walk-in-service option')].map((o) => o.textContent?.trim())).toEqual([
      'Scegli il servizio…',
      'Carta d’identità elettronica (C)',
      'Riconoscimento SPID (S)',
      'Cambio di residenza (R)',
    ]);
  });

  it('leaves out the services no desk serves, and says so', async () => {
    const waits = display().waits;
    fixture.componentRef.setInput('services', [waits[0], { ...waits[1], desks: 0 }, waits[2]]);
    await stable();
    expect([...el.querySelectorAll('#walk-in-service option')].map((o) => o.textContent?.trim())).toEqual([
      'Scegli il servizio…',
      'Carta d’identità elettronica (C)',
      'Cambio di residenza (R)',
    ]);
    expect(text('[data-testid="walk-in-unserved"]')).toBe('Non c’è, perché nessuno sportello lo serve: Riconoscimento SPID.');
  });

  it('while the office is closed: says why and issues the ticket only after a confirmation', async () => {
    const closed = new HttpErrorResponse({
      status: 409,
      error: {
        statusCode: 409,
        code: 'OFFICE_CLOSED',
        message: 'L’ufficio è chiuso in questo momento.',
        open: { open: false, reason: 'HOURS', closureReason: null, opensAt: '2027-03-29T14:30:00+02:00' },
      },
    });
    issue.mockRejectedValueOnce(closed);
    const service = $('#walk-in-service') as HTMLSelectElement;
    service.value = 'svc-cie';
    service.dispatchEvent(new Event('change'));
    await submit();
    expect(issue).toHaveBeenCalledTimes(1);
    expect(issue.mock.calls[0][1]).toEqual({ serviceId: 'svc-cie', priority: false });
    expect($('[data-testid="walk-in-closed"]')?.getAttribute('role')).toBe('alertdialog');
    expect(text('#walk-in-closed-text')).toBe('Chiuso in questo momento: fuori orario. Riapre oggi alle 14:30.');
    expect(document.activeElement?.id).toBe('walk-in-closed');
    expect($('[data-testid="walk-in-submit"]')).toBeNull();
    ($('[data-testid="walk-in-closed-confirm"]') as HTMLButtonElement).click();
    await stable();
    expect(issue).toHaveBeenLastCalledWith('office-1', { serviceId: 'svc-cie', priority: false, force: true });
    expect(text('[data-testid="walk-in-number"]')).toBe('R002');
    expect($('[data-testid="walk-in-closed"]')).toBeNull();
  });

  it('asks for the service first', async () => {
    await submit();
    expect(issue).not.toHaveBeenCalled();
    expect(text('#walk-in-service-error')).toBe('Scegli il servizio.');
    expect($('#walk-in-service')?.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe('walk-in-service');
  });

  it('issues a ticket with priority and name and announces the number', async () => {
    const service = $('#walk-in-service') as HTMLSelectElement;
    service.value = 'svc-res';
    service.dispatchEvent(new Event('change'));
    ($('#walk-in-priority') as HTMLInputElement).click();
    await stable();
    const name = $('#walk-in-name') as HTMLInputElement;
    name.value = '  Giuseppe Verdi ';
    name.dispatchEvent(new Event('input'));
    await stable();
    await submit();
    expect(issue).toHaveBeenCalledWith('office-1', { serviceId: 'svc-res', priority: true, name: 'Giuseppe Verdi' });
    expect($('[data-testid="walk-in-result"]')?.getAttribute('role')).toBe('status');
    expect(text('[data-testid="walk-in-number"]')).toBe('R002');
    expect(text('[data-testid="walk-in-result"]')).toBe('Biglietto emesso: comunica il numero R002 Cambio di residenza · Precedenza · C’è 1 persona prima');
    // Ready for the next person.
    expect(($('#walk-in-priority') as HTMLInputElement).checked).toBe(false);
    expect(($('#walk-in-name') as HTMLInputElement).value).toBe('');
  });

  it('sends no name when none was given, and shows a refusal', async () => {
    issue.mockRejectedValueOnce(apiError(404, 'NOT_FOUND', 'Servizio non trovato.'));
    const service = $('#walk-in-service') as HTMLSelectElement;
    service.value = 'svc-cie';
    service.dispatchEvent(new Event('change'));
    await submit();
    expect(issue).toHaveBeenCalledWith('office-1', { serviceId: 'svc-cie', priority: false });
    expect(text('[data-testid="walk-in-error"]')).toBe('Servizio non trovato.');
  });
});
