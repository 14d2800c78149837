import { AUDIT_ACTIONS } from '@sportello/contracts';
import { changedFields, redact, REDACTED } from './audit-details';
import { AUDIT_ACTION_VALUES } from './audit-entry.entity';

describe('audit details', () => {
  it('lists only the changed fields, with before and after', () => {
    expect(
      changedFields(
        { name: 'URP', capacity: 2, outcomes: [{ code: 'A' }], updatedAt: 1 },
        { name: 'URP', capacity: 1, outcomes: [{ code: 'B' }], updatedAt: 2 },
        ['updatedAt'],
      ),
    ).toEqual({
      capacity: { from: 2, to: 1 },
      outcomes: { from: [{ code: 'A' }], to: [{ code: 'B' }] },
    });
    expect(changedFields({ a: undefined, d: new Date('2027-01-01T00:00:00Z') }, { a: null, d: new Date('2027-01-01T00:00:00Z') })).toEqual({});
  });

  it('never lets a codice fiscale or an e-mail address through, however deep', () => {
    const details = redact({ q: 'RSSMRA85T10A562S', note: 'scrive a mario.rossi@example.it', list: [{ cf: 'rssmra85t10a562s' }], codes: ['CIE-7K3P9Q'], n: 3 });
    expect(details).toEqual({ q: REDACTED, note: `scrive a ${REDACTED}`, list: [{ cf: REDACTED }], codes: ['CIE-7K3P9Q'], n: 3 });
  });
});

describe('audit_entry actions', () => {
  it('the CHECK constraint allows exactly the actions of the contracts', () => {
    expect([...AUDIT_ACTION_VALUES]).toEqual([...AUDIT_ACTIONS]);
  });
});
