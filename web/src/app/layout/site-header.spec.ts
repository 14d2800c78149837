import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { CitizenDto } from '@sportello/contracts';
import { CitizenAuth } from '../core/auth/citizen-auth';
import { CITIZEN } from '../testing/fixtures';
import { SiteHeader } from './site-header';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Page {}

describe('SiteHeader', () => {
  let fixture: ComponentFixture<SiteHeader>;
  let el: HTMLElement;
  let auth: {
    citizen: ReturnType<typeof signal<CitizenDto | null>>;
    available: ReturnType<typeof signal<boolean>>;
    status: () => string;
    ensureLoaded: jest.Mock;
    logout: jest.Mock<Promise<string | null>, []>;
  };
  let assign: jest.Mock;

  const $ = (selector: string) => el.querySelector(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(() => {
    localStorage.clear();
    const citizen = signal<CitizenDto | null>(null);
    auth = {
      citizen,
      available: signal(true),
      status: computed(() => (citizen() ? 'signedIn' : 'anonymous')),
      ensureLoaded: jest.fn(() => Promise.resolve(citizen())),
      logout: jest.fn(() => {
        citizen.set(null);
        return Promise.resolve(null);
      }),
    };
    assign = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', component: Page },
          { path: 'prenota/:serviceCode', component: Page },
          { path: 'accedi', component: Page },
          { path: 'le-mie-prenotazioni', component: Page },
        ]),
        { provide: CitizenAuth, useValue: auth },
      ],
    });
    // Only the header's own DOCUMENT: where it sends the browser for the provider's logout.
    TestBed.overrideComponent(SiteHeader, { add: { providers: [{ provide: DOCUMENT, useValue: { location: { assign } } }] } });
  });

  async function render(): Promise<void> {
    fixture = TestBed.createComponent(SiteHeader);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  async function navigate(url: string): Promise<void> {
    await TestBed.inject(Router).navigateByUrl(url);
    await fixture.whenStable();
  }

  it('asks once who is signed in', async () => {
    await render();
    expect(auth.ensureLoaded).toHaveBeenCalledTimes(1);
  });

  it('sign-in not offered: no "Accedi" and no citizen', async () => {
    auth.available.set(false);
    await render();
    expect($('[data-testid="citizen-sign-in"]')).toBeNull();
    expect($('[data-testid="citizen-corner"]')).toBeNull();
  });

  it('offered and anonymous: "Accedi" goes to /accedi, coming back to the current page', async () => {
    await render();
    await navigate('/prenota/CIE?lang=en');
    const link = $('a[data-testid="citizen-sign-in"]');
    expect(text('[data-testid="citizen-sign-in"]')).toBe('Accedi');
    expect(link?.getAttribute('href')).toBe('/accedi?returnTo=%2Fprenota%2FCIE%3Flang%3Den');
    expect($('[data-testid="citizen-name"]')).toBeNull();
  });

  it('on the sign-in page itself "Accedi" keeps coming back to the page before', async () => {
    await render();
    await navigate('/prenota/CIE');
    await navigate('/accedi?returnTo=%2Fprenota%2FCIE');
    expect($('[data-testid="citizen-sign-in"]')?.getAttribute('href')).toBe('/accedi?returnTo=%2Fprenota%2FCIE');
  });

  it('signed in: the citizen’s name links to "Le mie prenotazioni", with "Esci"', async () => {
    auth.citizen.set(CITIZEN);
    await render();
    const name = $('a[data-testid="citizen-name"]');
    expect(name?.getAttribute('href')).toBe('/le-mie-prenotazioni');
    expect(name?.querySelector('.visually-hidden')?.textContent).toBe('Le mie prenotazioni: ');
    expect(text('[data-testid="citizen-name"]')).toBe('Le mie prenotazioni: Giulia Bianchi');
    expect(text('[data-testid="citizen-sign-out"]')).toBe('Esci');
    expect($('[data-testid="citizen-sign-in"]')).toBeNull();
  });

  it('"Esci" signs out and goes home when the provider has no logout page', async () => {
    auth.citizen.set(CITIZEN);
    await render();
    await navigate('/le-mie-prenotazioni');
    ($('[data-testid="citizen-sign-out"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    await auth.logout.mock.results[0].value;
    await fixture.whenStable();
    expect(auth.logout).toHaveBeenCalledTimes(1);
    expect(TestBed.inject(Router).url).toBe('/');
    expect(assign).not.toHaveBeenCalled();
    expect($('[data-testid="citizen-corner"]')).toBeNull();
    expect($('[data-testid="citizen-sign-in"]')).not.toBeNull();
  });

  it('"Esci" sends the browser to the provider’s logout page when there is one', async () => {
    auth.citizen.set(CITIZEN);
    auth.logout.mockResolvedValue('https://idp.example.org/logout');
    await render();
    await navigate('/le-mie-prenotazioni');
    ($('[data-testid="citizen-sign-out"]') as HTMLButtonElement).click();
    await auth.logout.mock.results[0].value;
    await fixture.whenStable();
    expect(assign).toHaveBeenCalledWith('https://idp.example.org/logout');
    expect(TestBed.inject(Router).url).toBe('/le-mie-prenotazioni');
  });
});
