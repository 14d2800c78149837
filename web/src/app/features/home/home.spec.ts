import { DeferBlockState, TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { provideRouter } from '@angular/router';
import { ApiClient } from '../../core/api/api-client';
import { I18n } from '../../core/i18n/i18n';
import { CIE, OFFICE, RESIDENZA, SPID } from '../../testing/fixtures';
import { Home } from './home';

describe('Home', () => {
  let api: { offices: jest.Mock; services: jest.Mock; availability: jest.Mock };

  beforeEach(() => {
    localStorage.clear();
    api = {
      offices: jest.fn(() => Promise.resolve([OFFICE])),
      services: jest.fn(() => Promise.resolve([CIE, SPID, RESIDENZA])),
      availability: jest.fn(),
    };
    TestBed.configureTestingModule({
      imports: [Home],
      providers: [provideRouter([]), { provide: ApiClient, useValue: api }],
    });
  });

  async function render(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(Home);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('asks for the services of the first office', async () => {
    await render();
    expect(api.services).toHaveBeenCalledWith('office-1');
  });

  it('shows the office with its address and opening hours per weekday', async () => {
    const el = await render();
    const office = el.querySelector('[data-testid="office"]');
    expect(text(office?.querySelector('h2') ?? null)).toBe('URP Calderara di Reno');
    expect(text(office)).toContain('Piazza Marconi 7, 40012 Calderara di Reno (BO)');
    expect(office?.querySelector('a[href="tel:0516461111"]')).not.toBeNull();
    const hours = [...el.querySelectorAll('[data-testid="opening-hours"] dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]);
    expect(hours).toEqual([
      ['lunedì', '08:30–12:30'],
      ['martedì', '08:30–12:30, 14:30–17:30'],
      ['mercoledì', 'Chiuso'],
      ['giovedì', '08:30–12:30'],
      ['venerdì', 'Chiuso'],
      ['sabato', '09:00–12:00'],
      ['domenica', 'Chiuso'],
    ]);
  });

  it('renders one card per service with duration, fee, documents and a booking link', async () => {
    const el = await render();
    const cards = el.querySelectorAll('[data-testid^="service-"]');
    expect([...cards].map((c) => c.getAttribute('data-testid'))).toEqual(['service-CIE', 'service-SPID', 'service-RESIDENZA']);

    const cie = el.querySelector('[data-testid="service-CIE"]');
    expect(text(cie?.querySelector('h3') ?? null)).toBe('Carta d’identità elettronica');
    expect(text(cie)).toContain('30 minuti');
    expect(text(cie?.querySelector('[data-testid="fee"]') ?? null)).toMatch(/^22,21\s€$/);
    expect(text(cie)).toContain('Pagamento con PagoPA');
    expect([...(cie?.querySelectorAll('ul li') ?? [])].map(text)).toEqual(['Fototessera recente', 'Documento scaduto o denuncia di smarrimento']);
    const book = cie?.querySelector<HTMLAnchorElement>('a[data-testid="book"]');
    expect(book?.getAttribute('href')).toBe('/prenota/CIE');
    expect(text(book ?? null)).toBe('Prenota: Carta d’identità elettronica');

    expect(text(el.querySelector('[data-testid="service-SPID"] [data-testid="fee"]'))).toBe('Gratuito');
  });

  it('offers the online alternative when there is one', async () => {
    const el = await render();
    const link = el.querySelector<HTMLAnchorElement>('[data-testid="service-RESIDENZA"] a[href^="https://"]');
    expect(link?.href).toBe('https://www.anagrafenazionale.interno.it/');
    expect(text(link)).toBe('Cambio di residenza online con ANPR');
    expect(text(link?.parentElement ?? null)).toBe('Anche online: Cambio di residenza online con ANPR (sito esterno)');
    expect(el.querySelector('[data-testid="service-CIE"] a[href^="https://"]')).toBeNull();
  });

  it('re-renders in English without fetching again', async () => {
    const fixture = TestBed.createComponent(Home);
    await fixture.whenStable();
    TestBed.inject(I18n).setLanguage('en');
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(text(el.querySelector('h1'))).toBe('Book an appointment at the URP');
    expect(text(el.querySelector('[data-testid="service-CIE"] h3'))).toBe('Electronic identity card');
    expect(text(el.querySelector('[data-testid="service-CIE"] [data-testid="fee"]'))).toBe('€22.21');
    expect(text(el.querySelector('[data-testid="service-SPID"] [data-testid="fee"]'))).toBe('Free');
    expect(text(el.querySelector('[data-testid="service-CIE"]'))).toContain('What to bring');
    expect(api.services).toHaveBeenCalledTimes(1);
  });

  it('shows a loading state until the api answers', async () => {
    api.offices.mockReturnValue(new Promise(() => undefined));
    const el = await render();
    expect(text(el.querySelector('[role="status"]'))).toBe('Caricamento in corso…');
    expect(el.querySelector('[data-testid^="service-"]')).toBeNull();
  });

  it('announces errors in an alert region and retries on request', async () => {
    api.offices.mockRejectedValueOnce(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }));
    const fixture = TestBed.createComponent(Home);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(text(el.querySelector('[role="alert"]'))).toContain('Non è stato possibile contattare');

    const retry = [...el.querySelectorAll('button')].find((b) => text(b) === 'Riprova');
    retry?.click();
    await fixture.whenStable();
    expect(api.offices).toHaveBeenCalledTimes(2);
    expect(text(el.querySelector('[role="alert"]'))).toBe('');
    expect(el.querySelector('[data-testid="service-CIE"]')).not.toBeNull();
  });

  it('says so when no office takes online bookings', async () => {
    api.offices.mockResolvedValue([]);
    const el = await render();
    expect(text(el)).toContain('Al momento non ci sono uffici');
    expect(api.services).not.toHaveBeenCalled();
  });

  it('a suspended service tells why and until when instead of offering "Prenota" (no Intl on this page)', async () => {
    api.services.mockResolvedValue([
      { ...CIE, suspension: { reason: 'Lavori allo sportello', until: '2027-06-01T00:00:00+02:00', lastClosedDate: '2027-05-31' } },
      SPID,
    ]);
    const el = await render();
    const cie = el.querySelector('[data-testid="service-CIE"]');
    expect(cie?.querySelector('[data-testid="book"]')).toBeNull();
    expect(text(cie?.querySelector('[data-testid="suspended"]') ?? null)).toBe(
      'Prenotazioni sospeseIl servizio non si può prenotare fino al 31 maggio 2027 compreso.Motivo: Lavori allo sportello.',
    );
    expect(el.querySelector('[data-testid="service-SPID"] [data-testid="book"]')).not.toBeNull();
  });

  it('ends with "Hai perso l’e-mail?", after the services, to get the manage link again (loaded when the page is idle)', async () => {
    const fixture = TestBed.createComponent(Home);
    await fixture.whenStable();
    const [deferred] = await fixture.getDeferBlocks();
    expect(deferred).toBeDefined();
    await deferred.render(DeferBlockState.Complete);
    const el = fixture.nativeElement as HTMLElement;
    const recover = el.querySelector('sp-recover-form [data-testid="recover"]');
    expect(text(recover?.querySelector('h2') ?? null)).toBe('Hai perso l’e-mail?');
    expect(recover?.querySelector('[data-testid="recover-fiscalCode"]')).not.toBeNull();
    expect(recover?.querySelector('[data-testid="recover-email"]')).not.toBeNull();
    const services = el.querySelector('[data-testid="services"]');
    expect(services && recover && services.compareDocumentPosition(recover) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('links the office on OpenStreetMap and gives a duration of one minute in the singular', async () => {
    api.services.mockResolvedValue([{ ...CIE, durationMinutes: 1 }]);
    const el = await render();
    expect(el.querySelector('[data-testid="office-map"]')?.getAttribute('href')).toBe(OFFICE.mapUrl);
    expect(text(el.querySelector('[data-testid="service-CIE"]'))).toContain('1 minuto');
  });
});
