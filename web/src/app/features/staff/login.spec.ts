import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { StaffUserDto } from '@sportello/contracts';
import { StaffAuth } from '../../core/auth/staff-auth';
import { I18n } from '../../core/i18n/i18n';
import { Login } from './login';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Blank {}

const OPERATOR: StaffUserDto = { id: 'u1', username: 'operatore', displayName: 'Operatore', role: 'operator', offices: [] };

describe('Login (/staff/login)', () => {
  let auth: { ensureLoaded: jest.Mock; login: jest.Mock };
  let fixture: ComponentFixture<Login>;
  let el: HTMLElement;
  let router: Router;

  const $ = <T extends Element = HTMLElement>(selector: string) => el.querySelector<T>(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(() => {
    localStorage.clear();
    auth = { ensureLoaded: jest.fn(async () => null), login: jest.fn(async () => OPERATOR) };
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: '**', component: Blank }]), { provide: StaffAuth, useValue: auth }],
    });
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigateByUrl');
  });

  afterEach(() => el?.remove());

  async function render(inputs: { returnUrl?: string; loggedOut?: string } = {}): Promise<void> {
    fixture = TestBed.createComponent(Login);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await stable();
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
  }

  async function stable(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  async function type(field: 'username' | 'password', value: string): Promise<void> {
    const input = $<HTMLInputElement>(`[data-testid="field-${field}"]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await stable();
  }

  async function submit(): Promise<void> {
    $<HTMLFormElement>('[data-testid="login-form"]')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await stable();
  }

  it('shows "Accesso operatori" with labelled fields and the right autocomplete', async () => {
    await render();
    expect(text('h1')).toBe('Accesso operatori');
    expect($('label[for="staff-username"]')?.textContent?.trim()).toBe('Nome utente');
    expect($('label[for="staff-password"]')?.textContent?.trim()).toBe('Password');
    expect($('#staff-username')?.getAttribute('autocomplete')).toBe('username');
    expect($('#staff-password')?.getAttribute('type')).toBe('password');
    expect($('#staff-password')?.getAttribute('autocomplete')).toBe('current-password');
  });

  it('lists missing fields in a focused summary and marks each field', async () => {
    await render();
    await submit();
    const summary = $('[data-testid="error-summary"]');
    expect(summary).not.toBeNull();
    expect(document.activeElement).toBe(summary);
    expect(text('[data-testid="error-summary"]')).toContain('Inserisci il nome utente.');
    expect(text('[data-testid="error-summary"]')).toContain('Inserisci la password.');
    expect($('#staff-username')?.getAttribute('aria-invalid')).toBe('true');
    expect($('#staff-username')?.getAttribute('aria-describedby')).toBe('staff-username-error');
    expect(auth.login).not.toHaveBeenCalled();

    await type('username', 'operatore');
    expect($('#staff-username')?.getAttribute('aria-invalid')).toBeNull();
    expect(text('[data-testid="error-summary"]')).not.toContain('nome utente');
  });

  it('logs in and goes back to the staff page that asked for it', async () => {
    await render({ returnUrl: '/staff/agenda' });
    await type('username', '  operatore ');
    await type('password', 'sportello-demo');
    await submit();
    expect(auth.login).toHaveBeenCalledWith({ username: 'operatore', password: 'sportello-demo' });
    expect(router.navigateByUrl).toHaveBeenCalledWith('/staff/agenda');
  });

  it('never goes back to another site', async () => {
    await render({ returnUrl: 'https://evil.example/' });
    await type('username', 'operatore');
    await type('password', 'sportello-demo');
    await submit();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/staff');
  });

  it('announces a refused login with the api message in a focused alert, and empties the password', async () => {
    auth.login.mockRejectedValueOnce(
      new HttpErrorResponse({ status: 401, error: { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Nome utente o password non corretti.' } }),
    );
    await render();
    await type('username', 'operatore');
    await type('password', 'sbagliata');
    await submit();
    const alert = $('[data-testid="login-failure"]');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent?.trim()).toBe('Nome utente o password non corretti.');
    expect(document.activeElement).toBe(alert);
    expect(($('#staff-password') as HTMLInputElement).value).toBe('');
    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });

  it('shows the lock-out message of the api as it comes (429 ACCOUNT_LOCKED)', async () => {
    auth.login.mockRejectedValueOnce(
      new HttpErrorResponse({
        status: 429,
        error: { statusCode: 429, code: 'ACCOUNT_LOCKED', message: 'Troppi tentativi non riusciti: questo account è bloccato. Riprova tra 15 minuti.' },
      }),
    );
    await render();
    await type('username', 'operatore');
    await type('password', 'sbagliata');
    await submit();
    expect(text('[data-testid="login-failure"]')).toContain('Riprova tra 15 minuti');
  });

  it('goes straight on when already logged in, and confirms a logout', async () => {
    auth.ensureLoaded.mockResolvedValueOnce(OPERATOR);
    await render({ loggedOut: '1' });
    expect(router.navigateByUrl).toHaveBeenCalledWith('/staff');
    expect(text('[data-testid="logged-out"]')).toBe('Sei uscito dall’area operatori.');
  });

  it('speaks English too', async () => {
    TestBed.inject(I18n).setLanguage('en');
    await render();
    expect(text('h1')).toBe('Staff login');
    expect(text('[data-testid="login-submit"]')).toBe('Log in');
  });
});
