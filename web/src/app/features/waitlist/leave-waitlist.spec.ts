import { HttpErrorResponse } from '@angular/common/http';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiClient } from '../../core/api/api-client';
import { I18n } from '../../core/i18n/i18n';
import { TOKEN } from '../../testing/fixtures';
import { LeaveWaitlist } from './leave-waitlist';

describe('LeaveWaitlist (/lista-attesa/annulla/:token)', () => {
  let api: { leaveWaitlist: jest.Mock };
  let fixture: ComponentFixture<LeaveWaitlist>;
  let el: HTMLElement;

  const $ = (selector: string) => el.querySelector(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(() => {
    localStorage.clear();
    api = { leaveWaitlist: jest.fn(() => Promise.resolve({ status: 'UNSUBSCRIBED' })) };
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: ApiClient, useValue: api }] });
  });

  afterEach(() => el?.remove());

  async function stable(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  async function render(): Promise<void> {
    fixture = TestBed.createComponent(LeaveWaitlist);
    fixture.componentRef.setInput('token', TOKEN);
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await stable();
  }

  it('opening the link removes nothing: leaving takes the button', async () => {
    await render();
    expect(api.leaveWaitlist).not.toHaveBeenCalled();
    expect(text('h1')).toBe('Esci dalla lista d’attesa');
    ($('[data-testid="leave-button"]') as HTMLButtonElement).click();
    await stable();
    expect(api.leaveWaitlist).toHaveBeenCalledWith(TOKEN);
    expect(text('[data-testid="leave-done"]')).toBe('Fatto: il tuo indirizzo non è più nella lista d’attesa.');
    expect(document.activeElement).toBe($('[data-testid="leave-done"]'));
    expect($('[data-testid="leave-button"]')).toBeNull();
  });

  it('in English, and a failure is shown and can be tried again', async () => {
    TestBed.inject(I18n).setLanguage('en');
    api.leaveWaitlist.mockRejectedValueOnce(new HttpErrorResponse({ status: 503 }));
    await render();
    expect(text('h1')).toBe('Leave the waiting list');
    ($('[data-testid="leave-button"]') as HTMLButtonElement).click();
    await stable();
    expect(text('[role="alert"]')).toContain('could not be reached');
    ($('[data-testid="leave-button"]') as HTMLButtonElement).click();
    await stable();
    expect(text('[data-testid="leave-done"]')).toBe('Done: your address is no longer on the waiting list.');
  });
});
