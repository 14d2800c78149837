import { AuditWords, auditLines, formatValue } from './audit-details';

const words: AuditWords = {
  key: (name) =>
    ({ active: 'Attivo', capacity: 'Posti per orario', date: 'Giorno', appointments: 'Prenotazioni viste', reason: 'Motivo', status: 'Stato' })[name] ?? null,
  value: (code) => ({ WRONG_PASSWORD: 'password sbagliata', NO_SHOW: 'Assente', CALLED: 'Chiamato' })[code] ?? null,
  yes: 'sì',
  no: 'no',
  more: (count) => `e altri ${count}`,
  instant: (iso) => `«${iso.slice(11, 16)}»`,
};

describe('audit details as people read them', () => {
  it('writes each change as "field: before → after"', () => {
    expect(auditLines({ changes: { active: { from: true, to: false }, capacity: { from: 2, to: 1 } } }, words)).toEqual([
      { label: 'Attivo', value: 'sì → no' },
      { label: 'Posti per orario', value: '2 → 1' },
    ]);
  });

  it('a field without words is shown by its own name (rows of later versions still read)', () => {
    expect(auditLines({ changes: { maxHoldsPerClient: { from: null, to: 3 } }, deviceCookie: true }, words)).toEqual([
      { label: 'max holds per client', value: '— → 3' },
      { label: 'device cookie', value: 'sì' },
    ]);
  });

  it('codes get their words, lists are cut after eight items, texts in two languages join', () => {
    expect(auditLines({ reason: 'WRONG_PASSWORD', status: { from: 'NO_SHOW', to: 'CALLED' } }, words)).toEqual([
      { label: 'Motivo', value: 'password sbagliata' },
      { label: 'Stato', value: 'Assente → Chiamato' },
    ]);
    const codes = Array.from({ length: 10 }, (_, i) => `CIE-${i}`);
    expect(auditLines({ date: '2026-03-02', appointments: codes }, words)[1].value).toBe('CIE-0, CIE-1, CIE-2, CIE-3, CIE-4, CIE-5, CIE-6, CIE-7 e altri 2');
    expect(formatValue({ it: 'Carta d’identità', en: 'Identity card' }, words)).toBe('Carta d’identità / Identity card');
    expect(formatValue({ it: 'CIE', en: 'CIE' }, words)).toBe('CIE');
    expect(formatValue('2026-03-02T10:15:00.000Z', words)).toBe('«10:15»');
    expect(formatValue([], words)).toBe('—');
  });

  it('a created or deleted object names itself with its first fields, not its ids', () => {
    const lines = auditLines({ after: { id: 'x', officeId: 'y', code: 'ANAG', active: true } }, words);
    expect(lines).toEqual([
      { label: 'code', value: 'ANAG' },
      { label: 'Attivo', value: 'sì' },
    ]);
    expect(auditLines({}, words)).toEqual([]);
    expect(auditLines(null, words)).toEqual([]);
  });
});
