import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { StaffUserDto } from '@sportello/contracts';
import { StaffAuth } from '../../core/auth/staff-auth';
import { OfficeChoice } from './office-choice';
import { StaffShell } from './staff-shell';

@Component({ template: '<h1>Pagina</h1>', changeDetection: ChangeDetectionStrategy.OnPush })
class Page {}

const ADMIN: StaffUserDto = {
  id: 'u1',
  username: 'admin',
  displayName: 'Amministratrice',
  role: 'admin',
  offices: [
    { id: '11111111-1111-4111-8111-111111111111', name: 'URP Calderara di Reno' },
    { id: '22222222-2222-4222-8222-222222222222', name: 'Anagrafe Longara' },
  ],
};
const [O1, O2] = ADMIN.offices.map((o) => o.id);

describe('StaffShell (the frame of every staff page)', () => {
  const user = signal<StaffUserDto | null>(ADMIN);
  const logout = jest.fn(async () => undefined);
  let harness: RouterTestingHarness;

  const el = () => harness.routeNativeElement?.closest('sp-staff-shell') as HTMLElement;
  const text = (selector: string) => el().querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const nav = () => [...el().querySelectorAll('[data-testid="staff-nav"] a')].map((a) => [a.textContent?.trim(), a.getAttribute('aria-current')]);

  beforeEach(async () => {
    localStorage.clear();
    user.set(ADMIN);
    logout.mockClear();
    const hasRole = (...roles: string[]) => user()?.role === 'admin' || roles.includes(user()?.role ?? '');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          {
            path: 'staff',
            component: StaffShell,
            children: [
              { path: '', component: Page },
              { path: 'login', component: Page },
              { path: 'sportello', component: Page },
              { path: 'admin', component: Page },
              { path: 'admin/offices/:officeId/desks', component: Page },
              { path: 'admin/audit', component: Page },
            ],
          },
        ]),
        { provide: StaffAuth, useValue: { user, logout, hasRole } },
      ],
    });
    harness = await RouterTestingHarness.create('/staff/sportello');
  });

  it('has Bootstrap Italia’s header: the comune, the app, the account with its role and the office switch, and "Esci"', () => {
    expect(el().querySelector('header.it-header-wrapper .it-header-slim-wrapper')).not.toBeNull();
    expect(text('[data-testid="staff-comune"]')).toBe('Comune di Calderara di Reno');
    expect(text('.it-header-center-wrapper .it-brand-title')).toBe('Sportello URP');
    expect(text('[data-testid="staff-user-name"]')).toBe('Amministratrice');
    expect(text('[data-testid="staff-user-role"]')).toBe('Amministratore');
    const office = el().querySelector('[data-testid="office-switch"]') as HTMLSelectElement;
    expect([...office.options].map((o) => o.textContent)).toEqual(['URP Calderara di Reno', 'Anagrafe Longara']);
    expect(el().querySelector('label[for="staff-office"]')?.textContent).toBe('Ufficio');
    expect(text('[data-testid="logout"]')).toBe('Esci');
    expect(el().querySelector('main#main-content')).not.toBeNull();
    expect(el().querySelector('footer a[data-element="accessibility-link"]')?.getAttribute('href')).toBe('/accessibilita');
  });

  it('one office: its name instead of a switch', async () => {
    user.set({ ...ADMIN, role: 'operator', offices: [ADMIN.offices[0]] });
    harness.detectChanges();
    expect(el().querySelector('[data-testid="office-switch"]')).toBeNull();
    expect(text('[data-testid="staff-user-office"]')).toBe('Ufficio: URP Calderara di Reno');
  });

  it('lists the pages the role may use, the current one marked aria-current="page", a section "true"', async () => {
    expect(nav()).toEqual([
      ['Oggi', null],
      ['Sportello', 'page'],
      ['Agenda', null],
      ['Totem', null],
      ['Statistiche', null],
      ['Amministrazione', null],
      ['Utenti', null],
      ['Registro attività', null],
    ]);
    await harness.navigateByUrl(`/staff/admin/offices/${O1}/desks`);
    expect(nav().filter(([, current]) => current)).toEqual([['Amministrazione', 'true']]);
    await harness.navigateByUrl('/staff/admin/audit');
    expect(nav().filter(([, current]) => current)).toEqual([['Registro attività', 'page']]);
    user.set({ ...ADMIN, role: 'operator' });
    harness.detectChanges();
    expect(nav().map(([label]) => label)).toEqual(['Oggi', 'Sportello', 'Agenda', 'Totem']);
    user.set({ ...ADMIN, role: 'kiosk' });
    harness.detectChanges();
    expect(nav().map(([label]) => label)).toEqual(['Oggi', 'Totem']);
  });

  it('the office switch moves every page, and an office’s administration page follows it', async () => {
    const choice = TestBed.inject(OfficeChoice);
    expect(choice.officeId()).toBe(O1);
    await harness.navigateByUrl(`/staff/admin/offices/${O1}/desks`);
    const office = el().querySelector('[data-testid="office-switch"]') as HTMLSelectElement;
    office.value = O2;
    office.dispatchEvent(new Event('change'));
    await harness.fixture.whenStable();
    expect(choice.officeId()).toBe(O2);
    expect(TestBed.inject(Router).url).toBe(`/staff/admin/offices/${O2}/desks`);
    expect(localStorage.getItem('sportello.office')).toBe(O2);
    // A link to another office's page makes that office the choice.
    await harness.navigateByUrl(`/staff/admin/offices/${O1}/desks`);
    expect(choice.officeId()).toBe(O1);
    expect((el().querySelector('[data-testid="office-switch"]') as HTMLSelectElement).value).toBe(O1);
  });

  it('the menu opens and closes on a phone (aria-expanded), and a link closes it', async () => {
    const toggle = el().querySelector('[data-testid="nav-toggle"]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe('staff-nav');
    toggle.click();
    harness.detectChanges();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(el().querySelector('#staff-nav')?.classList).toContain('sp-open');
    (el().querySelector('[data-testid="nav-home"]') as HTMLAnchorElement).click();
    await harness.fixture.whenStable();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('"Esci" logs out and goes to the login page', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    (el().querySelector('[data-testid="logout"]') as HTMLButtonElement).click();
    await harness.fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    expect(logout).toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith(['/staff/login'], { queryParams: { loggedOut: 1 } });
  });

  it('without a session (the login page): the header without account or navigation', async () => {
    user.set(null);
    await harness.navigateByUrl('/staff/login');
    expect(text('.it-brand-title')).toBe('Sportello URP');
    expect(el().querySelector('[data-testid="staff-account-box"]')).toBeNull();
    expect(el().querySelector('[data-testid="staff-nav"]')).toBeNull();
  });
});

describe('OfficeChoice', () => {
  const user = signal<StaffUserDto | null>(ADMIN);

  beforeEach(() => {
    localStorage.clear();
    user.set(ADMIN);
    TestBed.configureTestingModule({ providers: [{ provide: StaffAuth, useValue: { user } }] });
  });

  it('remembers the choice on this computer; an office the account lost falls back to its first', () => {
    localStorage.setItem('sportello.office', O2);
    const choice = TestBed.inject(OfficeChoice);
    expect(choice.officeId()).toBe(O2);
    expect(choice.several()).toBe(true);
    user.set({ ...ADMIN, offices: [ADMIN.offices[0]] });
    expect(choice.officeId()).toBe(O1);
    expect(choice.several()).toBe(false);
    choice.choose('not-mine');
    expect(choice.officeId()).toBe(O1);
    user.set({ ...ADMIN, offices: [] });
    expect(choice.officeId()).toBeNull();
  });
});
