import { HttpErrorResponse } from '@angular/common/http';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ApiErrorBody } from '@sportello/contracts';
import { of, throwError } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { CLOCK } from '../../core/clock';
import { I18n } from '../../core/i18n/i18n';
import { AVAILABILITY, CIE, NOW, OFFICE, SPID } from '../../testing/fixtures';
import { Booking } from './booking';

describe('Booking', () => {
  let api: { offices: jest.Mock; services: jest.Mock; availability: jest.Mock };
  let fixture: ComponentFixture<Booking>;

  beforeEach(() => {
    localStorage.clear();
    api = {
      offices: jest.fn(() => of([OFFICE])),
      services: jest.fn(() => of([SPID, CIE])),
      availability: jest.fn(() => of(AVAILABILITY)),
    };
    TestBed.configureTestingModule({
      imports: [Booking],
      providers: [
        provideRouter([]),
        { provide: ApiClient, useValue: api },
        { provide: CLOCK, useValue: () => NOW },
      ],
    });
  });

  async function render(serviceCode = 'CIE'): Promise<HTMLElement> {
    fixture = TestBed.createComponent(Booking);
    fixture.componentRef.setInput('serviceCode', serviceCode);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  async function click(element: Element | null | undefined): Promise<void> {
    expect(element).toBeTruthy();
    (element as HTMLElement).click();
    await fixture.whenStable();
  }

  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('asks for 93 days of availability from today in Rome', async () => {
    await render();
    expect(api.availability).toHaveBeenCalledWith({
      officeId: 'office-1',
      serviceId: 'svc-cie',
      from: '2027-03-20',
      to: '2027-06-20',
    });
  });

  it('shows the steps with "Data e orario" current and later steps not reachable', async () => {
    const el = await render();
    const steps = el.querySelector('[data-testid="steps"]');
    expect(steps?.tagName).toBe('NAV');
    const items = [...(steps?.querySelectorAll('li') ?? [])];
    expect(items.map((li) => li.getAttribute('data-state'))).toEqual([
      'done',
      'done',
      'current',
      'locked',
      'locked',
      'locked',
    ]);
    expect(items[2].getAttribute('aria-current')).toBe('step');
    expect(text(items[2])).toContain('Data e orario');
    expect(text(items[1])).toContain('Carta d’identità elettronica');
    expect(items[1].querySelector('a')).not.toBeNull();
    expect(items[3].querySelector('a, button')).toBeNull();
    expect(text(items[3])).toContain('non ancora disponibile');
    expect(text(steps?.querySelector('.sp-steps-position'))).toBe('Passo 3 di 6');
  });

  it('opens the calendar on the month of the first free day, Monday first', async () => {
    const el = await render();
    const calendar = el.querySelector('[data-testid="calendar"]');
    expect(text(calendar?.querySelector('[data-testid="calendar-month"]'))).toBe('marzo 2027');
    const headers = [...(calendar?.querySelectorAll('th') ?? [])];
    expect(headers).toHaveLength(7);
    expect(headers[0].getAttribute('scope')).toBe('col');
    expect(text(headers[0].querySelector('.visually-hidden'))).toBe('lunedì');

    const free = [...(calendar?.querySelectorAll<HTMLButtonElement>('button[data-testid^="day-"]') ?? [])];
    expect(free.map((b) => b.getAttribute('data-testid'))).toEqual(['day-2027-03-29', 'day-2027-03-31']);
    expect(free.every((b) => !b.disabled)).toBe(true);
    expect(free[0].getAttribute('aria-label')).toBe('lunedì 29 marzo 2027, orari liberi');

    const busy = calendar?.querySelector<HTMLButtonElement>('button[data-date="2027-03-30"]');
    expect(busy?.disabled).toBe(true);
    expect(busy?.getAttribute('aria-label')).toBe('martedì 30 marzo 2027, nessun orario libero');
    // Only one day is in the tab order.
    expect(calendar?.querySelectorAll('button[data-date][tabindex="0"]')).toHaveLength(1);
    expect(free[0].getAttribute('tabindex')).toBe('0');
  });

  it('moves between months within the fetched range', async () => {
    const el = await render();
    const prev = el.querySelector<HTMLButtonElement>('[data-testid="calendar-prev"]');
    const next = el.querySelector<HTMLButtonElement>('[data-testid="calendar-next"]');
    expect(prev?.disabled).toBe(true); // March is the first month of the range
    expect(next?.getAttribute('aria-label')).toBe('Mese successivo: aprile 2027');

    await click(next);
    expect(text(el.querySelector('[data-testid="calendar-month"]'))).toBe('aprile 2027');
    expect(el.querySelector('[data-testid="day-2027-04-06"]')).not.toBeNull();

    await click(next);
    await click(next);
    expect(text(el.querySelector('[data-testid="calendar-month"]'))).toBe('giugno 2027');
    expect(el.querySelector<HTMLButtonElement>('[data-testid="calendar-next"]')?.disabled).toBe(true);
    expect(text(el.querySelector('[data-testid="month-empty"]'))).toBe('Nessun orario libero in giugno 2027.');
  });

  it('lists the free times of a chosen day in Rome time, with remaining places', async () => {
    const el = await render();
    expect(el.querySelector('[data-testid="slot"]')).toBeNull();

    await click(el.querySelector('[data-testid="day-2027-03-29"]'));
    const day = el.querySelector('[data-testid="day-2027-03-29"]');
    expect(day?.getAttribute('aria-pressed')).toBe('true');
    expect(text(el.querySelector('#times-for'))).toBe('Orari liberi di lunedì 29 marzo 2027');

    const slots = [...el.querySelectorAll('[data-testid="slot"]')];
    // The full 09:30 slot is left out; 07:00Z is 09:00 in Rome (CEST).
    expect(slots.map((s) => text(s.querySelector('.sp-slot-time')))).toEqual(['08:30', '09:00']);
    expect(slots.map((s) => text(s.querySelector('.sp-slot-remaining')))).toEqual([
      '2 posti liberi',
      '1 posto libero',
    ]);
    expect(text(el.querySelector('[data-testid="announcer"]'))).toBe('lunedì 29 marzo 2027: 2 orari liberi.');
  });

  it('marks the chosen time and says what was chosen, with an honest disabled Continue', async () => {
    const el = await render();
    await click(el.querySelector('[data-testid="day-2027-03-29"]'));
    await click(el.querySelectorAll('[data-testid="slot"]')[1]);

    const slots = [...el.querySelectorAll('[data-testid="slot"]')];
    expect(slots.map((s) => s.getAttribute('aria-pressed'))).toEqual(['false', 'true']);
    const choice = el.querySelector('[data-testid="choice"]');
    expect(text(choice)).toContain(
      'Hai scelto lunedì 29 marzo 2027 alle 09:00 per «Carta d’identità elettronica».',
    );
    const next = choice?.querySelector<HTMLButtonElement>('button');
    expect(text(next)).toBe('Continua');
    expect(next?.disabled).toBe(true);
    expect(text(el.querySelector(`#${next?.getAttribute('aria-describedby')}`))).toContain('sarà disponibile');
  });

  it('clears the chosen time when another day is picked', async () => {
    const el = await render();
    await click(el.querySelector('[data-testid="day-2027-03-29"]'));
    await click(el.querySelector('[data-testid="slot"]'));
    await click(el.querySelector('[data-testid="day-2027-03-31"]'));
    expect([...el.querySelectorAll('[data-testid="slot"]')].map((s) => text(s.querySelector('.sp-slot-time')))).toEqual([
      '14:30',
    ]);
    expect(el.querySelector('[data-testid="choice"]')).toBeNull();
  });

  it('follows the language for dates, labels and the service name', async () => {
    const el = await render();
    await click(el.querySelector('[data-testid="day-2027-03-29"]'));
    await click(el.querySelector('[data-testid="slot"]'));
    TestBed.inject(I18n).setLanguage('en');
    await fixture.whenStable();
    expect(text(el.querySelector('[data-testid="calendar-month"]'))).toBe('March 2027');
    expect(el.querySelector('[data-testid="day-2027-03-29"]')?.getAttribute('aria-label')).toBe(
      'Monday, 29 March 2027, free times, selected',
    );
    expect(text(el.querySelector('[data-testid="choice"]'))).toContain(
      'You chose Monday, 29 March 2027 at 08:30 for “Electronic identity card”.',
    );
  });

  it('says when a service code does not exist', async () => {
    const el = await render('XYZ');
    expect(text(el.querySelector('[data-testid="service-missing"]'))).toContain('«XYZ»');
    expect(api.availability).not.toHaveBeenCalled();
    expect(el.querySelector('[data-testid="calendar"]')).toBeNull();
  });

  it('accepts the service code in any case', async () => {
    const el = await render('spid');
    expect(text(el.querySelector('[data-testid="service-name"]'))).toBe('Riconoscimento SPID');
  });

  it('says when there is no free time at all', async () => {
    api.availability.mockReturnValue(of({ timeZone: 'Europe/Rome', days: [] }));
    const el = await render();
    expect(text(el.querySelector('[data-testid="no-availability"]'))).toContain('non ci sono orari liberi');
    expect(el.querySelector('[data-testid="calendar"]')).toBeNull();
  });

  it('announces the api error message in the alert region', async () => {
    const body: ApiErrorBody = { statusCode: 400, code: 'VALIDATION_FAILED', message: 'Intervallo di date non valido' };
    api.availability.mockReturnValue(
      throwError(() => new HttpErrorResponse({ status: 400, error: body })),
    );
    const el = await render();
    expect(text(el.querySelector('[role="alert"]'))).toBe('Intervallo di date non valido');
    expect(el.querySelector('[data-testid="calendar"]')).toBeNull();

    api.availability.mockReturnValue(of(AVAILABILITY));
    await click([...el.querySelectorAll('button')].find((b) => text(b) === 'Riprova'));
    expect(el.querySelector('[data-testid="calendar"]')).not.toBeNull();
    expect(text(el.querySelector('[role="alert"]'))).toBe('');
  });
});
