import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { I18n } from '../../core/i18n/i18n';
import { OFFICE } from '../../testing/fixtures';
import { InfoPage } from './info-page';

describe('InfoPage', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
  });

  async function render(page: 'privacy' | 'accessibility', retentionDays = 90): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(InfoPage);
    fixture.componentRef.setInput('page', page);
    TestBed.inject(HttpTestingController).match('/api/offices').forEach((request) => request.flush([{ ...OFFICE, retentionDays }]));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('says in the privacy notice that data are kept for 90 days after the appointment', async () => {
    const el = await render('privacy');
    expect(el.querySelector('h1')?.textContent).toContain('Informativa privacy');
    expect(el.textContent).toContain('conservati per 90 giorni dopo l’appuntamento');

    TestBed.inject(I18n).setLanguage('en');
    const en = await render('privacy');
    expect(en.textContent).toContain('kept for 90 days after the appointment');
  });

  it('says what the waiting list keeps and for how long', async () => {
    const el = await render('privacy');
    expect(el.textContent).toContain('lista d’attesa di un servizio, conserviamo solo il tuo indirizzo e-mail e la lingua');
    expect(el.textContent).toContain('un giorno dopo l’avviso');
    TestBed.inject(I18n).setLanguage('en');
    const en = await render('privacy');
    expect(en.textContent).toContain('waiting list of a service, we keep only your e-mail address and language');
  });

  it('shows the accessibility note', async () => {
    const el = await render('accessibility');
    expect(el.querySelector('h1')?.textContent).toContain('Accessibilità');
  });

  it("states the office's own retention period once the api told it", async () => {
    const el = await render('privacy', 30);
    expect(el.textContent).toContain('conservati per 30 giorni dopo l’appuntamento');
  });
});
