import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { DisplayCallDto } from '@sportello/contracts';
import { CLOCK } from '../../../core/clock';
import { display, FakeEventSource, fakeEventSources, FD_NOW, noticesAnswer } from '../../../testing/frontdesk-fixtures';
import { FrontDeskApi } from '../shared/frontdesk-api';
import { EVENT_SOURCE_FACTORY } from '../shared/office-events';
import { CallVoice } from './call-voice';
import { Display } from './display';

function call(eventId: string, number: string, deskName: string, secondsAgo: number, recall = false): DisplayCallDto {
  return { eventId, ticketId: `t-${number}`, number, deskName, at: new Date(FD_NOW.getTime() - secondsAgo * 1000).toISOString(), recall };
}

const FIRST = call('10', 'C011', 'Sportello 1', 120);
const SECOND = call('11', 'S002', 'Sportello 3', 60);

describe('Display (/display/:officeId)', () => {
  let api: { display: jest.Mock; notices: jest.Mock };
  let voice: { enabled: ReturnType<typeof signal<boolean>>; canSpeak: boolean; enable: jest.Mock; disable: jest.Mock; announce: jest.Mock };
  let fixture: ComponentFixture<Display>;
  let el: HTMLElement;

  const $ = (selector: string) => el.querySelector(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const items = (selector: string) => [...el.querySelectorAll(`${selector} li`)].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());

  beforeEach(async () => {
    localStorage.clear();
    FakeEventSource.instances = [];
    api = {
      display: jest.fn(() => Promise.resolve(display({ current: [SECOND], recent: [SECOND, FIRST] }))),
      notices: jest.fn(() => Promise.resolve(noticesAnswer([]))),
    };
    const enabled = signal(false);
    voice = {
      enabled,
      canSpeak: true,
      enable: jest.fn(async () => enabled.set(true)),
      disable: jest.fn(() => enabled.set(false)),
      announce: jest.fn(async () => undefined),
    };
    TestBed.configureTestingModule({
      providers: [
        { provide: FrontDeskApi, useValue: api },
        { provide: CallVoice, useValue: voice },
        { provide: CLOCK, useValue: () => FD_NOW },
        { provide: EVENT_SOURCE_FACTORY, useValue: fakeEventSources },
      ],
    });
    fixture = TestBed.createComponent(Display);
    fixture.componentRef.setInput('officeId', 'office-1');
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await stable();
  });

  afterEach(() => {
    fixture.destroy();
    el.remove();
  });

  async function stable(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  /** A desk calls: the api's display changes and the stream says so. */
  async function newCall(...calls: DisplayCallDto[]): Promise<void> {
    const recent = [...calls.slice().reverse(), SECOND, FIRST].slice(0, 5);
    api.display.mockResolvedValue(display({ current: [...calls.slice().reverse(), SECOND], recent }));
    FakeEventSource.latest().emit('ticket', { type: 'ticket', officeId: 'office-1', event: 'CALLED' });
    await stable();
  }

  it('shows the current calls very large, the last calls, the waits, the rules and a clock', () => {
    expect(api.display).toHaveBeenCalledWith('office-1');
    expect(text('h1')).toBe('Sala d’attesa URP Calderara di Reno');
    expect(text('[data-testid="display-clock"]')).toBe('09:40');
    expect(items('[data-testid="display-current"]')).toEqual(['S002 → allo Sportello 3']);
    expect(items('[data-testid="display-recent"]')).toEqual(['S002 → allo Sportello 3 ore 09:39', 'C011 → allo Sportello 1 ore 09:38']);
    expect(items('[data-testid="display-waits"]')).toEqual([
      'Carta d’identità elettronica 3 persone in attesa · circa 25 min',
      'Riconoscimento SPID Nessuna attesa',
      'Cambio di residenza 1 persona in attesa · attesa non stimabile',
    ]);
    expect(items('[data-testid="display-rules"]')).toEqual([
      'Chi ha un appuntamento viene chiamato per primo quando arriva la sua ora (da 10 minuti prima), dopo aver registrato l’arrivo.',
      'Poi le persone con diritto di precedenza.',
      'Poi chi è senza appuntamento, in ordine di arrivo.',
      'Chi aspetta da più di 30 minuti passa avanti.',
      'Ogni sportello chiama solo per i servizi che tratta.',
    ]);
    // No personal data on the public screen, and nothing spoken or highlighted on opening.
    expect(el.querySelectorAll('.sp-call-fresh')).toHaveLength(0);
    expect(text('[data-testid="display-announcement"]')).toBe('');
    expect(voice.announce).not.toHaveBeenCalled();
  });

  it('with audio on, chimes and speaks each new call once, in order', async () => {
    ($('[data-testid="display-audio"]') as HTMLButtonElement).click();
    await stable();
    expect(voice.enable).toHaveBeenCalled();
    expect(text('[data-testid="display-audio"]')).toBe('Disattiva audio');

    await newCall(call('12', 'C012', 'Sportello 2', 2), call('13', 'R003', 'Sportello 1', 1));
    expect(voice.announce.mock.calls.map(([c]) => `${c.number} ${c.deskName}`)).toEqual(['C012 Sportello 2', 'R003 Sportello 1']);
    expect([...el.querySelectorAll('[data-testid="display-current"] .sp-call-fresh')].map((li) => li.getAttribute('data-number'))).toEqual(['R003', 'C012']);
    expect(text('[data-testid="display-announcement"]')).toBe('Numero R003, Sportello 1');

    // The same screen again (another event): nothing new to say.
    FakeEventSource.latest().emit('desk', { type: 'desk', officeId: 'office-1' });
    await stable();
    expect(voice.announce).toHaveBeenCalledTimes(2);

    // A recall is a new event: spoken again.
    await newCall(call('14', 'C012', 'Sportello 2', 0, true));
    expect(voice.announce).toHaveBeenLastCalledWith(expect.objectContaining({ number: 'C012', recall: true }));
  });

  it('with audio off, highlights and announces new calls to screen readers without sound', async () => {
    await newCall(call('12', 'C012', 'Sportello 2', 2));
    expect(voice.announce).not.toHaveBeenCalled();
    expect(text('[data-testid="display-announcement"]')).toBe('Numero C012, Sportello 2');
    expect(text('[data-testid="display-audio"]')).toBe('Attiva audio');
  });

  it('shows a discreet note while reconnecting and refetches on ready', async () => {
    const source = FakeEventSource.latest();
    expect(source.url).toBe('/api/offices/office-1/events');
    source.fail();
    await stable();
    expect(text('[data-testid="live-status"]')).toBe('Aggiornamento in tempo reale interrotto: riconnessione…');
    const calls = api.display.mock.calls.length;
    source.emit('ready');
    await stable();
    expect(text('[data-testid="live-status"]')).toBe('');
    expect(api.display.mock.calls.length).toBe(calls + 1);
  });
});
