import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AuditPageDto } from '@sportello/contracts';
import { AdminApi } from './admin-api';
import { mockApi, settle } from './admin-testing';
import { AuditLog } from './audit-log';

const PAGE: AuditPageDto = {
  items: [
    {
      id: 'a1',
      at: '2027-03-29T07:05:00Z',
      actor: { id: 'u', username: 'operatore', role: 'operator' },
      action: 'VIEW',
      entity: 'agenda',
      entityId: 'o',
      officeId: 'o',
      details: { date: '2027-03-29', search: true, appointments: ['CIE-7K3P9Q'], views: 3 },
    },
    {
      id: 'a2',
      at: '2027-03-29T07:01:00Z',
      actor: { id: 'm', username: 'responsabile', role: 'manager' },
      action: 'UPDATE',
      entity: 'service',
      entityId: 's',
      officeId: 'o',
      details: { changes: { capacity: { from: 2, to: 1 }, active: { from: true, to: false } } },
    },
    {
      id: 'a3',
      at: '2027-03-29T07:00:00Z',
      actor: { id: null, username: null, role: null },
      action: 'LOGIN_FAILED',
      entity: 'staff_user',
      entityId: null,
      officeId: null,
      details: { reason: 'UNKNOWN_ACCOUNT' },
    },
    {
      id: 'a4',
      at: '2027-03-29T06:59:00Z',
      actor: { id: 'x', username: 'admin', role: 'admin' },
      action: 'LOCKOUT_LIFTED',
      entity: 'device',
      entityId: null,
      officeId: null,
      details: { printer: 'abc' },
    },
  ],
  total: 60,
  page: 1,
  pageSize: 25,
};

describe('AuditLog (/staff/admin/audit)', () => {
  let api: Record<string, jest.Mock>;
  let fixture: ComponentFixture<AuditLog>;
  let el: HTMLElement;
  const $ = <T extends Element = HTMLElement>(s: string) => el.querySelector<T>(s) as T;
  const text = (s: string) => $(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(async () => {
    localStorage.clear();
    api = mockApi({ audit: PAGE });
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: AdminApi, useValue: api }] });
    fixture = TestBed.createComponent(AuditLog);
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await settle(fixture);
  });

  afterEach(() => el.remove());

  it('shows the newest rows with who, what and the details', () => {
    expect(api['audit']).toHaveBeenCalledWith({ from: '', to: '', actor: '', action: '', entity: '', page: 1, pageSize: 25 });
    expect(text('[data-testid="audit-count"]')).toBe('60 righe – pagina 1 di 3');
    const row = text('[data-testid="audit-table"] tbody tr');
    expect(row).toContain('operatore');
    expect(row).toContain('Consultazione');
    expect(row).toContain('Agenda del giorno');
    expect(row).toContain('CIE-7K3P9Q');
  });

  it('reads like sentences: "field: before → after", codes in words, never raw JSON', () => {
    const details = [...el.querySelectorAll('[data-testid="audit-table"] tbody tr')].map((tr) =>
      [...tr.querySelectorAll('[data-testid="audit-details"] li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(details[0]).toEqual(['Giorno: 2027-03-29', 'Con ricerca: sì', 'Prenotazioni viste: CIE-7K3P9Q', 'Consultazioni: 3']);
    expect(details[1]).toEqual(['Posti per orario: 2 → 1', 'Attivo: sì → no']);
    expect(details[2]).toEqual(['Motivo: nome utente sconosciuto']);
    expect(text('[data-testid="audit-table"]')).not.toContain('{');
    const rows = [...el.querySelectorAll('[data-testid="audit-table"] tbody tr')].map((tr) => [...tr.children].slice(1, 4).map((c) => c.textContent?.trim()));
    expect(rows[2]).toEqual(['nessun account', 'Accesso rifiutato', 'Utente']);
    // An action and an object of a later version: shown by their codes, details still readable.
    expect(rows[3]).toEqual(['admin', 'LOCKOUT_LIFTED', 'device']);
    expect(details[3]).toEqual(['printer: abc']);
  });

  it('offers the login actions in the filter', () => {
    const options = [...el.querySelectorAll('[data-testid="audit-action"] option')].map((o) => o.textContent?.trim());
    expect(options).toEqual(expect.arrayContaining(['Accesso', 'Uscita', 'Accesso rifiutato', 'Annullamento']));
  });

  it('filters and pages, moving the focus to the results', async () => {
    const action = $<HTMLSelectElement>('[data-testid="audit-action"]');
    action.value = 'CHECK_IN';
    action.dispatchEvent(new Event('change'));
    $('[data-testid="audit-filters"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(api['audit']).toHaveBeenLastCalledWith(expect.objectContaining({ action: 'CHECK_IN', page: 1 }));
    expect(document.activeElement?.id).toBe('audit-results');
    $<HTMLButtonElement>('[data-testid="audit-next"]').click();
    await settle(fixture);
    expect(api['audit']).toHaveBeenLastCalledWith(expect.objectContaining({ action: 'CHECK_IN', page: 2 }));
  });
});
