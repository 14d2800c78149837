import { HttpErrorResponse } from '@angular/common/http';
import { affectedOf, FormState } from './form-state';

const t = (key: string) => key;

describe('FormState', () => {
  it('maps the api field errors to fields (through the alias) and counts the attempt', () => {
    const form = new FormState('service', { alias: (f) => f.replace(/^documents\.it\[\d+\]$/, 'documents.it') });
    form.start();
    form.fail(
      new HttpErrorResponse({
        status: 400,
        error: {
          code: 'VALIDATION_FAILED',
          message: 'x',
          errors: [
            { field: 'names.it', message: 'Campo obbligatorio.' },
            { field: 'documents.it[2]', message: 'Al massimo 300 caratteri.' },
          ],
        },
      }),
      t,
    );
    expect(form.errors()).toEqual({ 'names.it': 'Campo obbligatorio.', 'documents.it': 'Al massimo 300 caratteri.' });
    expect(form.summary().map((s) => s.field)).toEqual(['names.it', 'documents.it']);
    expect(form.id('names.it')).toBe('service-names-it');
    expect(form.id('outcomes[1].code')).toBe('service-outcomes-1-code');
    expect(form.describedBy('names.it', true)).toBe('service-names-it-error service-names-it-hint');
    expect(form.attempt()).toBe(1);
    expect(form.busy()).toBe(false);
  });

  it('opens the confirmation on 409 CONFIRMATION_REQUIRED; other failures become the api message, or a generic one', () => {
    const form = new FormState('hours');
    const affected = [{ kind: 'APPOINTMENT', id: 'a1', code: 'CIE-7K3P9Q', start: '2027-03-29T13:00:00Z', serviceId: 's', serviceName: 'CIE' }];
    form.fail(new HttpErrorResponse({ status: 409, error: { code: 'CONFIRMATION_REQUIRED', message: 'x', affected } }), t);
    expect(form.affected()).toEqual(affected);
    expect(form.attempt()).toBe(0);
    form.fail(new HttpErrorResponse({ status: 409, error: { code: 'IN_USE', message: 'Il servizio ha già prenotazioni.' } }), t);
    expect(form.failure()).toBe('Il servizio ha già prenotazioni.');
    form.fail(new HttpErrorResponse({ status: 0 }), t);
    expect(form.failure()).toBe('error.network');
  });

  it('a closure’s affected items (no kind) are appointments', () => {
    const error = new HttpErrorResponse({
      status: 409,
      error: { code: 'CONFIRMATION_REQUIRED', message: 'x', affected: [{ id: 'a', code: 'CIE-1', start: 'x', serviceId: 's', serviceName: 'CIE' }] },
    });
    expect(affectedOf(error)?.[0].kind).toBe('APPOINTMENT');
    expect(affectedOf(new HttpErrorResponse({ status: 400 }))).toBeNull();
  });
});
