import { formatFee, formatLocalDateTime, MessageContext, QR_CID, renderMessage, renderWaitlistMessage, WaitlistMessageContext } from './notification.templates';

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
  officeEmail: 'urp@calderara.example',
  officeMapUrl: 'https://www.openstreetmap.org/search?query=Piazza%20Marconi%207',
  organizer: { name: 'URP Calderara', email: 'urp@calderara.example' },
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
    expect(formatLocalDateTime(new Date('2027-03-29T06:30:00Z'), 'Europe/Rome', 'it')).toBe('lunedì 29 marzo 2027, 08:30 (ora italiana, CEST)');
    expect(formatLocalDateTime(new Date('2027-03-26T07:30:00Z'), 'Europe/Rome', 'it')).toBe('venerdì 26 marzo 2027, 08:30 (ora italiana, CET)');
    expect(formatLocalDateTime(new Date('2027-03-29T06:30:00Z'), 'Europe/Rome', 'en')).toBe('Monday 29 March 2027, 08:30 (Italian time, CEST)');
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
    for (const part of [
      'URP Calderara, Piazza Marconi 7, Calderara di Reno',
      'lunedì 29 marzo 2027, 08:30 (ora italiana, CEST)',
      'CIE-7K3P9Q',
      '22,21',
      'Documento scaduto',
      base.manageUrl as string,
    ]) {
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
    // RFC 5546: METHOD:PUBLISH needs the ORGANIZER: the office with its e-mail.
    expect(m.ics?.content).toContain('ORGANIZER;CN="URP Calderara":mailto:urp@calderara.example');
  });

  it('ends with the office contacts: address, e-mail, phone when known, and the map link', () => {
    const m = renderMessage({ ...base, officePhone: '051 000 0000' }, now);
    expect(m.text).toContain(
      'Per aiuto contatta l’ufficio:\nIndirizzo: URP Calderara, Piazza Marconi 7, Calderara di Reno\nTelefono: 051 000 0000\nE-mail: urp@calderara.example\nVedi sulla mappa (OpenStreetMap): https://www.openstreetmap.org/search?query=Piazza%20Marconi%207',
    );
    expect(m.html).toContain('<a href="tel:0510000000"');
    expect(m.html).toContain('<a href="mailto:urp@calderara.example"');
    expect(m.html).toContain('<a href="https://www.openstreetmap.org/search?query=Piazza%20Marconi%207"');
    const cancelled = renderMessage({ ...base, kind: 'CANCELLATION', sequence: 1, officeEmail: null }, now);
    expect(cancelled.text).toContain('Per aiuto contatta l’ufficio');
    expect(cancelled.text).not.toContain('E-mail:');
    expect(cancelled.ics?.content).toContain('ORGANIZER;CN="URP Calderara":mailto:');
  });

  it('English messages are in English', () => {
    const m = renderMessage({ ...base, language: 'en', serviceName: 'Identity card', documents: ['Photo'] }, now);
    expect(m.subject).toBe('Booking confirmed CIE-7K3P9Q – Identity card');
    expect(m.html).toContain('<html lang="en">');
    expect(m.text).toContain('Monday 29 March 2027, 08:30 (Italian time, CEST)');
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
    expect(m.text).toContain('08:30 (ora italiana, CEST)');
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

  it('reminder with reconfirmation: the deadline in local time with the zone and the one-click link first', () => {
    const reconfirm = { url: 'https://prenota.example.it/gestisci/abc/conferma', deadline: new Date('2027-03-28T18:30:00Z') };
    const m = renderMessage({ ...base, kind: 'REMINDER', reconfirm }, now);
    expect(m.text).toContain('Conferma la tua presenza'.toUpperCase());
    expect(m.text).toContain('entro domenica 28 marzo 2027, 20:30 (ora italiana, CEST)');
    expect(m.text).toContain(`Confermo che verrò: ${reconfirm.url}`);
    expect(m.text.indexOf(reconfirm.url)).toBeLessThan(m.text.indexOf(`Gestisci la prenotazione (vedi, sposta o annulla): ${base.manageUrl}`));
    expect(m.html).toContain(`<a href="${reconfirm.url}"`);
    expect(m.html).toContain('<h2 style="font-size: 1.2em;">Conferma la tua presenza</h2>');
    const en = renderMessage({ ...base, kind: 'REMINDER', language: 'en', reconfirm }, now);
    expect(en.text).toContain('Please confirm you will come by Sunday 28 March 2027, 20:30 (Italian time, CEST)');
    expect(en.text).toContain(`I confirm I will come: ${reconfirm.url}`);
    // Without reconfirmation, or for other kinds, nothing is asked.
    expect(renderMessage({ ...base, kind: 'REMINDER' }, now).text).not.toContain('/conferma');
    expect(renderMessage({ ...base, kind: 'CONFIRMATION', reconfirm }, now).text).not.toContain('/conferma');
  });

  it('released: why, a link to book the service again, no manage link, a CANCEL .ics', () => {
    const m = renderMessage({ ...base, kind: 'RELEASED', manageUrl: null, bookUrl: 'https://prenota.example.it/prenota/CIE', sequence: 1 }, now);
    expect(m.subject).toBe("Appuntamento annullato per mancata conferma CIE-7K3P9Q – Carta d'identità elettronica");
    expect(m.text).toContain('la presenza non è stata confermata in tempo');
    expect(m.text).toContain('Appuntamento annullato: lunedì 29 marzo 2027, 08:30 (ora italiana, CEST)');
    expect(m.text).toContain('Prenota un nuovo appuntamento: https://prenota.example.it/prenota/CIE');
    expect(m.withQr).toBe(false);
    expect(m.ics?.method).toBe('CANCEL');
    expect(m.ics?.content).toContain('SEQUENCE:2');
    const en = renderMessage({ ...base, kind: 'RELEASED', language: 'en', manageUrl: null }, now);
    expect(en.subject).toContain('Appointment cancelled: attendance not confirmed');
    expect(en.text).toContain('your attendance was not confirmed in time');
  });
});

