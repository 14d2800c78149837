import type { MessageContext } from '../notification.templates';
import { escapeMarkdown, IO_MARKDOWN_MAX, IO_MARKDOWN_MIN, IO_SUBJECT_MAX, IO_SUBJECT_MIN, ioLanguage, renderIoMessage } from './io.message';

const base: MessageContext = {
  kind: 'CONFIRMATION',
  language: 'it',
  appointmentId: '7d2f4c1e-9a55-4c57-8f0e-1f2a3b4c5d6e',
  sequence: 0,
  code: 'CIE-7K3P9Q',
  startAt: new Date('2027-03-29T06:30:00Z'),
  endAt: new Date('2027-03-29T07:00:00Z'),
  timeZone: 'Europe/Rome',
  citizenName: "Maria D'Amico",
  officeName: 'URP Calderara',
  officeAddress: 'Piazza Marconi 7, Calderara di Reno',
  officePhone: null,
  officeEmail: null,
  officeMapUrl: 'https://www.openstreetmap.org/search?query=Piazza%20Marconi%207',
  organizer: { name: 'URP Calderara', email: 'urp@calderara.example' },
  serviceName: "Carta d'identità elettronica",
  documents: ['Documento scaduto', 'Foto *35x45*'],
  feeCents: 2221,
  feeNote: null,
  manageUrl: 'https://prenota.example.it/gestisci/abc',
  bookUrl: 'https://prenota.example.it/prenota/CIE',
};

const within = (text: string, min: number, max: number) => {
  expect(text.length).toBeGreaterThanOrEqual(min);
  expect(text.length).toBeLessThanOrEqual(max);
};

describe('the App IO message', () => {
  it('a confirmation in Italian: service, office with address, local date and time, code, documents, the manage link; due at the start', () => {
    const m = renderIoMessage(base);
    expect(m.subject).toBe("Prenotazione confermata CIE-7K3P9Q – Carta d'identità elettronica");
    for (const fact of [
      "- **Servizio:** Carta d'identità elettronica",
      '- **Ufficio:** URP Calderara, Piazza Marconi 7, Calderara di Reno',
      '- **Data e ora:** lunedì 29 marzo 2027, 08:30 (ora italiana, CEST)',
      '- **Codice prenotazione:** CIE-7K3P9Q',
      '**Cosa portare**',
      '- Documento scaduto',
      // Markdown in free text is taken literally.
      '- Foto \\*35x45\\*',
      '[Gestisci la prenotazione (vedi, sposta o annulla)](https://prenota.example.it/gestisci/abc)',
    ])
      expect(m.markdown).toContain(fact);
    expect(m.due_date).toBe('2027-03-29T06:30:00.000Z');
    within(m.subject, IO_SUBJECT_MIN, IO_SUBJECT_MAX);
    within(m.markdown, IO_MARKDOWN_MIN, IO_MARKDOWN_MAX);
  });

  it('in English with the English texts', () => {
    const m = renderIoMessage({ ...base, language: 'en', serviceName: 'Electronic identity card', documents: ['Photo'] });
    expect(m.subject).toBe('Booking confirmed CIE-7K3P9Q – Electronic identity card');
    expect(m.markdown).toContain('- **Date and time:** Monday 29 March 2027, 08:30 (Italian time, CEST)');
    expect(m.markdown).toContain('**What to bring**');
    expect(m.markdown).toContain('[Manage your booking (view, move or cancel)](https://prenota.example.it/gestisci/abc)');
  });

  it('a reminder asking for reconfirmation carries the confirm link; a cancellation the link to book again and no documents', () => {
    const reminder = renderIoMessage({
      ...base,
      kind: 'REMINDER',
      reconfirm: { url: 'https://prenota.example.it/gestisci/abc/conferma', deadline: new Date('2027-03-28T18:30:00Z') },
    });
    expect(reminder.markdown).toContain('**Conferma la tua presenza**');
    expect(reminder.markdown).toContain('[Confermo che verrò](https://prenota.example.it/gestisci/abc/conferma)');
    const cancelled = renderIoMessage({ ...base, kind: 'CLOSURE', manageUrl: null, closureReason: 'Elezioni' });
    expect(cancelled.markdown).toContain("l'ufficio resterà chiuso (Elezioni)");
    expect(cancelled.markdown).toContain('[Prenota un nuovo appuntamento](https://prenota.example.it/prenota/CIE)');
    expect(cancelled.markdown).not.toContain('Cosa portare');
  });

  it('the shortest context still meets the minimums', () => {
    const m = renderIoMessage({
      ...base,
      kind: 'CANCELLATION',
      citizenName: 'A B',
      officeName: 'X',
      officeAddress: 'Y',
      serviceName: 'Z',
      code: 'Z-1',
      manageUrl: null,
      documents: [],
    });
    within(m.subject, IO_SUBJECT_MIN, IO_SUBJECT_MAX);
    within(m.markdown, IO_MARKDOWN_MIN, IO_MARKDOWN_MAX);
  });

  it('a long service name is cut to 120 characters; long documents are dropped until the markdown fits 10,000, the link kept', () => {
    const m = renderIoMessage({ ...base, serviceName: 'S'.repeat(300), documents: Array.from({ length: 60 }, (_, i) => `${i} ${'d'.repeat(300)}`) });
    expect(m.subject).toHaveLength(IO_SUBJECT_MAX);
    expect(m.subject.endsWith('…')).toBe(true);
    within(m.markdown, IO_MARKDOWN_MIN, IO_MARKDOWN_MAX);
    expect(m.markdown).toContain('- …');
    expect(m.markdown).toContain('(https://prenota.example.it/gestisci/abc)');
  });
});

describe('ioLanguage', () => {
  it.each([
    [['it_IT'], 'en', 'it'],
    [['en_GB'], 'it', 'en'],
    [['de_DE', 'en_GB', 'it_IT'], 'it', 'en'],
    [['fr_FR'], 'it', 'it'],
    [[], 'en', 'en'],
    [undefined, 'it', 'it'],
  ] as Array<[string[] | undefined, 'it' | 'en', 'it' | 'en']>)('%j, booked in %s → %s', (preferred, booking, expected) => {
    expect(ioLanguage(preferred, booking)).toBe(expected);
  });
});

describe('escapeMarkdown', () => {
  it('escapes emphasis, links, code and HTML, not ordinary punctuation', () => {
    expect(escapeMarkdown("a*b_c [x](y) `z` <b> d'e, f.g-h")).toBe("a\\*b\\_c \\[x\\](y) \\`z\\` \\<b\\> d'e, f.g-h");
  });
});
