import { HttpErrorResponse } from '@angular/common/http';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiClient } from '../../core/api/api-client';
import { I18n } from '../../core/i18n/i18n';
import { MANAGED, TOKEN } from '../../testing/fixtures';
import { ConfirmAttendance } from './confirm-attendance';

function apiError(status: number, body: Record<string, unknown>): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: { statusCode: status, ...body } });
}

const CONFIRMED = { ...MANAGED, attendance: { status: 'CONFIRMED' as const, confirmBy: null, confirmedAt: '2027-03-28T07:00:00.000Z' } };

describe('ConfirmAttendance (/gestisci/:token/conferma)', () => {
  let api: { confirmAttendance: jest.Mock };
  let fixture: ComponentFixture<ConfirmAttendance>;
  let el: HTMLElement;

  const $ = (selector: string) => el.querySelector(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(() => {
    localStorage.clear();
    api = { confirmAttendance: jest.fn(() => Promise.resolve(CONFIRMED)) };
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: ApiClient, useValue: api }] });
  });

  afterEach(() => el?.remove());

  async function render(): Promise<void> {
    fixture = TestBed.createComponent(ConfirmAttendance);
    fixture.componentRef.setInput('token', TOKEN);
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    for (let i = 0; i < 3; i++) {
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
    }
  }

  it('opening the page POSTs the confirmation once and says so, with the local time', async () => {
    await render();
    expect(api.confirmAttendance).toHaveBeenCalledTimes(1);
    expect(api.confirmAttendance).toHaveBeenCalledWith({ token: TOKEN });
    expect(text('h1')).toBe('Conferma della presenza');
    expect(text('[data-testid="attendance-confirmed"]')).toContain('la tua presenza è confermata per lunedì 29 marzo 2027 alle 08:30');
    expect(text('[data-testid="attendance-confirmed"]')).toContain('CIE-7K3P9Q');
    expect(document.activeElement).toBe($('[data-testid="attendance-confirmed"]'));
    expect($('[data-testid="attendance-manage"]')?.getAttribute('href')).toBe(`/gestisci/${TOKEN}`);
  });

  it('in English', async () => {
    TestBed.inject(I18n).setLanguage('en');
    await render();
    expect(text('[data-testid="attendance-confirmed"]')).toContain('your attendance is confirmed for Monday, 29 March 2027 at 08:30');
  });

  it('a released, cancelled or unknown booking: one answer, and a way to book again', async () => {
    api.confirmAttendance.mockRejectedValue(apiError(404, { code: 'NOT_FOUND', message: 'Prenotazione non trovata.' }));
    await render();
    expect(text('[role="alert"]')).toContain('non confermata in tempo');
    expect($('[data-testid="attendance-confirmed"]')).toBeNull();
    expect($('a[href="/"]')).not.toBeNull();
  });

  it('another failure can be retried', async () => {
    api.confirmAttendance.mockRejectedValueOnce(new HttpErrorResponse({ status: 0 }));
    await render();
    expect(text('[data-testid="error"]')).toContain('Non è stato possibile contattare il servizio');
    ($('button') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(api.confirmAttendance).toHaveBeenCalledTimes(2);
    expect($('[data-testid="attendance-confirmed"]')).not.toBeNull();
  });
});