describe('closure notice', () => {
  const closure: MessageContext = {
    ...base,
    kind: 'CLOSURE',
    manageUrl: null,
    bookUrl: 'https://prenota.example.it/prenota/CIE',
    closureReason: 'Chiusura per formazione del personale',
  };

  it('Italian: the local time with the zone, the reason, apologies and a link to book again', () => {
    const m = renderMessage(closure, now);
    expect(m.subject).toBe("Appuntamento annullato per chiusura dell'ufficio CIE-7K3P9Q – Carta d'identità elettronica");
    expect(m.text).toContain(
      "Gentile Maria D'Amico,\nil tuo appuntamento di lunedì 29 marzo 2027, 08:30 (ora italiana, CEST) è annullato perché l'ufficio resterà chiuso (Chiusura per formazione del personale). Ci scusiamo per il disagio",
    );
    expect(m.text).toContain('Prenota un nuovo appuntamento: https://prenota.example.it/prenota/CIE');
    expect(m.text).not.toContain('gestisci');
    expect(m.html).toContain('<html lang="it">');
    expect(m.html).toContain('l&#39;ufficio resterà chiuso (Chiusura per formazione del personale)');
    expect(m.html).toContain('<a href="https://prenota.example.it/prenota/CIE"');
    expect(m.withQr).toBe(false);
    expect(m.html).not.toContain('<img');
    expect(m.ics?.method).toBe('CANCEL');
    expect(m.ics?.content).toContain(`UID:${base.appointmentId}@sportello`);
    expect(m.ics?.content).toContain('SEQUENCE:1');
  });

  it('English, and without a reason', () => {
    const m = renderMessage({ ...closure, language: 'en', closureReason: null }, now);
    expect(m.subject).toBe("Appointment cancelled: office closed CIE-7K3P9Q – Carta d'identità elettronica");
    expect(m.text).toContain(
      'your appointment on Monday 29 March 2027, 08:30 (Italian time, CEST) is cancelled because the office will be closed. We apologise for the inconvenience',
    );
    expect(m.text).toContain('Book a new appointment: https://prenota.example.it/prenota/CIE');
    expect(m.html).toContain('<html lang="en">');
  });

  it('escapes what staff wrote', () => {
    const m = renderMessage({ ...closure, closureReason: '<b>sciopero</b> & "assemblea"' }, now);
    expect(m.html).toContain('(&lt;b&gt;sciopero&lt;/b&gt; &amp; &quot;assemblea&quot;)');
    expect(m.html).not.toContain('<b>sciopero');
  });
});

