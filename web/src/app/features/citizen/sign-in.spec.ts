import { HttpErrorResponse } from '@angular/common/http';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CitizenDto, PublicConfigDto } from '@sportello/contracts';
import { ApiClient } from '../../core/api/api-client';
import { CITIZEN, NO_SIGN_IN_CONFIG, SIGN_IN_CONFIG } from '../../testing/fixtures';
import { SignIn } from './sign-in';

const COOKIE_GONE = 'CITIZEN-XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';

describe('SignIn (/accedi)', () => {
  let api: { publicConfig: jest.Mock<Promise<PublicConfigDto>, []>; citizen: jest.Mock<Promise<CitizenDto>, []> };
  let fixture: ComponentFixture<SignIn>;
  let el: HTMLElement;

  const $ = (selector: string) => el.querySelector(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(() => {
    localStorage.clear();
    document.cookie = COOKIE_GONE;
    api = {
      publicConfig: jest.fn(() => Promise.resolve(SIGN_IN_CONFIG)),
      citizen: jest.fn(() => Promise.reject(new HttpErrorResponse({ status: 401, error: { statusCode: 401, code: 'UNAUTHORIZED' } }))),
    };
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: ApiClient, useValue: api }] });
  });

  afterEach(() => {
    document.cookie = COOKIE_GONE;
  });

  async function render(returnTo?: string): Promise<void> {
    fixture = TestBed.createComponent(SignIn);
    if (returnTo !== undefined) fixture.componentRef.setInput('returnTo', returnTo);
    el = fixture.nativeElement as HTMLElement;
    await stable();
  }

  async function stable(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  const hrefs = () => [...el.querySelectorAll('[data-testid="sign-in-buttons"] a')].map((a) => a.getAttribute('href'));

  it('the buttons come back to the page in returnTo', async () => {
    await render('/prenota/CIE');
    expect(text('h1')).toBe('Accedi con SPID o CIE');
    expect(hrefs()).toEqual(['/api/citizen/login?returnTo=%2Fprenota%2FCIE', '/api/citizen/login?returnTo=%2Fprenota%2FCIE']);
    expect($('[data-testid="sign-in-unavailable"]')).toBeNull();
    expect($('[data-testid="sign-in-already"]')).toBeNull();
  });

  it.each([['//evil.example'], ['https://evil.example/'], ['prenota/CIE'], ['']])('returnTo %j: back to "Le mie prenotazioni" instead', async (returnTo) => {
    await render(returnTo);
    expect(hrefs()).toEqual(['/api/citizen/login?returnTo=%2Fle-mie-prenotazioni', '/api/citizen/login?returnTo=%2Fle-mie-prenotazioni']);
  });

  it('without returnTo: back to "Le mie prenotazioni"', async () => {
    await render();
    expect(hrefs()[0]).toBe('/api/citizen/login?returnTo=%2Fle-mie-prenotazioni');
  });

  it('sign-in not offered: says so, with a way to book anyway', async () => {
    api.publicConfig.mockResolvedValue(NO_SIGN_IN_CONFIG);
    await render('/prenota/CIE');
    expect(text('[data-testid="sign-in-unavailable"]')).toBe('L’accesso con SPID o CIE non è attivo per questo sportello. Puoi prenotare senza accedere.');
    expect($('[data-testid="sign-in-buttons"]')).toBeNull();
    expect($('a[href="/"]')).not.toBeNull();
  });

  it('already signed in: says as whom, with a link to "Le mie prenotazioni" instead of the buttons', async () => {
    document.cookie = 'CITIZEN-XSRF-TOKEN=citizen; path=/';
    api.citizen.mockResolvedValue(CITIZEN);
    await render('/prenota/CIE');
    expect(text('[data-testid="sign-in-already"]')).toBe('Hai già effettuato l’accesso come Giulia Bianchi.');
    expect($('a[href="/le-mie-prenotazioni"]')).not.toBeNull();
    expect($('[data-testid="sign-in-buttons"]')).toBeNull();
  });

  it('while the api has not answered yet: neither the buttons nor "not offered"', async () => {
    api.publicConfig.mockReturnValue(new Promise(() => undefined));
    await render('/prenota/CIE');
    expect($('[role="status"]')).not.toBeNull();
    expect($('[data-testid="sign-in-buttons"]')).toBeNull();
    expect($('[data-testid="sign-in-unavailable"]')).toBeNull();
  });
});
