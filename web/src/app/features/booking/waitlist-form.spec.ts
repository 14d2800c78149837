import { HttpErrorResponse } from '@angular/common/http';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiClient } from '../../core/api/api-client';
import { I18n } from '../../core/i18n/i18n';
import { WaitlistForm, waitlistProblems } from './waitlist-form';

function apiError(status: number, body: Record<string, unknown>): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: { statusCode: status, ...body } });
}

describe('waitlistProblems', () => {
  it('checks the address like the api, and the consent', () => {
    expect(waitlistProblems('', false)).toEqual({ email: 'waitlist.error.email.empty', privacyAccepted: 'waitlist.error.privacy' });
    expect(waitlistProblems('maria@', true)).toEqual({ email: 'waitlist.error.email' });
    expect(waitlistProblems('  maria@example.org ', true)).toEqual({});
  });
});

describe('WaitlistForm', () => {
  let api: { joinWaitlist: jest.Mock };
  let fixture: ComponentFixture<WaitlistForm>;
  let el: HTMLElement;
  let shown: number;

  const $ = (selector: string) => el.querySelector(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(() => {
    localStorage.clear();
    shown = 0;
    api = { joinWaitlist: jest.fn(() => Promise.resolve({ officeId: 'office-1', serviceId: 'svc-cie', expiresAt: '2027-05-19T09:00:00.000Z' })) };
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: ApiClient, useValue: api }] });
  });

  afterEach(() => el?.remove());

  async function render(): Promise<void> {
    fixture = TestBed.createComponent(WaitlistForm);
    fixture.componentRef.setInput('officeId', 'office-1');
    fixture.componentRef.setInput('serviceId', 'svc-cie');
    fixture.componentRef.setInput('serviceName', 'Carta d’identità elettronica');
    fixture.componentInstance.showTimes.subscribe(() => shown++);
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

  async function typeEmail(value: string): Promise<void> {
    const input = $('[data-testid="waitlist-email"]') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await stable();
  }

  async function accept(): Promise<void> {
    const box = $('[data-testid="waitlist-privacy"]') as HTMLInputElement;
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    await stable();
  }

  async function submit(): Promise<void> {
    ($('[data-testid="waitlist-submit"]') as HTMLButtonElement).click();
    await stable();
  }

  it('explains the list, with labelled fields and the privacy notice', async () => {
    await render();
    expect(text('h2')).toBe('Lista d’attesa');
    expect(text('[data-testid="waitlist-intro"]')).toContain('«Carta d’identità elettronica»');
    expect(text('[data-testid="waitlist-intro"]')).toContain('il posto va a chi prenota per primo');
    const email = $('[data-testid="waitlist-email"]') as HTMLInputElement;
    expect(el.querySelector(`label[for="${email.id}"]`)?.textContent).toContain('E-mail');
    expect(email.getAttribute('autocomplete')).toBe('email');
    expect(email.getAttribute('aria-describedby')).toBe(`${email.id}-hint`);
    const privacy = $('[data-testid="waitlist-privacy"]') as HTMLInputElement;
    expect(el.querySelector(`label[for="${privacy.id}"]`)?.textContent).toContain('acconsento');
    expect(el.querySelector('a[href="/privacy"]')).not.toBeNull();
  });

  it('shows the problems next to the fields after the first attempt, focusing the first, and sends nothing', async () => {
    await render();
    expect($('[data-testid="waitlist-error-email"]')).toBeNull();
    await submit();
    expect(api.joinWaitlist).not.toHaveBeenCalled();
    expect(text('[data-testid="waitlist-error-email"]')).toBe('Errore: Inserisci il tuo indirizzo e-mail.');
    expect(text('[data-testid="waitlist-error-privacy"]')).toContain('accettare l’informativa');
    const email = $('[data-testid="waitlist-email"]') as HTMLInputElement;
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe(`${email.id}-hint ${email.id}-error`);
    expect(document.activeElement).toBe(email);

    await typeEmail('maria@');
    expect(text('[data-testid="waitlist-error-email"]')).toContain('indirizzo e-mail valido');
    await typeEmail('maria@example.org');
    expect($('[data-testid="waitlist-error-email"]')).toBeNull();
    await submit();
    expect(document.activeElement).toBe($('[data-testid="waitlist-privacy"]'));
    expect(api.joinWaitlist).not.toHaveBeenCalled();
  });

  it('joins in the page’s language and says until when the citizen will be told', async () => {
    TestBed.inject(I18n).setLanguage('en');
    await render();
    await typeEmail(' maria@example.org ');
    await accept();
    await submit();
    expect(api.joinWaitlist).toHaveBeenCalledWith({
      officeId: 'office-1',
      serviceId: 'svc-cie',
      email: 'maria@example.org',
      language: 'en',
      privacyAccepted: true,
    });
    const done = $('[data-testid="waitlist-done"]');
    expect(done?.textContent).toContain('if a place becomes free by Wednesday, 19 May 2027 we will write to maria@example.org');
    expect(done?.getAttribute('role')).toBe('status');
    expect(document.activeElement).toBe(done);
    expect($('[data-testid="waitlist-form"]')).toBeNull();
  });

  it('puts the api’s field errors on the fields', async () => {
    api.joinWaitlist.mockRejectedValue(
      apiError(400, {
        code: 'VALIDATION_FAILED',
        message: 'Alcuni dati non sono validi.',
        errors: [{ field: 'email', message: 'Indirizzo e-mail non valido.' }],
      }),
    );
    await render();
    await typeEmail('maria@example.org');
    await accept();
    await submit();
    expect(text('[data-testid="waitlist-error-email"]')).toBe('Errore: Indirizzo e-mail non valido.');
    expect($('[data-testid="waitlist-problem"]')).toBeNull();
    expect(document.activeElement).toBe($('[data-testid="waitlist-email"]'));
    await typeEmail('maria.rossi@example.org');
    expect($('[data-testid="waitlist-error-email"]')).toBeNull();
  });

  it('when times turned up meanwhile (409 SLOTS_AVAILABLE), offers to show them', async () => {
    api.joinWaitlist.mockRejectedValue(apiError(409, { code: 'SLOTS_AVAILABLE', message: 'Ci sono ancora orari liberi.' }));
    await render();
    await typeEmail('maria@example.org');
    await accept();
    await submit();
    expect(text('[data-testid="waitlist-problem"]')).toContain('Nel frattempo si sono liberati degli orari');
    expect(document.activeElement).toBe($('[data-testid="waitlist-problem"]'));
    ($('[data-testid="waitlist-show-times"]') as HTMLButtonElement).click();
    expect(shown).toBe(1);
  });

  it('shows other failures with the api’s message', async () => {
    api.joinWaitlist.mockRejectedValue(apiError(429, { code: 'TOO_MANY_REQUESTS', message: 'Troppe richieste. Riprova tra poco.' }));
    await render();
    await typeEmail('maria@example.org');
    await accept();
    await submit();
    expect(text('[data-testid="waitlist-problem"]')).toBe('Troppe richieste. Riprova tra poco.');
  });
});
