import { HttpErrorResponse } from '@angular/common/http';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiClient } from '../../core/api/api-client';
import { I18n } from '../../core/i18n/i18n';
import { EN } from '../../core/i18n/dictionary-en';
import { IT } from '../../core/i18n/dictionary-it';
import { RecoverForm, recoverProblems } from './recover-form';

function apiError(status: number, body: Record<string, unknown>): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: { statusCode: status, ...body } });
}

const ACCEPTED = 'Se c’è una prenotazione futura con questi dati, ti abbiamo scritto all’indirizzo della prenotazione.';

describe('recoverProblems', () => {
  it('checks the codice fiscale and the address like the api', () => {
    expect(recoverProblems('', '')).toEqual({
      fiscalCode: { key: 'applicant.error.fiscalCode.EMPTY' },
      email: { key: 'applicant.error.email.empty' },
    });
    expect(recoverProblems('RSSMRA85', 'maria@')).toEqual({
      fiscalCode: { key: 'applicant.error.fiscalCode.LENGTH', params: { count: 8 }, plural: true },
      email: { key: 'applicant.error.email' },
    });
    expect(recoverProblems(' rssmra85t10a562s ', '  maria@example.org ')).toEqual({});
  });
});

describe('RecoverForm', () => {
  let api: { recover: jest.Mock };
  let fixture: ComponentFixture<RecoverForm>;
  let el: HTMLElement;

  const $ = (selector: string) => el.querySelector(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(() => {
    localStorage.clear();
    api = { recover: jest.fn(() => Promise.resolve({ message: ACCEPTED })) };
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: ApiClient, useValue: api }] });
  });

  afterEach(() => el?.remove());

  async function render(headingLevel?: 2 | 3 | 4): Promise<void> {
    fixture = TestBed.createComponent(RecoverForm);
    if (headingLevel) fixture.componentRef.setInput('headingLevel', headingLevel);
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

  async function type(field: 'fiscalCode' | 'email', value: string): Promise<void> {
    const input = $(`[data-testid="recover-${field}"]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await stable();
  }

  async function submit(): Promise<void> {
    ($('[data-testid="recover-submit"]') as HTMLButtonElement).click();
    await stable();
  }

  async function fillIn(): Promise<void> {
    await type('fiscalCode', ' rssmra85t10a562s ');
    await type('email', ' Maria@Example.org ');
  }

  it('explains what it does, with labelled fields and the proof of work', async () => {
    await render();
    expect(text('h2')).toBe('Hai perso l’e-mail?');
    expect($('section')?.getAttribute('aria-labelledby')).toBe($('h2')?.id);
    expect(text('[data-testid="recover-intro"]')).toContain('ti rimandiamo il link per gestirla');
    const fiscalCode = $('[data-testid="recover-fiscalCode"]') as HTMLInputElement;
    expect(el.querySelector(`label[for="${fiscalCode.id}"]`)?.textContent).toContain('Codice fiscale');
    expect(fiscalCode.getAttribute('autocomplete')).toBe('off');
    expect(fiscalCode.getAttribute('autocapitalize')).toBe('characters');
    expect(fiscalCode.getAttribute('aria-describedby')).toBe(`${fiscalCode.id}-hint`);
    const email = $('[data-testid="recover-email"]') as HTMLInputElement;
    expect(el.querySelector(`label[for="${email.id}"]`)?.textContent).toContain('E-mail');
    expect(email.getAttribute('autocomplete')).toBe('email');
    expect(email.type).toBe('email');
    expect($('form sp-proof-of-work')).not.toBeNull();
  });

  it('takes the heading level from its page', async () => {
    await render(3);
    expect($('h2')).toBeNull();
    expect(text('h3')).toBe('Hai perso l’e-mail?');
  });

  it('shows the problems next to the fields after the first attempt, focusing the first, and sends nothing', async () => {
    await render();
    expect($('[data-testid="recover-error-fiscalCode"]')).toBeNull();
    await submit();
    expect(api.recover).not.toHaveBeenCalled();
    expect(text('[data-testid="recover-error-fiscalCode"]')).toBe('Errore: Inserisci il codice fiscale.');
    expect(text('[data-testid="recover-error-email"]')).toBe('Errore: Inserisci l’indirizzo e-mail.');
    const fiscalCode = $('[data-testid="recover-fiscalCode"]') as HTMLInputElement;
    expect(fiscalCode.getAttribute('aria-invalid')).toBe('true');
    expect(fiscalCode.getAttribute('aria-describedby')).toBe(`${fiscalCode.id}-hint ${fiscalCode.id}-error`);
    expect(document.activeElement).toBe(fiscalCode);

    await type('fiscalCode', 'RSSMRA85');
    expect(text('[data-testid="recover-error-fiscalCode"]')).toBe('Errore: Il codice fiscale ha 16 caratteri: ne hai inseriti 8.');
    await type('fiscalCode', 'RSSMRA85T10A562X');
    expect(text('[data-testid="recover-error-fiscalCode"]')).toContain('l’ultimo carattere (di controllo) non corrisponde');
    await type('fiscalCode', 'RSSMRA85T10A562S');
    expect($('[data-testid="recover-error-fiscalCode"]')).toBeNull();
    await type('email', 'maria@');
    expect(text('[data-testid="recover-error-email"]')).toContain('indirizzo e-mail valido');
    await submit();
    expect(document.activeElement).toBe($('[data-testid="recover-email"]'));
    expect(api.recover).not.toHaveBeenCalled();
  });

  it('sends the codice fiscale in capitals and the address trimmed, then shows the api’s answer once', async () => {
    await render();
    await fillIn();
    await submit();
    expect(api.recover).toHaveBeenCalledWith({ fiscalCode: 'RSSMRA85T10A562S', email: 'Maria@Example.org' });
    const done = $('[data-testid="recover-done"]');
    expect(text('[data-testid="recover-done"]')).toBe(ACCEPTED);
    expect(done?.getAttribute('role')).toBe('status');
    expect(document.activeElement).toBe(done);
    // Not twice: the form is gone.
    expect($('[data-testid="recover-form"]')).toBeNull();
    expect(api.recover).toHaveBeenCalledTimes(1);
  });

  it('sends once while the answer is on its way', async () => {
    let answer: (value: { message: string }) => void = () => undefined;
    api.recover.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    await render();
    await fillIn();
    await submit();
    expect(text('form [role="status"]')).toBe('Invio in corso…');
    await submit();
    expect(api.recover).toHaveBeenCalledTimes(1);
    answer({ message: ACCEPTED });
    await stable();
    expect(text('[data-testid="recover-done"]')).toBe(ACCEPTED);
  });

  it('puts the api’s field errors on the fields', async () => {
    api.recover.mockRejectedValue(
      apiError(400, {
        code: 'VALIDATION_FAILED',
        message: 'Alcuni dati non sono validi.',
        errors: [{ field: 'email', message: 'Indirizzo e-mail non valido.' }],
      }),
    );
    await render();
    await fillIn();
    await submit();
    expect(text('[data-testid="recover-error-email"]')).toBe('Errore: Indirizzo e-mail non valido.');
    expect($('[data-testid="recover-error-fiscalCode"]')).toBeNull();
    expect($('[data-testid="recover-problem"]')).toBeNull();
    expect(document.activeElement).toBe($('[data-testid="recover-email"]'));
    await type('email', 'maria.rossi@example.org');
    expect($('[data-testid="recover-error-email"]')).toBeNull();
  });

  it('shows other failures with the api’s message, focused', async () => {
    api.recover.mockRejectedValue(apiError(429, { code: 'TOO_MANY_REQUESTS', message: 'Troppe richieste. Riprova tra poco.' }));
    await render();
    await fillIn();
    await submit();
    const problem = $('[data-testid="recover-problem"]');
    expect(text('[data-testid="recover-problem"]')).toBe('Troppe richieste. Riprova tra poco.');
    expect(problem?.getAttribute('role')).toBe('alert');
    expect(document.activeElement).toBe(problem);
    expect($('[data-testid="recover-form"]')).not.toBeNull();
  });

  it('speaks English too', async () => {
    TestBed.inject(I18n).setLanguage('en');
    await render();
    expect(text('h2')).toBe('Lost the e-mail?');
    expect(text('[data-testid="recover-submit"]')).toBe('Send me the link again');
    await submit();
    expect(text('[data-testid="recover-error-fiscalCode"]')).toBe('Error: Enter your codice fiscale.');
  });

  it('has every text in both languages', () => {
    const keys = Object.keys(IT).filter((key) => key.startsWith('recover.'));
    expect(keys).toEqual(
      expect.arrayContaining(['recover.title', 'recover.intro', 'recover.fiscalCode', 'recover.email', 'recover.submit', 'recover.sending']),
    );
    for (const key of keys) {
      expect([key, EN[key as keyof typeof EN]]).toEqual([key, expect.any(String)]);
      expect(EN[key as keyof typeof EN]).not.toBe('');
    }
  });
});
