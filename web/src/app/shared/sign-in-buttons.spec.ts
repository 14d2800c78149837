import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { PublicConfigDto } from '@sportello/contracts';
import { ApiClient } from '../core/api/api-client';
import { CitizenAuth } from '../core/auth/citizen-auth';
import { I18n } from '../core/i18n/i18n';
import { NO_SIGN_IN_CONFIG, SIGN_IN_CONFIG } from '../testing/fixtures';
import { SignInButtons } from './sign-in-buttons';

/** What a screen reader announces for an element: its text, without the parts hidden from it. */
function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label;
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return copy.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('SignInButtons', () => {
  let api: { publicConfig: jest.Mock<Promise<PublicConfigDto>, []> };
  let fixture: ComponentFixture<SignInButtons>;
  let el: HTMLElement;

  beforeEach(() => {
    localStorage.clear();
    api = { publicConfig: jest.fn(() => Promise.resolve(SIGN_IN_CONFIG)) };
    TestBed.configureTestingModule({ providers: [{ provide: ApiClient, useValue: api }] });
  });

  afterEach(() => TestBed.inject(I18n).setLanguage('it'));

  async function render(returnTo?: string): Promise<void> {
    // The page around the buttons asks the api first (the header does, in the app).
    await TestBed.inject(CitizenAuth).ensureLoaded();
    fixture = TestBed.createComponent(SignInButtons);
    if (returnTo !== undefined) fixture.componentRef.setInput('returnTo', returnTo);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  const links = () => [...el.querySelectorAll('a')];

  it('two links, "Entra con SPID" and "Entra con CIE", to the sign-in coming back to returnTo', async () => {
    await render('/prenota/CIE');
    expect(links().map(accessibleName)).toEqual(['Entra con SPID', 'Entra con CIE']);
    expect(links().map((a) => a.getAttribute('href'))).toEqual([
      '/api/citizen/login?returnTo=%2Fprenota%2FCIE',
      '/api/citizen/login?returnTo=%2Fprenota%2FCIE',
    ]);
    expect(el.querySelector('[data-testid="sign-in-provider"]')?.textContent?.trim()).toBe('Servizio di accesso: SPID / CIE');
  });

  it('come back to the home page by default', async () => {
    await render();
    expect(el.querySelector('[data-testid="sign-in-spid"]')?.getAttribute('href')).toBe('/api/citizen/login?returnTo=%2F');
  });

  it('follow the language', async () => {
    await render('/le-mie-prenotazioni');
    TestBed.inject(I18n).setLanguage('en');
    await fixture.whenStable();
    expect(links().map(accessibleName)).toEqual(['Sign in with SPID', 'Sign in with CIE']);
    expect(el.querySelector('[data-testid="sign-in-provider"]')?.textContent?.trim()).toBe('Sign-in service: SPID / CIE');
  });

  it('without a provider name: the buttons, without the line naming it', async () => {
    api.publicConfig.mockResolvedValue({ ...SIGN_IN_CONFIG, signIn: { ...SIGN_IN_CONFIG.signIn, providerName: null } });
    await render('/');
    expect(links()).toHaveLength(2);
    expect(el.querySelector('[data-testid="sign-in-provider"]')).toBeNull();
  });

  it('render nothing where sign-in is not offered', async () => {
    api.publicConfig.mockResolvedValue(NO_SIGN_IN_CONFIG);
    await render('/prenota/CIE');
    expect(el.querySelector('[data-testid="sign-in-buttons"]')).toBeNull();
    expect(links()).toHaveLength(0);
    expect(el.textContent?.trim()).toBe('');
  });
});
