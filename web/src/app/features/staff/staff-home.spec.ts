import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { StaffUserDto, TodayOfficeDto } from '@sportello/contracts';
import { StaffAuth } from '../../core/auth/staff-auth';
import { CLOCK } from '../../core/clock';
import { FakeEventSource, fakeEventSources } from '../../testing/frontdesk-fixtures';
import { FrontDeskApi } from '../frontdesk/shared/frontdesk-api';
import { EVENT_SOURCE_FACTORY } from '../frontdesk/shared/office-events';
import { OfficeChoice } from './office-choice';
import { greetingKey } from './greeting';
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

const TODAY: TodayOfficeDto = {
  officeId: 'o1',
  officeName: 'URP Calderara di Reno',
  date: '2027-03-29',
  booked: 14,
  arrived: 9,
  walkIns: 3,
  waiting: 4,
  served: 5,
  open: { open: true, closesAt: '2027-03-29T12:30:00+02:00' },
};

// Monday 29 March 2027, 09:40 in Rome.
const NOW = new Date('2027-03-29T09:40:00+02:00');

describe('StaffHome (/staff): today’s dashboard', () => {
  let fixture: ComponentFixture<StaffHome>;
  let el: HTMLElement;
  let today: jest.Mock;
  const user = signal<StaffUserDto | null>(MANAGER);

  const text = (selector: string) => el.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const links = () => [...el.querySelectorAll('[data-testid="staff-pages"] a')].map((a) => a.getAttribute('href'));

  async function stable(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  beforeEach(async () => {
    localStorage.clear();
    FakeEventSource.instances = [];
    user.set(MANAGER);
    today = jest.fn((officeId: string) =>
      Promise.resolve({ offices: [{ ...TODAY, officeId, officeName: officeId === 'o2' ? 'Anagrafe Longara' : TODAY.officeName }] }),
    );
    const hasRole = (...roles: string[]) => user()?.role === 'admin' || roles.includes(user()?.role ?? '');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: StaffAuth, useValue: { user, hasRole } },
        { provide: FrontDeskApi, useValue: { today } },
        { provide: CLOCK, useValue: () => NOW },
        { provide: EVENT_SOURCE_FACTORY, useValue: fakeEventSources },
      ],
    });
    fixture = TestBed.createComponent(StaffHome);
    el = fixture.nativeElement as HTMLElement;
    await stable();
  });

  afterEach(() => fixture.destroy());

  it('greets by the time of day and shows today’s numbers of the chosen office, and whether it is open', () => {
    expect(text('h1')).toBe('Area operatori');
    expect(text('[data-testid="staff-greeting"]')).toBe('Buongiorno, Responsabile URP.');
    expect(text('#today-title')).toBe('Oggi, lunedì 29 marzo 2027');
    expect(today).toHaveBeenCalledWith('o1');
    expect(text('[data-testid="today-open"]')).toBe('Aperto, fino alle 12:30.');
    const figures = [...el.querySelectorAll('[data-testid="today-figures"] li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(figures).toEqual([
      'Prenotati 14 appuntamenti di oggi',
      'Arrivati 9 di cui 3 senza appuntamento',
      'In attesa 4 in coda adesso',
      'Serviti 5 conclusi oggi',
    ]);
  });

  it('follows the office switch and the office’s live events', async () => {
    TestBed.inject(OfficeChoice).choose('o2');
    await stable();
    expect(today).toHaveBeenLastCalledWith('o2');
    expect(text('[data-testid="today-office"]')).toBe('Anagrafe Longara');
    const calls = today.mock.calls.length;
    FakeEventSource.latest().emit('ticket', { type: 'ticket', officeId: 'o2', ticketId: 't', event: 'ISSUED' });
    await stable();
    expect(today.mock.calls.length).toBeGreaterThan(calls);
  });

  it('says when the office is closed, and when it opens', async () => {
    today.mockResolvedValue({ offices: [{ ...TODAY, open: { open: false, reason: 'HOLIDAY', closureReason: null, opensAt: '2027-03-30T08:30:00+02:00' } }] });
    fixture.destroy();
    fixture = TestBed.createComponent(StaffHome);
    el = fixture.nativeElement as HTMLElement;
    await stable();
    expect(text('[data-testid="today-open"]')).toBe('Chiuso: oggi è un giorno festivo. Riapre domani alle 08:30.');
    expect(el.querySelector('[data-testid="today-open"]')?.classList).toContain('sp-closed');
  });

  it('has a card for each page the role may use (the same roles as the routes)', async () => {
    expect(links()).toEqual(['/staff/sportello', '/staff/agenda', '/staff/totem', '/display/o1', '/staff/statistiche', '/staff/admin']);
    expect(el.querySelector('[data-testid="page-display"]')?.getAttribute('target')).toBe('_blank');
    user.set({ ...MANAGER, role: 'admin' });
    await stable();
    expect(links()).toEqual([
      '/staff/sportello',
      '/staff/agenda',
      '/staff/totem',
      '/display/o1',
      '/staff/statistiche',
      '/staff/admin',
      '/staff/admin/staff-users',
      '/staff/admin/audit',
    ]);
    user.set({ ...MANAGER, role: 'operator' });
    await stable();
    expect(links()).toEqual(['/staff/sportello', '/staff/agenda', '/staff/totem', '/display/o1']);
    user.set({ ...MANAGER, role: 'kiosk', offices: [MANAGER.offices[0]] });
    await stable();
    expect(links()).toEqual(['/staff/totem', '/display/o1']);
  });

  it('shows the account, and says when it has no office yet', async () => {
    expect(text('[data-testid="staff-username"]')).toBe('responsabile');
    expect(text('[data-testid="staff-role"]')).toBe('Responsabile');
    expect([...el.querySelectorAll('[data-testid="staff-offices"] li')].map((li) => li.textContent?.trim())).toEqual([
      'URP Calderara di Reno',
      'Anagrafe Longara',
    ]);
    user.set({ ...MANAGER, role: 'operator', offices: [] });
    await stable();
    expect(text('[data-testid="staff-role"]')).toBe('Operatore di sportello');
    expect(text('[data-testid="staff-no-offices"]')).toContain('Nessun ufficio assegnato');
  });
});

describe('greetingKey', () => {
  it('by the time of day in Rome', () => {
    expect(greetingKey(new Date('2027-03-29T08:00:00+02:00'))).toBe('staff.greeting.morning');
    expect(greetingKey(new Date('2027-03-29T12:59:00+02:00'))).toBe('staff.greeting.morning');
    expect(greetingKey(new Date('2027-03-29T13:00:00+02:00'))).toBe('staff.greeting.afternoon');
    expect(greetingKey(new Date('2027-03-29T18:30:00+02:00'))).toBe('staff.greeting.evening');
    // 21:30 UTC is 23:30 in Rome, whatever the computer's own zone.
    expect(greetingKey(new Date('2027-03-29T21:30:00Z'))).toBe('staff.greeting.evening');
  });
});
