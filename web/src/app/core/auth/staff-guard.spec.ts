import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { StaffUserDto } from '@sportello/contracts';
import { safeReturnUrl, staffGuard } from './staff-guard';
import { StaffAuth } from './staff-auth';

@Component({ template: '<h1>Pagina</h1>', changeDetection: ChangeDetectionStrategy.OnPush })
class Page {}

const user = (role: StaffUserDto['role']): StaffUserDto => ({ id: 'u1', username: 'x', displayName: 'X', role, offices: [] });

describe('staffGuard', () => {
  let current: StaffUserDto | null;

  beforeEach(() => {
    current = null;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'staff/login', component: Page },
          {
            path: 'staff',
            canActivate: [staffGuard],
            canActivateChild: [staffGuard],
            children: [
              { path: '', component: Page },
              { path: 'agenda', component: Page },
              { path: 'statistiche', component: Page, data: { roles: ['manager'] } },
            ],
          },
        ]),
        {
          provide: StaffAuth,
          useValue: {
            ensureLoaded: async () => current,
            hasRole: (...roles: string[]) => current?.role === 'admin' || roles.includes(current?.role ?? ''),
          },
        },
      ],
    });
  });

  it('sends to the login page with the way back when nobody is logged in', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/staff/agenda?giorno=oggi');
    expect(TestBed.inject(Router).url).toBe('/staff/login?returnUrl=%2Fstaff%2Fagenda%3Fgiorno%3Doggi');
  });

  it('lets a logged-in staff member in', async () => {
    current = user('operator');
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/staff/agenda');
    expect(TestBed.inject(Router).url).toBe('/staff/agenda');
  });

  it('sends to the staff home when the page wants another role (admin always passes)', async () => {
    current = user('operator');
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/staff/statistiche');
    expect(TestBed.inject(Router).url).toBe('/staff');
    current = user('admin');
    await harness.navigateByUrl('/staff/statistiche');
    expect(TestBed.inject(Router).url).toBe('/staff/statistiche');
  });
});

describe('safeReturnUrl', () => {
  it('keeps staff pages only', () => {
    expect(safeReturnUrl('/staff/agenda?giorno=oggi')).toBe('/staff/agenda?giorno=oggi');
    expect(safeReturnUrl('/staff')).toBe('/staff');
    expect(safeReturnUrl(undefined)).toBe('/staff');
    expect(safeReturnUrl('')).toBe('/staff');
    expect(safeReturnUrl('https://evil.example/staff')).toBe('/staff');
    expect(safeReturnUrl('//evil.example')).toBe('/staff');
    expect(safeReturnUrl('/staff\\..\\evil')).toBe('/staff');
    expect(safeReturnUrl('/staffx')).toBe('/staff');
    expect(safeReturnUrl('/prenota/CIE')).toBe('/staff');
    expect(safeReturnUrl('/staff/login?returnUrl=%2Fstaff')).toBe('/staff');
  });
});
