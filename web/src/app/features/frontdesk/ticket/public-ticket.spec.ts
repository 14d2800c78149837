import { ComponentFixture, TestBed } from '@angular/core/testing';
import { apiError, FakeEventSource, fakeEventSources, publicTicket } from '../../../testing/frontdesk-fixtures';
import { FrontDeskApi } from '../shared/frontdesk-api';
import { EVENT_SOURCE_FACTORY } from '../shared/office-events';
import { PublicTicket } from './public-ticket';

describe('PublicTicket (/biglietto/:ticketId)', () => {
  let api: { publicTicket: jest.Mock };
  let fixture: ComponentFixture<PublicTicket>;
  let el: HTMLElement;

  const $ = (selector: string) => el.querySelector(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(() => {
    localStorage.clear();
    FakeEventSource.instances = [];
    api = { publicTicket: jest.fn(() => Promise.resolve(publicTicket())) };
    TestBed.configureTestingModule({
      providers: [
        { provide: FrontDeskApi, useValue: api },
        { provide: EVENT_SOURCE_FACTORY, useValue: fakeEventSources },
      ],
    });
  });

  afterEach(() => {
    fixture.destroy();
    el.remove();
  });

  async function render(): Promise<void> {
    fixture = TestBed.createComponent(PublicTicket);
    fixture.componentRef.setInput('ticketId', 't-1');
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await stable();
  }

  async function stable(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  it('shows the number, the service, the people ahead and the estimated wait', async () => {
    await render();
    expect(api.publicTicket).toHaveBeenCalledWith('t-1');
    expect(text('h1')).toBe('Il tuo numero');
    expect(text('[data-testid="public-ticket-number"]')).toBe('C012');
    expect(text('[data-testid="public-ticket"]')).toContain('Carta d’identità elettronica');
    expect(text('[data-testid="public-ticket-position"]')).toBe('Ci sono 3 persone prima di te');
    expect(text('[data-testid="public-ticket-wait"]')).toBe('Attesa stimata: circa 25 minuti');
    expect(FakeEventSource.latest().url).toBe('/api/offices/office-1/events');
  });

  it('follows the queue live and announces the call: “È il tuo turno: Sportello 2”', async () => {
    await render();
    const live = $('[data-testid="ticket-announcement"]');
    expect(live?.getAttribute('aria-live')).toBe('assertive');
    expect(live?.textContent?.trim()).toBe('');

    api.publicTicket.mockResolvedValue(publicTicket({ position: 0, estimatedWaitMinutes: 0 }));
    FakeEventSource.latest().emit('ticket', { type: 'ticket', officeId: 'office-1', event: 'CALLED' });
    await stable();
    expect(text('[data-testid="public-ticket-position"]')).toBe('Il prossimo numero chiamato è il tuo!');
    expect(text('[data-testid="public-ticket-wait"]')).toBe('Attesa stimata: pochi minuti');

    api.publicTicket.mockResolvedValue(publicTicket({ status: 'CALLED', position: null, estimatedWaitMinutes: null, deskName: 'Sportello 2' }));
    FakeEventSource.latest().emit('ticket', { type: 'ticket', officeId: 'office-1', ticketId: 't-1', event: 'CALLED' });
    await stable();
    expect(live?.textContent?.trim()).toBe('È il tuo turno: Sportello 2');
    expect([...($('[data-testid="ticket-turn"]')?.children ?? [])].map((child) => child.textContent?.trim())).toEqual([
      'È il tuo turno',
      'Sportello 2',
      'C012',
      'Vai a Sportello 2.',
    ]);
    expect(document.activeElement?.tagName).toBe('H1');
  });

  it('says when the service is over', async () => {
    api.publicTicket.mockResolvedValue(publicTicket({ status: 'DONE', position: null }));
    await render();
    expect(text('[data-testid="public-ticket-done"]')).toBe('Servizio concluso. Grazie per la visita!');
    expect($('[data-testid="ticket-turn"]')).toBeNull();
  });

  it('answers an unknown ticket with the api’s message', async () => {
    api.publicTicket.mockRejectedValue(apiError(404, 'NOT_FOUND', 'Biglietto non trovato.'));
    await render();
    expect(text('[data-testid="ticket-error"]')).toContain('Biglietto non trovato.');
  });
});
