import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { StaffUserDto } from '@sportello/contracts';
import { StaffAuth } from '../../core/auth/staff-auth';
import { CLOCK } from '../../core/clock';
import { StaffHome } from './staff-home';

const MANAGER: StaffUserDto = {
  id: 'u2',
  username: 'responsabile',
  displayName: 'Responsabile URP',
  role: 'manager',
  offices: [
    { id: 'o1', name: 'URP Calderara di Reno' },
    { id: 'o2', name: 'Anagrafe Longara' },
  ],
};

describe('StaffHome (/staff)', () => {
  let fixture: ComponentFixture<StaffHome>;
  let el: HTMLElement;
  const user = signal<StaffUserDto | null>(MANAGER);
  const logout = jest.fn(async () => undefined);

  const text = (selector: string) => el.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(async () => {
    localStorage.clear();
    user.set(MANAGER);
    logout.mockClear();
    const hasRole = (...roles: string[]) => user()?.role === 'admin' || roles.includes(user()?.role ?? '');
    // 10:00 in Rome: the morning greeting.
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: StaffAuth, useValue: { user, logout, hasRole } }, { provide: CLOCK, useValue: () => new Date('2027-03-20T09:00:00Z') }] });
    fixture = TestBed.createComponent(StaffHome);
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
  });

  it('shows who is logged in, the role and the offices', () => {
    expect(text('h1')).toBe('Area operatori');
    expect(text('[data-testid="staff-greeting"]')).toBe('Buongiorno, Responsabile URP.');
    expect(text('[data-testid="staff-username"]')).toBe('responsabile');
    expect(text('[data-testid="staff-role"]')).toBe('Responsabile');
    expect([...el.querySelectorAll('[data-testid="staff-offices"] li')].map((li) => li.textContent?.trim())).toEqual(['URP Calderara di Reno', 'Anagrafe Longara']);
  });

  it('links managers and admins to the statistics, not operators', async () => {
    expect(el.querySelector('[data-testid="stats-link"]')?.getAttribute('href')).toBe('/staff/statistiche');
    user.set({ ...MANAGER, role: 'admin' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="stats-link"]')).not.toBeNull();
    user.set({ ...MANAGER, role: 'operator' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="stats-link"]')).toBeNull();
  });

  it('says when an account has no office yet', async () => {
    user.set({ ...MANAGER, role: 'operator', offices: [] });
    await fixture.whenStable();
    expect(text('[data-testid="staff-role"]')).toBe('Operatore di sportello');
    expect(text('[data-testid="staff-no-offices"]')).toContain('Nessun ufficio assegnato');
  });

  it('links the front-desk pages the role may use, and each office’s waiting-room display', async () => {
    const links = () => [...el.querySelectorAll('[data-testid="staff-pages"] a')].map((a) => [a.getAttribute('href'), a.textContent?.trim()]);
    expect(links()).toEqual([
      ['/staff/sportello', 'Sportello: chiama il prossimo, concludi, trasferisci'],
      ['/staff/agenda', 'Agenda del giorno: arrivi e nuovi biglietti'],
      ['/staff/totem', 'Totem: accettazione e biglietti'],
      ['/display/o1', 'Schermo della sala d’attesa – URP Calderara di Reno'],
      ['/display/o2', 'Schermo della sala d’attesa – Anagrafe Longara'],
    ]);
    user.set({ ...MANAGER, role: 'kiosk', offices: [MANAGER.offices[0]] });
    await fixture.whenStable();
    expect(links()).toEqual([
      ['/staff/totem', 'Totem: accettazione e biglietti'],
      ['/display/o1', 'Schermo della sala d’attesa – URP Calderara di Reno'],
    ]);
  });

  it('logs out and goes to the login page', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    (el.querySelector('[data-testid="logout"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    expect(logout).toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith(['/staff/login'], { queryParams: { loggedOut: 1 } });
  });

  it('links managers to the administration, admins also to users and the audit log; operators to neither', async () => {
    const links = () => [...el.querySelectorAll('[data-testid="staff-tools"] a')].map((a) => a.getAttribute('href'));
    expect(links()).toEqual(['/staff/statistiche', '/staff/admin']);
    user.set({ ...MANAGER, role: 'admin' });
    await fixture.whenStable();
    expect(links()).toEqual(['/staff/statistiche', '/staff/admin', '/staff/admin/staff-users', '/staff/admin/audit']);
    user.set({ ...MANAGER, role: 'operator' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="staff-tools"]')).toBeNull();
  });
});
