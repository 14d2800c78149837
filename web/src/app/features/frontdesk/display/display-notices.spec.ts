import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { DisplayCallDto, DisplayDto } from '@sportello/contracts';
import { CLOCK } from '../../../core/clock';
import { display, FakeEventSource, fakeEventSources, FD_NOW, notice, noticesAnswer } from '../../../testing/frontdesk-fixtures';
import { FrontDeskApi } from '../shared/frontdesk-api';
import { EVENT_SOURCE_FACTORY } from '../shared/office-events';
import { CallVoice } from './call-voice';
import { Display } from './display';

const CALL: DisplayCallDto = { eventId: '20', ticketId: 't-C020', number: 'C020', deskName: 'Sportello 2', at: FD_NOW.toISOString(), recall: false };
const ALERT = notice({
  id: 'n-alert',
  priority: 'ALERT',
  text: { it: 'Allerta meteo rossa: lasciare il piano terra.', en: 'Red weather alert: leave the ground floor.' },
});
const INFO = notice({ id: 'n-info', text: { it: 'Da lunedì nuovi orari.', en: null } });
const CLOSURE = notice({
  id: 'c-1',
  kind: 'CLOSURE',
  text: { it: 'Inventario', en: null },
  start: '2027-03-31T00:00:00+02:00',
  end: '2027-04-01T00:00:00+02:00',
  service: { it: 'Riconoscimento SPID', en: 'SPID identity check' },
});

describe('Display: the comune’s notices', () => {
  let api: { display: jest.Mock; notices: jest.Mock };
  let fixture: ComponentFixture<Display>;
  let el: HTMLElement;

  const $ = (selector: string) => el.querySelector(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const visible = (selector: string) => {
    const node = $(selector) as HTMLElement | null;
    return node !== null && !node.hidden;
  };

  async function stable(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  async function open(screen: Partial<DisplayDto>, notices = [ALERT, INFO, CLOSURE]): Promise<void> {
    api.display.mockResolvedValue(display(screen));
    api.notices.mockResolvedValue(noticesAnswer(notices));
    fixture = TestBed.createComponent(Display);
    fixture.componentRef.setInput('officeId', 'office-1');
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await stable();
  }

  beforeEach(() => {
    localStorage.clear();
    FakeEventSource.instances = [];
    api = { display: jest.fn(), notices: jest.fn() };
    const enabled = signal(false);
    TestBed.configureTestingModule({
      providers: [
        { provide: FrontDeskApi, useValue: api },
        { provide: CallVoice, useValue: { enabled, canSpeak: true, enable: jest.fn(), disable: jest.fn(), announce: jest.fn(async () => undefined) } },
        { provide: CLOCK, useValue: () => FD_NOW },
        { provide: EVENT_SOURCE_FACTORY, useValue: fakeEventSources },
      ],
    });
  });

  afterEach(() => {
    fixture.destroy();
    el.remove();
  });

  it('between calls an alert takes over the screen; information and closures stay in the band', async () => {
    await open({ current: [], recent: [] });
    expect(api.notices).toHaveBeenCalledWith('office-1');
    expect(visible('[data-testid="display-alert-takeover"]')).toBe(true);
    expect(text('[data-testid="display-alert-takeover"] h2')).toBe('Avviso importante');
    expect(text('[data-testid="display-alert-takeover"] p')).toBe('Allerta meteo rossa: lasciare il piano terra.');
    expect($('[data-testid="display-alert-takeover"]')?.getAttribute('role')).toBe('alert');
    expect(visible('[data-testid="display-grid"]')).toBe(false);
    expect([...el.querySelectorAll('[data-testid="display-notices"] li')].map((li) => li.textContent?.trim())).toEqual([
      'Da lunedì nuovi orari.',
      'Riconoscimento SPID non disponibile: 31 mar 2027 — Inventario',
    ]);
  });

  it('a call is never hidden: it takes the screen back at once and the alert stays as a band', async () => {
    await open({ current: [], recent: [] });
    expect(visible('[data-testid="display-alert-takeover"]')).toBe(true);

    api.display.mockResolvedValue(display({ current: [CALL], recent: [CALL] }));
    FakeEventSource.latest().emit('ticket', { type: 'ticket', officeId: 'office-1', event: 'CALLED' });
    await stable();
    expect($('[data-testid="display-alert-takeover"]')).toBeNull();
    expect(visible('[data-testid="display-grid"]')).toBe(true);
    expect([...el.querySelectorAll('[data-testid="display-current"] li')].map((li) => li.getAttribute('data-number'))).toEqual(['C020']);
    expect(text('[data-testid="display-alert-band"]')).toBe('Avviso importante: Allerta meteo rossa: lasciare il piano terra.');
  });

  it('with calls on the screen the alert is a band from the start', async () => {
    await open({ current: [CALL], recent: [CALL] });
    expect($('[data-testid="display-alert-takeover"]')).toBeNull();
    expect(visible('[data-testid="display-grid"]')).toBe(true);
    expect(text('[data-testid="display-alert-band"]')).toContain('Allerta meteo rossa');
  });

  it('reloads the notices on a notice event (not the calls)', async () => {
    await open({ current: [], recent: [] }, [INFO]);
    expect($('[data-testid="display-alert-takeover"]')).toBeNull();
    expect(visible('[data-testid="display-grid"]')).toBe(true);
    const screens = api.display.mock.calls.length;
    api.notices.mockResolvedValue(noticesAnswer([ALERT]));
    FakeEventSource.latest().emit('notice', { type: 'notice', officeId: 'office-1', noticeId: 'n-alert' });
    await stable();
    expect(api.display.mock.calls.length).toBe(screens);
    expect(text('[data-testid="display-alert-takeover"]')).toContain('Allerta meteo rossa');
    expect($('[data-testid="display-notices"]')).toBeNull();
  });

  it('in English: the English text where there is one, else the Italian', async () => {
    localStorage.setItem('sportello.lang', 'en');
    await open({ current: [CALL], recent: [CALL] });
    expect(text('[data-testid="display-alert-band"]')).toBe('Important notice: Red weather alert: leave the ground floor.');
    expect([...el.querySelectorAll('[data-testid="display-notices"] li')].map((li) => li.textContent?.trim())).toEqual([
      'Da lunedì nuovi orari.',
      'SPID identity check not available: 31 Mar 2027 — Inventario',
    ]);
  });
});