describe('office change notice', () => {
  const changed: MessageContext = { ...base, kind: 'OFFICE_CHANGE', manageUrl: null, bookUrl: 'https://prenota.example.it/prenota/CIE' };

  it('Italian: the local time with the zone, what changed, apologies, a link to book again and a cancelling .ics', () => {
    const m = renderMessage(changed, now);
    expect(m.subject).toBe("Appuntamento annullato per una modifica dell'ufficio CIE-7K3P9Q – Carta d'identità elettronica");
    expect(m.text).toContain(
      "il tuo appuntamento di lunedì 29 marzo 2027, 08:30 (ora italiana, CEST) è annullato perché l'ufficio ha cambiato i propri orari o il numero di sportelli",
    );
    expect(m.text).toContain('Prenota un nuovo appuntamento: https://prenota.example.it/prenota/CIE');
    expect(m.withQr).toBe(false);
    expect(m.ics?.method).toBe('CANCEL');
  });

  it('English, for a withdrawn service', () => {
    const m = renderMessage({ ...changed, language: 'en', serviceWithdrawn: true, bookUrl: 'https://prenota.example.it/' }, now);
    expect(m.subject).toBe("Appointment cancelled: office schedule changed CIE-7K3P9Q – Carta d'identità elettronica");
    expect(m.text).toContain('is cancelled because the office no longer offers this service by appointment');
    expect(m.text).toContain('Book a new appointment: https://prenota.example.it/');
  });
});

describe('waitlist notice', () => {
  const waitlist: WaitlistMessageContext = {
    language: 'it',
    officeName: 'URP Calderara',
    officeAddress: 'Piazza Marconi 7, Calderara di Reno',
    officePhone: '051 646 1111',
    officeEmail: 'urp@calderara.example',
    officeMapUrl: 'https://www.openstreetmap.org/search?query=Piazza%20Marconi%207',
    serviceName: "Carta d'identità elettronica",
    bookUrl: 'https://prenota.example.it/prenota/CIE',
    unsubscribeUrl: 'https://prenota.example.it/lista-attesa/annulla/tok',
  };

  it('says a place is free, first to book wins, this is the only notice; booking and unsubscribe links', () => {
    const m = renderWaitlistMessage(waitlist);
    expect(m.subject).toBe("Si è liberato un posto – Carta d'identità elettronica");
    expect(m.text).toContain('il posto va a chi prenota per primo');
    expect(m.text).toContain("È l'unico avviso che riceverai");
    expect(m.text).toContain('Prenota ora: https://prenota.example.it/prenota/CIE');
    expect(m.text).toContain("Togli il tuo indirizzo dalla lista d'attesa: https://prenota.example.it/lista-attesa/annulla/tok");
    expect(m.text).toContain('Telefono: 051 646 1111');
    expect(m.text).toContain('E-mail: urp@calderara.example');
    expect(m.text).toContain('Vedi sulla mappa (OpenStreetMap): https://www.openstreetmap.org/');
    expect(m.html).toContain('<html lang="it">');
    expect(m.html).toContain('<a href="https://prenota.example.it/prenota/CIE"');
    expect(m.ics).toBeNull();
    expect(m.withQr).toBe(false);
  });

  it('in English', () => {
    const m = renderWaitlistMessage({ ...waitlist, language: 'en', serviceName: 'Identity card', officePhone: null });
    expect(m.subject).toBe('A place is free – Identity card');
    expect(m.text).toContain('the place goes to whoever books first');
    expect(m.text).toContain('Remove your address from the waiting list: https://prenota.example.it/lista-attesa/annulla/tok');
    expect(m.text).not.toContain('Phone');
  });
});
