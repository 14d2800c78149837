import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AdminNoticeDto } from '@sportello/contracts';
import { CLOCK } from '../../core/clock';
import { I18n } from '../../core/i18n/i18n';
import { AdminApi } from './admin-api';
import { ADMIN_OFFICE, apiError, mockApi, OFFICE_ID, settle } from './admin-testing';
import { instantToLocal, localToInstant, noticeInput, Notices } from './notices';

const NOW = new Date('2027-03-29T09:40:00+02:00');
const ALERT: AdminNoticeDto = {
  id: 'n1',
  officeId: OFFICE_ID,
  priority: 'ALERT',
  textIt: 'Allerta meteo rossa: uffici chiusi dalle 12.',
  textEn: 'Red weather alert: offices close at 12.',
  start: '2027-03-29T07:00:00Z',
  end: '2027-03-29T10:00:00Z',
  createdBy: 'responsabile',
  createdAt: '2027-03-29T06:00:00Z',
  updatedAt: '2027-03-29T06:00:00Z',
};
const INFO: AdminNoticeDto = {
  ...ALERT,
  id: 'n2',
  priority: 'INFO',
  textIt: 'Nuovi orari da aprile.',
  textEn: null,
  start: '2027-03-31T07:00:00Z',
  end: '2027-04-02T16:00:00Z',
};

