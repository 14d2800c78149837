import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { StaffUserDto } from '@sportello/contracts';
import { StaffAuth } from '../../core/auth/staff-auth';
import { AdminApi } from './admin-api';
import { ADMIN_OFFICE, apiError, mockApi, settle } from './admin-testing';
import { Offices } from './offices';

describe('Offices (/staff/admin/offices)', () => {
  const user = signal<StaffUserDto | null>({ id: 'u', username: 'admin', displayName: 'A', role: 'admin', offices: [] });
  let api: Record<string, jest.Mock>;
  let fixture: ComponentFixture<Offices>;
  let el: HTMLElement;
  const $ = <T extends Element = HTMLElement>(s: string) => el.querySelector<T>(s) as T;

  beforeEach(async () => {
    localStorage.clear();
    api = mockApi({ offices: [ADMIN_OFFICE] });
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: AdminApi, useValue: api }, { provide: StaffAuth, useValue: { user } }] });
    fixture = TestBed.createComponent(Offices);
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await settle(fixture);
  });

  afterEach(() => el.remove());

  it('admins create offices; every field the api refuses is marked', async () => {
    $<HTMLButtonElement>('[data-testid="office-new"]').click();
    await settle(fixture);
    expect(document.activeElement?.id).toBe('office-form-title');
    expect($('label[for="office-timeZone"]')).not.toBeNull();
    api['createOffice'].mockRejectedValueOnce(
      apiError(400, { code: 'VALIDATION_FAILED', errors: ['code', 'name', 'address', 'city'].map((field) => ({ field, message: 'Campo obbligatorio.' })) }),
    );
    $('[data-testid="office-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
    expect(api['createOffice']).toHaveBeenCalledWith({
      code: '',
      name: '',
      address: '',
      city: '',
      phone: null,
      email: null,
      latitude: null,
      longitude: null,
      timeZone: 'Europe/Rome',
    });
    expect([...el.querySelectorAll('[aria-invalid="true"]')].map((e) => e.id)).toEqual(['office-code', 'office-name', 'office-address', 'office-city']);
  });

  it('an office in use cannot be deleted: the api’s reason is announced', async () => {
    api['deleteOffice'].mockRejectedValueOnce(apiError(409, { code: 'IN_USE', message: "L'ufficio ha già prenotazioni o biglietti: non si può eliminare." }));
    $<HTMLButtonElement>('.btn-outline-danger').click();
    await settle(fixture);
    $<HTMLButtonElement>('.sp-confirm .btn-danger').click();
    await settle(fixture);
    expect($('[data-testid="form-failure"]').textContent).toContain('non si può eliminare');
    expect(document.activeElement).toBe($('[data-testid="form-failure"]'));
  });
});
