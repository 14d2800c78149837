import { TestBed } from '@angular/core/testing';
import { config as zodConfig } from 'zod';
import { I18n, MessageKey, PluralKey } from '../../core/i18n/i18n';
import { ApplicantForm, EMPTY_APPLICANT, fiscalCodeProblem, mapServerErrors, toCitizen, validateApplicant } from './applicant-form';

const VALID: ApplicantForm = {
  firstName: 'Maria',
  lastName: 'Rossi',
  fiscalCode: 'RSSMRA85T10A562S',
  email: 'maria@example.org',
  phone: '',
  notes: '',
  privacyAccepted: true,
};

describe('codice fiscale in the form', () => {
  it('accepts valid codes in lower case and with spaces', () => {
    expect(fiscalCodeProblem('RSSMRA85T10A562S')).toBeNull();
    expect(fiscalCodeProblem('rssmra 85t10 a562s')).toBeNull();
    expect(fiscalCodeProblem(' MRTMTT25D09F205Z ')).toBeNull();
  });

  it.each([
    ['', 'applicant.error.fiscalCode.EMPTY'],
    ['RSSMRA85T10A562', 'applicant.error.fiscalCode.LENGTH'],
    ['RSSMRA85T10A56AS', 'applicant.error.fiscalCode.FORMAT'],
    ['RSSMRA85Z10A562S', 'applicant.error.fiscalCode.MONTH'],
    ['RSSMRA85T35A562S', 'applicant.error.fiscalCode.DAY'],
    ['RSSMRA85T10A562X', 'applicant.error.fiscalCode.CHECK_CHARACTER'],
  ])('maps %p to the message %s', (code, key) => {
    expect(fiscalCodeProblem(code)?.key).toBe(key);
  });

  it('says how many characters were typed when the length is wrong', () => {
    expect(fiscalCodeProblem('RSSMRA85T10')).toEqual({
      key: 'applicant.error.fiscalCode.LENGTH',
      params: { count: 11 },
      plural: true,
    });
  });

  it('has a message for every problem in Italian and English', () => {
    const i18n = TestBed.inject(I18n);
    const codes = ['', 'RSSMRA85T10', 'RSSMRA85T10A56AS', 'RSSMRA85Z10A562S', 'RSSMRA85T35A562S', 'RSSMRA85T10A562X'];
    for (const lang of ['it', 'en'] as const) {
      i18n.setLanguage(lang);
      const texts = codes.map((code) => {
        const problem = fiscalCodeProblem(code);
        return problem
          ? problem.plural
            ? i18n.plural(problem.key as PluralKey, Number(problem.params?.['count']), problem.params)
            : i18n.t(problem.key as MessageKey, problem.params)
          : '';
      });
      expect(new Set(texts).size).toBe(codes.length);
      for (const text of texts) expect(text).not.toMatch(/applicant\.|\{/);
    }
    expect(i18n.plural('applicant.error.fiscalCode.LENGTH', 11)).toBe('The codice fiscale has 16 characters: you entered 11.');
    i18n.setLanguage('it');
    expect(i18n.plural('applicant.error.fiscalCode.LENGTH', 1)).toBe('Il codice fiscale ha 16 caratteri: ne hai inserito 1.');
  });
});

describe('validateApplicant', () => {
  it('finds nothing wrong in a complete form', () => {
    expect(validateApplicant(VALID)).toEqual({});
    expect(validateApplicant({ ...VALID, phone: '+39 051 646 1111', notes: 'x'.repeat(200) })).toEqual({});
  });

  it('reports every missing required field, in one go', () => {
    const problems = validateApplicant(EMPTY_APPLICANT);
    expect(Object.keys(problems)).toEqual(['firstName', 'lastName', 'fiscalCode', 'email', 'privacyAccepted']);
    expect(problems.firstName?.key).toBe('applicant.error.firstName.empty');
    expect(problems.privacyAccepted?.key).toBe('applicant.error.privacy');
  });

  it('applies the api’s rules for names, e-mail, phone and notes', () => {
    expect(validateApplicant({ ...VALID, firstName: 'Maria2' }).firstName?.key).toBe('applicant.error.name');
    expect(validateApplicant({ ...VALID, lastName: 'D’Angelo-Rossi' })).toEqual({});
    expect(validateApplicant({ ...VALID, email: 'maria@example' }).email?.key).toBe('applicant.error.email');
    expect(validateApplicant({ ...VALID, phone: 'abc' }).phone?.key).toBe('applicant.error.phone');
    expect(validateApplicant({ ...VALID, notes: 'x'.repeat(203) }).notes).toEqual({
      key: 'applicant.error.notes',
      params: { max: 200, count: 3 },
    });
  });

  it('sends the codice fiscale normalised and leaves out an empty phone', () => {
    expect(toCitizen({ ...VALID, fiscalCode: 'rssmra 85t10 a562s', firstName: '  Maria   Grazia ' })).toEqual({
      firstName: 'Maria Grazia',
      lastName: 'Rossi',
      fiscalCode: 'RSSMRA85T10A562S',
      email: 'maria@example.org',
    });
    expect(toCitizen({ ...VALID, phone: ' 051 123456 ' }).phone).toBe('051 123456');
  });
});

describe('mapServerErrors', () => {
  it('puts the api’s field paths on the form’s fields and keeps the rest apart', () => {
    const mapped = mapServerErrors([
      { field: 'citizen.fiscalCode', message: 'Il codice fiscale non è corretto.' },
      { field: 'citizen.firstName', message: 'Usare solo lettere.' },
      { field: 'citizen.lastName', message: 'Obbligatorio.' },
      { field: 'citizen.email', message: 'E-mail non valida.' },
      { field: 'citizen.phone', message: 'Telefono non valido.' },
      { field: 'notes', message: 'Troppo lungo.' },
      { field: 'privacyAccepted', message: 'Occorre accettare.' },
      { field: 'start', message: 'Orario non valido.' },
      { field: 'toString', message: 'Strano.' },
    ]);
    expect(mapped.fields).toEqual({
      fiscalCode: 'Il codice fiscale non è corretto.',
      firstName: 'Usare solo lettere.',
      lastName: 'Obbligatorio.',
      email: 'E-mail non valida.',
      phone: 'Telefono non valido.',
      notes: 'Troppo lungo.',
      privacyAccepted: 'Occorre accettare.',
    });
    expect(mapped.other).toEqual(['Orario non valido.', 'Strano.']);
  });

  it('keeps the first message when a field has several', () => {
    expect(
      mapServerErrors([
        { field: 'citizen.email', message: 'primo' },
        { field: 'citizen.email', message: 'secondo' },
      ]).fields,
    ).toEqual({ email: 'primo' });
  });
});

describe('the schemas in the browser', () => {
  it('run without eval (the CSP forbids it): zod is jitless once the form is loaded', () => {
    expect(zodConfig().jitless).toBe(true);
  });
});
