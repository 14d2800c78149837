import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AdminStaffUserDto } from '@sportello/contracts';
import { StaffAuth } from '../../core/auth/staff-auth';
import { AdminApi } from './admin-api';
import { ADMIN_OFFICE, apiError, mockApi, OFFICE_ID, settle } from './admin-testing';
import { StaffUsers } from './staff-users';

const ADMIN: AdminStaffUserDto = {
  id: 'u-admin',
  username: 'admin',
  displayName: 'Amministratore',
  role: 'admin',
  active: true,
  offices: [],
  locked: false,
  createdAt: '2027-01-01T00:00:00Z',
};
const OPERATOR: AdminStaffUserDto = {
  id: 'u-op',
  username: 'operatore',
  displayName: 'Operatore',
  role: 'operator',
  active: true,
  offices: [{ id: OFFICE_ID, name: 'URP Calderara di Reno' }],
  locked: true,
  createdAt: '2027-01-01T00:00:00Z',
};

describe('StaffUsers (/staff/admin/staff-users)', () => {
  let api: Record<string, jest.Mock>;
  let fixture: ComponentFixture<StaffUsers>;
  let el: HTMLElement;
  const $ = <T extends Element = HTMLElement>(s: string) => el.querySelector<T>(s) as T;
  const text = (s: string) => $(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(async () => {
    localStorage.clear();
    api = mockApi({ offices: [ADMIN_OFFICE], staffUsers: [ADMIN, OPERATOR], createStaffUser: { ...OPERATOR, id: 'u-new', username: 'nuovo' } });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: AdminApi, useValue: api },
        { provide: StaffAuth, useValue: { user: signal({ id: 'u-admin', username: 'admin', displayName: 'A', role: 'admin', offices: [] }) } },
      ],
    });
    fixture = TestBed.createComponent(StaffUsers);
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await settle(fixture);
  });

  afterEach(() => el.remove());

  async function type(id: string, value: string): Promise<void> {
    const input = $<HTMLInputElement>(`#${id}`);
    input.value = value;
    input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input'));
    await settle(fixture);
  }

  it('lists the accounts with role, offices and state', () => {
    const rows = [...el.querySelectorAll('[data-testid="users-table"] tbody tr')].map((r) => r.textContent?.replace(/\s+/g, ' ').trim());
    expect(rows[0]).toContain('Tutti (amministratore)');
    expect(rows[1]).toContain('Operatore di sportello');
    expect(rows[1]).toContain('Bloccato (troppi tentativi)');
  });

  it('creates an account with its offices; the password field is emptied afterwards', async () => {
    $<HTMLButtonElement>('[data-testid="user-new"]').click();
    await settle(fixture);
    await type('user-username', 'nuovo');
    await type('user-displayName', 'Nuovo Operatore');
    await type('user-password', 'una-password-lunga');
    const office = $<HTMLInputElement>(`#user-office-${OFFICE_ID}`);
    office.checked = true;
    office.dispatchEvent(new Event('change'));
    $('[data-testid="user-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(api['createStaffUser']).toHaveBeenCalledWith({
      username: 'nuovo',
      displayName: 'Nuovo Operatore',
      role: 'operator',
      password: 'una-password-lunga',
      officeIds: [OFFICE_ID],
    });
    expect(text('[data-testid="form-success"]')).toBe('Utente nuovo creato.');
  });

  it('the api’s field errors, including the offices list, are shown on their fields', async () => {
    $<HTMLButtonElement>('[data-testid="user-new"]').click();
    await settle(fixture);
    api['createStaffUser'].mockRejectedValueOnce(
      apiError(400, {
        code: 'VALIDATION_FAILED',
        errors: [
          { field: 'username', message: 'Nome utente già in uso.' },
          { field: 'officeIds', message: 'Indicare almeno un ufficio per questo ruolo.' },
        ],
      }),
    );
    $('[data-testid="user-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(text('#user-username-error')).toContain('Nome utente già in uso.');
    expect(text('#user-officeIds-error')).toContain('Indicare almeno un ufficio');
    expect($<HTMLInputElement>('#user-password').value).toBe('');
  });

  it('an admin cannot change their own role or deactivate themselves from the form', async () => {
    $<HTMLButtonElement>('[data-testid="users-table"] tbody tr button').click();
    await settle(fixture);
    expect($<HTMLSelectElement>('#user-role').disabled).toBe(true);
    expect($<HTMLInputElement>('#user-active').disabled).toBe(true);
  });
});