describe('Notices (/staff/admin/offices/:officeId/notices)', () => {
  let api: Record<string, jest.Mock>;
  let fixture: ComponentFixture<Notices>;
  let el: HTMLElement;
  const $ = <T extends Element = HTMLElement>(s: string) => el.querySelector<T>(s) as T;
  const text = (s: string) => $(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(async () => {
    localStorage.clear();
    api = mockApi({ offices: [ADMIN_OFFICE], notices: [ALERT, INFO] });
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: AdminApi, useValue: api }, { provide: CLOCK, useValue: () => NOW }] });
    fixture = TestBed.createComponent(Notices);
    fixture.componentRef.setInput('officeId', OFFICE_ID);
    el = fixture.nativeElement as HTMLElement;
    document.body.appendChild(el);
    await settle(fixture);
  });

  afterEach(() => el.remove());

  async function type(testId: string, value: string): Promise<void> {
    const input = $<HTMLInputElement>(`[data-testid="${testId}"]`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle(fixture);
  }

  async function submit(): Promise<void> {
    $('[data-testid="notice-form"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(fixture);
  }

  it('lists the notices in words with their kind, texts and state, with the section links', () => {
    expect(text('h1')).toBe('Avvisi');
    expect(api['notices']).toHaveBeenCalledWith(OFFICE_ID);
    expect(text('[data-testid="office-name"]')).toBe('URP Calderara di Reno');
    expect($('[data-testid="nav-notices"]').getAttribute('href')).toBe(`/staff/admin/offices/${OFFICE_ID}/notices`);
    const cells = [...el.querySelectorAll('[data-testid="notice-row-0"] th, [data-testid="notice-row-0"] td')].map((c) =>
      c.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(cells.slice(0, 4)).toEqual([
      'lunedì 29 marzo 2027, 09:00–12:00',
      'Allerta',
      'Allerta meteo rossa: uffici chiusi dalle 12.Red weather alert: offices close at 12.',
      'In corso',
    ]);
    expect($('[data-testid="notice-row-0"] [lang="en"]').textContent?.trim()).toBe('Red weather alert: offices close at 12.');
    expect(text('[data-testid="notice-row-1"] th')).toBe('da mercoledì 31 marzo 2027, 09:00 a venerdì 2 aprile 2027, 18:00');
    expect(text('[data-testid="notice-row-1"]')).toContain('In programma');
  });

  it('posts a new alert with the times of the office’s zone as instants', async () => {
    api['createNotice'].mockResolvedValueOnce({ ...ALERT, id: 'n3' });
    $<HTMLInputElement>('[data-testid="notice-priority-ALERT"]').click();
    await settle(fixture);
    await type('notice-textIt', 'Protezione civile: evacuare il piano terra.');
    await type('notice-start', '2027-03-29T09:00');
    await type('notice-end', '2027-03-29T12:00');
    await submit();
    expect(api['createNotice']).toHaveBeenCalledWith(OFFICE_ID, {
      priority: 'ALERT',
      textIt: 'Protezione civile: evacuare il piano terra.',
      textEn: null,
      start: '2027-03-29T07:00:00.000Z',
      end: '2027-03-29T10:00:00.000Z',
    });
    expect(text('[data-testid="form-success"]')).toBe('Avviso pubblicato: lunedì 29 marzo 2027, 09:00–12:00.');
    expect(api['notices']).toHaveBeenCalledTimes(2);
    expect($<HTMLTextAreaElement>('[data-testid="notice-textIt"]').value).toBe('');
  });

  it('edits a notice: the form takes its values, saving sends an update', async () => {
    api['updateNotice'].mockResolvedValueOnce({ ...INFO, textEn: 'New hours from April.' });
    $<HTMLButtonElement>('[data-testid="notice-edit-1"]').click();
    await settle(fixture);
    expect(text('#notice-form-title')).toBe('Modifica avviso');
    expect(document.activeElement?.id).toBe('notice-form-title');
    expect($<HTMLInputElement>('[data-testid="notice-start"]').value).toBe('2027-03-31T09:00');
    expect($<HTMLInputElement>('[data-testid="notice-priority-INFO"]').checked).toBe(true);
    await type('notice-textEn', 'New hours from April.');
    await submit();
    expect(api['updateNotice']).toHaveBeenCalledWith(OFFICE_ID, 'n2', {
      priority: 'INFO',
      textIt: 'Nuovi orari da aprile.',
      textEn: 'New hours from April.',
      start: '2027-03-31T07:00:00.000Z',
      end: '2027-04-02T16:00:00.000Z',
    });
    expect(text('[data-testid="form-success"]')).toContain('Avviso salvato');
    expect(text('#notice-form-title')).toBe('Nuovo avviso');
  });

  it('the api’s field errors: a focused summary with links, and each field marked', async () => {
    api['createNotice'].mockRejectedValueOnce(
      apiError(400, {
        code: 'VALIDATION_FAILED',
        errors: [
          { field: 'priority', message: 'Valore non ammesso.' },
          { field: 'textIt', message: 'Campo obbligatorio.' },
          { field: 'end', message: "La fine dell'avviso deve seguire il suo inizio." },
        ],
      }),
    );
    await submit();
    const summary = $('[data-testid="error-summary"]');
    expect(document.activeElement).toBe(summary);
    expect([...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['#notice-priority', '#notice-textIt', '#notice-end']);
    expect($('#notice-priority')).not.toBeNull();
    expect($('#notice-end').getAttribute('aria-invalid')).toBe('true');
    expect(text('#notice-end-error')).toBe("Errore: La fine dell'avviso deve seguire il suo inizio.");
  });

  it('deleting asks first, then removes; in English', async () => {
    TestBed.inject(I18n).setLanguage('en');
    await settle(fixture);
    $<HTMLButtonElement>('[data-testid="notice-delete-0"]').click();
    await settle(fixture);
    expect(document.activeElement?.id).toBe('notice-delete-title');
    expect(text('#notice-delete-title')).toBe('Delete this notice?');
    $<HTMLButtonElement>('[data-testid="notice-delete-yes"]').click();
    await settle(fixture);
    expect(api['deleteNotice']).toHaveBeenCalledWith(OFFICE_ID, 'n1');
    expect(text('[data-testid="form-success"]')).toContain('Notice deleted');
  });

  it('converts between datetime-local values of the office’s zone and instants, across daylight saving time', () => {
    expect(localToInstant('2027-03-27T10:00', 'Europe/Rome')).toBe('2027-03-27T09:00:00.000Z');
    expect(localToInstant('2027-03-29T10:00', 'Europe/Rome')).toBe('2027-03-29T08:00:00.000Z');
    expect(localToInstant('', 'Europe/Rome')).toBe('');
    expect(instantToLocal('2027-03-29T08:00:00.000Z', 'Europe/Rome')).toBe('2027-03-29T10:00');
    expect(noticeInput({ priority: 'INFO', textIt: 'x', textEn: '  ', start: '', end: '' }, 'Europe/Rome')).toEqual({
      priority: 'INFO',
      textIt: 'x',
      textEn: null,
      start: '',
      end: '',
    });
  });
});
