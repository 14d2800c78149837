import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { StaffUserDto } from '@sportello/contracts';
import { StaffAuth } from '../../core/auth/staff-auth';
import { AdminApi } from './admin-api';
import { AdminHome } from './admin-home';
import { ADMIN_OFFICE, mockApi, OFFICE_ID, settle } from './admin-testing';

describe('AdminHome (/staff/admin)', () => {
  const user = signal<StaffUserDto | null>({ id: 'u', username: 'responsabile', displayName: 'R', role: 'manager', offices: [] });
  let fixture: ComponentFixture<AdminHome>;
  let el: HTMLElement;

  async function render(): Promise<void> {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: AdminApi, useValue: mockApi({ offices: [ADMIN_OFFICE] }) }, { provide: StaffAuth, useValue: { user } }],
    });
    fixture = TestBed.createComponent(AdminHome);
    el = fixture.nativeElement as HTMLElement;
    await settle(fixture);
  }

  it('lists the manager’s offices with their sections; no users or audit log for managers', async () => {
    localStorage.clear();
    await render();
    expect(el.querySelector('[data-testid="admin-office"] h3')?.textContent).toBe('URP Calderara di Reno');
    expect(el.querySelector('[data-testid="link-closures"]')?.getAttribute('href')).toBe(`/staff/admin/offices/${OFFICE_ID}/closures`);
    expect(el.querySelector('[data-testid="link-staff-users"]')).toBeNull();
    expect(el.querySelector('[data-testid="link-audit"]')).toBeNull();
  });

  it('admins also get the users and the audit log', async () => {
    user.set({ id: 'u', username: 'admin', displayName: 'A', role: 'admin', offices: [] });
    await render();
    expect(el.querySelector('[data-testid="link-staff-users"]')?.getAttribute('href')).toBe('/staff/admin/staff-users');
    expect(el.querySelector('[data-testid="link-audit"]')?.getAttribute('href')).toBe('/staff/admin/audit');
  });
});
