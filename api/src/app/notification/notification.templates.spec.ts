import { formatFee, formatLocalDateTime, MessageContext, QR_CID, renderMessage } from './notification.templates';

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
  serviceName: "Carta d'identità elettronica",
  documents: ['Documento scaduto', 'Foto <35x45>'],
  feeCents: 2221,
  feeNote: null,
  manageUrl: 'https://prenota.example.it/gestisci/abc',
  bookUrl: 'https://prenota.example.it/',
};
const now = new Date('2027-03-01T10:00:00Z');

describe('formatLocalDateTime', () => {
  it('writes the local time with the zone, on both sides of the DST change', () => {
    expect(formatLocalDateTime(new Date('2027-03-29T06:30:00Z'), 'Europe/Rome', 'it')).toBe('lunedì 29 marzo 2027, 08:30 (ora di Roma, CEST)');
    expect(formatLocalDateTime(new Date('2027-03-26T07:30:00Z'), 'Europe/Rome', 'it')).toBe('venerdì 26 marzo 2027, 08:30 (ora di Roma, CET)');
    expect(formatLocalDateTime(new Date('2027-03-29T06:30:00Z'), 'Europe/Rome', 'en')).toBe('Monday 29 March 2027, 08:30 (Rome time, CEST)');
  });
});

describe('formatFee', () => {
  it('formats euro amounts per language; none is free', () => {
    expect(formatFee(2221, 'it')).toBe('22,21\u00a0€');
    expect(formatFee(2221, 'en')).toBe('€22.21');
    expect(formatFee(null, 'it')).toBe('gratuito');
    expect(formatFee(0, 'en')).toBe('free of charge');
  });
});

describe('renderMessage', () => {
  it('confirmation: every essential, escaped accessible HTML, QR and .ics', () => {
    const m = renderMessage(base, now);
    expect(m.subject).toBe("Prenotazione confermata CIE-7K3P9Q – Carta d'identità elettronica");
    for (const part of ['URP Calderara, Piazza Marconi 7, Calderara di Reno', 'lunedì 29 marzo 2027, 08:30 (ora di Roma, CEST)', 'CIE-7K3P9Q', '22,21', 'Documento scaduto', base.manageUrl as string]) {
      expect(m.text).toContain(part);
    }
    expect(m.html).toContain('<html lang="it">');
    expect(m.html).toContain('<h1');
    expect(m.html).not.toContain('<table');
    expect(m.html).toContain('Foto &lt;35x45&gt;');
    expect(m.html).toContain('Maria D&#39;Amico');
    expect(m.html).toContain(`<img src="cid:${QR_CID}" alt="Codice QR della prenotazione CIE-7K3P9Q"`);
    expect(m.withQr).toBe(true);
    expect(m.ics?.method).toBe('PUBLISH');
    expect(m.ics?.filename).toBe('appuntamento-CIE-7K3P9Q.ics');
    expect(m.ics?.content).toContain(`UID:${base.appointmentId}@sportello`);
    expect(m.ics?.content).toContain('SEQUENCE:0');
    expect(m.ics?.content).toContain('DTSTART;TZID=Europe/Rome:20270329T083000');
    expect(m.ics?.content).toContain('BEGIN:VALARM');
  });

  it('English messages are in English', () => {
    const m = renderMessage({ ...base, language: 'en', serviceName: 'Identity card', documents: ['Photo'] }, now);
    expect(m.subject).toBe('Booking confirmed CIE-7K3P9Q – Identity card');
    expect(m.html).toContain('<html lang="en">');
    expect(m.text).toContain('Monday 29 March 2027, 08:30 (Rome time, CEST)');
    expect(m.text).toContain('What to bring');
    expect(m.ics?.filename).toBe('appointment-CIE-7K3P9Q.ics');
  });

  it('reschedule: same UID, the new SEQUENCE', () => {
    const m = renderMessage({ ...base, kind: 'RESCHEDULE', sequence: 1 }, now);
    expect(m.subject).toContain('Appuntamento spostato');
    expect(m.ics?.content).toContain(`UID:${base.appointmentId}@sportello`);
    expect(m.ics?.content).toContain('SEQUENCE:1');
  });

  it('reminder: the essentials and the manage link, no attachment', () => {
    const m = renderMessage({ ...base, kind: 'REMINDER' }, now);
    expect(m.subject).toContain('Promemoria');
    expect(m.text).toContain(base.manageUrl);
    expect(m.text).toContain('08:30 (ora di Roma, CEST)');
    expect(m.ics).toBeNull();
  });

  it('cancellation: a link to book again, no manage link, a CANCEL .ics with the next SEQUENCE', () => {
    const m = renderMessage({ ...base, kind: 'CANCELLATION', sequence: 2 }, now);
    expect(m.subject).toContain('Prenotazione annullata');
    expect(m.text).not.toContain(base.manageUrl);
    expect(m.text).toContain('https://prenota.example.it/');
    expect(m.withQr).toBe(false);
    expect(m.html).not.toContain('<img');
    expect(m.ics?.method).toBe('CANCEL');
    expect(m.ics?.content).toContain('METHOD:CANCEL');
    expect(m.ics?.content).toContain('SEQUENCE:3');
    expect(m.ics?.content).not.toContain('VALARM');
  });
});
