import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { LegalNotesDto } from '@sportello/contracts';
import { I18n } from '../../core/i18n/i18n';
import { OFFICE } from '../../testing/fixtures';
import { InfoPage } from './info-page';

const STANDARD: LegalNotesDto = {
  officeId: OFFICE.id,
  officeName: OFFICE.name,
  privacy: {
    controller: null,
    controllerEmail: null,
    dpoName: null,
    dpoEmail: null,
    purposes: null,
    legalBasis: null,
    recipients: null,
    retentionDays: 90,
    contactEmail: 'urp@example.org',
    contactPhone: '051 646 1111',
    channels: ['EMAIL'],
  },
  accessibility: { declarationUrl: null, feedbackEmail: 'urp@example.org' },
};

const EDITED: LegalNotesDto = {
  ...STANDARD,
  privacy: {
    ...STANDARD.privacy,
    controller: 'Comune di Calderara di Reno, Piazza Marconi 7',
    controllerEmail: 'protocollo@calderara.example',
    dpoName: 'Studio Rossi',
    dpoEmail: 'dpo@calderara.example',
    purposes: { it: 'Gestire gli appuntamenti dell’URP.', en: 'Managing the URP’s appointments.' },
    retentionDays: 1,
  },
  accessibility: { declarationUrl: 'https://form.agid.gov.it/view/abc', feedbackEmail: 'accessibilita@calderara.example' },
};

describe('InfoPage (privacy notice and accessibility page)', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
  });

  async function render(page: 'privacy' | 'accessibility', legal: LegalNotesDto = STANDARD): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(InfoPage);
    fixture.componentRef.setInput('page', page);
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/offices').flush([OFFICE]);
    // The page asks for the office's notes once it has the office (a promise later).
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne(`/api/offices/${OFFICE.id}/legal`).flush(legal);
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }
  const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('shows a loading state first', async () => {
    const fixture = TestBed.createComponent(InfoPage);
    await fixture.whenStable();
    expect(text((fixture.nativeElement as HTMLElement).querySelector('[role="status"]'))).toBe('Caricamento in corso…');
  });

  it('is a complete art. 13 notice: controller, DPO, data, purposes, legal basis, recipients, retention, rights, complaint to the Garante', async () => {
    const el = await render('privacy');
    expect(text(el.querySelector('h1'))).toBe('Informativa privacy');
    expect([...el.querySelectorAll('h2')].map(text)).toEqual([
      'Titolare del trattamento',
      'Responsabile della protezione dei dati',
      'Quali dati trattiamo',
      'Finalità',
      'Base giuridica',
      'Obbligo di fornire i dati',
      'Destinatari',
      'Per quanto tempo',
      'I tuoi diritti',
      'Reclamo al Garante',
      'Dati salvati nel tuo browser',
      'Contatti dell’URP',
    ]);
    expect(text(el.querySelector('[data-testid="privacy-legal-basis"]'))).toContain('articolo 6, paragrafo 1, lettera e');
    expect(text(el.querySelector('[data-testid="privacy-retention"]'))).toContain('conservati per 90 giorni dopo l’appuntamento');
    expect(el.querySelector('[data-testid="privacy-complaint"] a')?.getAttribute('href')).toBe('https://www.garanteprivacy.it/');
    expect(el.querySelector('a[href="mailto:urp@example.org"]')).not.toBeNull();
    expect(el.querySelector('a[href="tel:0516461111"]')).not.toBeNull();
    expect(el.textContent).not.toContain('sarà pubblicata');
  });

  it('names App IO among the recipients only where the office has it configured', async () => {
    expect((await render('privacy')).querySelector('[data-testid="privacy-channels-io"]')).toBeNull();
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    const el = await render('privacy', { ...STANDARD, privacy: { ...STANDARD.privacy, channels: ['EMAIL', 'IO'] } });
    expect(text(el.querySelector('[data-testid="privacy-channels-io"]'))).toContain('tramite la piattaforma IO di PagoPA S.p.A.');
  });

  it("uses the office's own texts and contacts where it gave them, in the visitor's language; one day in the singular", async () => {
    const el = await render('privacy', EDITED);
    expect(text(el.querySelector('[data-testid="privacy-controller"]'))).toBe('Comune di Calderara di Reno, Piazza Marconi 7 protocollo@calderara.example');
    expect(text(el.querySelector('[data-testid="privacy-dpo"]'))).toContain('Studio Rossi');
    expect(text(el.querySelector('[data-testid="privacy-purposes"]'))).toBe('Gestire gli appuntamenti dell’URP.');
    expect(text(el.querySelector('[data-testid="privacy-retention"]'))).toContain('per 1 giorno dopo');

    TestBed.inject(I18n).setLanguage('en');
    const en = await render('privacy', EDITED);
    expect(text(en.querySelector('h1'))).toBe('Privacy notice');
    expect(text(en.querySelector('[data-testid="privacy-purposes"]'))).toBe('Managing the URP’s appointments.');
    expect(text(en.querySelector('[data-testid="privacy-retention"]'))).toContain('kept for 1 day after');
  });

  it('the accessibility page links the AgID declaration and gives the feedback address', async () => {
    const el = await render('accessibility', EDITED);
    expect(text(el.querySelector('h1'))).toBe('Accessibilità');
    expect(el.querySelector('[data-testid="accessibility-declaration"]')?.getAttribute('href')).toBe('https://form.agid.gov.it/view/abc');
    expect(el.querySelector('[data-testid="accessibility-feedback"]')?.getAttribute('href')).toBe('mailto:accessibilita@calderara.example');
  });

  it('says where to ask while no declaration is linked', async () => {
    const el = await render('accessibility');
    expect(el.querySelector('[data-testid="accessibility-declaration"]')).toBeNull();
    expect(text(el.querySelector('[data-testid="accessibility-declaration-missing"]'))).toContain('chiedila all’URP');
    expect(el.querySelector('[data-testid="accessibility-feedback"]')?.getAttribute('href')).toBe('mailto:urp@example.org');
  });
});
