import { DateTime } from 'luxon';
import { buildIcsEvent, type IcsEvent } from './ics';
import { escapeText, foldLine, utf8Length } from './ics-text';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

/** RFC 5545 unfolding: a CRLF followed by one space or tab is removed. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

/** Logical content lines of an iCalendar text. */
const contentLines = (ics: string) =>
  unfold(ics)
    .split('\r\n')
    .filter((line) => line !== '');

/** The value of the first property called `name` inside component `component` (test-only, naive). */
function property(ics: string, component: string, name: string): string | undefined {
  const lines = contentLines(ics);
  const from = lines.indexOf(`BEGIN:${component}`);
  const to = lines.indexOf(`END:${component}`, from);
  return lines.slice(from, to).find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`));
}

/** Reads `DTSTART;TZID=Europe/Rome:20271031T090000` or `DTSTART:20271031T013000Z` as an instant (luxon, not the implementation). */
function instantOf(line: string): string {
  const match = /^[A-Z]+(?:;TZID=([^:]+))?:(\d{8}T\d{6})(Z?)$/.exec(line);
  if (!match) throw new Error(`unexpected ${line}`);
  const zone = match[3] === 'Z' ? 'utc' : match[1];
  return (
    DateTime.fromFormat(match[2] ?? '', "yyyyMMdd'T'HHmmss", { zone })
      .toUTC()
      .toISO({ suppressMilliseconds: true }) ?? ''
  );
}

const utc = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toUTC().toISO({ suppressMilliseconds: true });

function event(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    uid: 'CIE-7K3P9Q@sportello.comune.calderara-di-reno.bo.it',
    sequence: 0,
    start: '2027-04-12T09:30:00+02:00',
    end: '2027-04-12T09:50:00+02:00',
    timeZone: 'Europe/Rome',
    summary: "Carta d'identità elettronica",
    description: 'Codice CIE-7K3P9Q. Portare: foto, vecchio documento, tessera sanitaria.',
    location: 'URP, Piazza Marconi 7, Calderara di Reno',
    now: new Date('2027-04-01T10:15:30.123Z'),
    ...overrides,
  };
}

describe('buildIcsEvent: exact output', () => {
  it('a full confirmation with organizer, url and alarm', () => {
    const ics = buildIcsEvent(
      event({
        organizerName: 'Comune di Calderara di Reno: URP',
        organizerEmail: 'urp@comune.calderara-di-reno.bo.it',
        url: 'https://prenota.comune.calderara-di-reno.bo.it/p/CIE-7K3P9Q',
        alarmMinutesBefore: 60,
      }),
    );
    expect(ics).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Sportello//Prenotazioni//IT',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'BEGIN:VTIMEZONE',
        'TZID:Europe/Rome',
        'BEGIN:DAYLIGHT',
        'TZOFFSETFROM:+0100',
        'TZOFFSETTO:+0200',
        'TZNAME:CEST',
        'DTSTART:19700329T020000',
        'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
        'END:DAYLIGHT',
        'BEGIN:STANDARD',
        'TZOFFSETFROM:+0200',
        'TZOFFSETTO:+0100',
        'TZNAME:CET',
        'DTSTART:19701025T030000',
        'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
        'END:STANDARD',
        'END:VTIMEZONE',
        'BEGIN:VEVENT',
        'UID:CIE-7K3P9Q@sportello.comune.calderara-di-reno.bo.it',
        'DTSTAMP:20270401T101530Z',
        'SEQUENCE:0',
        'DTSTART;TZID=Europe/Rome:20270412T093000',
        'DTEND;TZID=Europe/Rome:20270412T095000',
        "SUMMARY:Carta d'identità elettronica",
        // Folded at exactly 75 octets: the space before "sanitaria" ends the first line.
        'DESCRIPTION:Codice CIE-7K3P9Q. Portare: foto\\, vecchio documento\\, tessera ',
        ' sanitaria.',
        'LOCATION:URP\\, Piazza Marconi 7\\, Calderara di Reno',
        'ORGANIZER;CN="Comune di Calderara di Reno: URP":mailto:urp@comune.calderara',
        ' -di-reno.bo.it',
        'URL:https://prenota.comune.calderara-di-reno.bo.it/p/CIE-7K3P9Q',
        'STATUS:CONFIRMED',
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'TRIGGER:-PT60M',
        "DESCRIPTION:Carta d'identità elettronica",
        'END:VALARM',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('a minimal event: no organizer, url or alarm', () => {
    const lines = contentLines(buildIcsEvent(event()));
    const vevent = lines.slice(lines.indexOf('BEGIN:VEVENT'));
    expect(vevent).toEqual([
      'BEGIN:VEVENT',
      'UID:CIE-7K3P9Q@sportello.comune.calderara-di-reno.bo.it',
      'DTSTAMP:20270401T101530Z',
      'SEQUENCE:0',
      'DTSTART;TZID=Europe/Rome:20270412T093000',
      'DTEND;TZID=Europe/Rome:20270412T095000',
      "SUMMARY:Carta d'identità elettronica",
      'DESCRIPTION:Codice CIE-7K3P9Q. Portare: foto\\, vecchio documento\\, tessera sanitaria.',
      'LOCATION:URP\\, Piazza Marconi 7\\, Calderara di Reno',
      'STATUS:CONFIRMED',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
  });

  it('uses CRLF only, ends with CRLF, and keeps every physical line within 75 octets', () => {
    const ics = buildIcsEvent(event({ description: 'à'.repeat(300) + '\n' + 'x'.repeat(300), alarmMinutesBefore: 15 }));
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });
});

describe('buildIcsEvent: times', () => {
  const dtstart = (start: string, end = DateTime.fromISO(start, { setZone: true }).plus({ minutes: 20 }).toISO() ?? '') =>
    property(buildIcsEvent(event({ start, end })), 'VEVENT', 'DTSTART') ?? '';

  it('after the autumn change: 2027-10-31T09:00:00+01:00 is 09:00 local', () => {
    expect(dtstart('2027-10-31T09:00:00+01:00')).toBe('DTSTART;TZID=Europe/Rome:20271031T090000');
  });

  it('summer time: a UTC instant in July is two hours ahead locally', () => {
    expect(dtstart('2027-07-15T07:30:00Z')).toBe('DTSTART;TZID=Europe/Rome:20270715T093000');
  });

  it('winter time: one hour ahead; any offset given is converted', () => {
    expect(dtstart('2027-01-15T08:00:00Z')).toBe('DTSTART;TZID=Europe/Rome:20270115T090000');
    expect(dtstart('2027-01-15T03:00:00-05:00')).toBe('DTSTART;TZID=Europe/Rome:20270115T090000');
  });

  it('the spring-forward day: after the jump, +02:00', () => {
    expect(dtstart('2026-03-29T03:30:00+02:00')).toBe('DTSTART;TZID=Europe/Rome:20260329T033000');
    expect(dtstart('2026-03-29T01:30:00+01:00')).toBe('DTSTART;TZID=Europe/Rome:20260329T013000');
  });

  it('the repeated hour: the first 02:30 keeps its TZID, the second is written in UTC', () => {
    expect(dtstart('2027-10-31T02:30:00+02:00')).toBe('DTSTART;TZID=Europe/Rome:20271031T023000');
    expect(dtstart('2027-10-31T02:30:00+01:00')).toBe('DTSTART:20271031T013000Z');
    expect(dtstart('2027-10-31T03:00:00+01:00')).toBe('DTSTART;TZID=Europe/Rome:20271031T030000');
    expect(dtstart('2027-10-31T01:59:59+02:00')).toBe('DTSTART;TZID=Europe/Rome:20271031T015959');
  });

  it.each([
    ['2027-10-31T09:00:00+01:00', '2027-10-31T09:30:00+01:00'],
    ['2027-07-15T07:30:00Z', '2027-07-15T08:00:00Z'],
    ['2026-03-29T01:30:00+01:00', '2026-03-29T03:30:00+02:00'], // across the spring gap
    ['2027-10-31T02:30:00+01:00', '2027-10-31T03:30:00+01:00'],
    ['2027-12-31T23:30:00+01:00', '2028-01-01T00:30:00+01:00'], // across the year
  ])('DTSTART and DTEND read back (TZID resolved with tz data) as the booked instants: %s', (start, end) => {
    const ics = buildIcsEvent(event({ start, end }));
    expect(instantOf(property(ics, 'VEVENT', 'DTSTART') ?? '')).toBe(utc(start));
    expect(instantOf(property(ics, 'VEVENT', 'DTEND') ?? '')).toBe(utc(end));
  });

  it('DTSTAMP is `now` in UTC, without milliseconds', () => {
    const ics = buildIcsEvent(event({ now: new Date('2027-07-01T23:59:59.999+02:00') }));
    expect(property(ics, 'VEVENT', 'DTSTAMP')).toBe('DTSTAMP:20270701T215959Z');
  });

  it('the VTIMEZONE rules (last Sunday of March 02:00 / October 03:00) match the tz data, 2025–2040', () => {
    const lastSunday = (year: number, month: number) => {
      const last = DateTime.utc(year, month, 1).endOf('month').startOf('day');
      return last.minus({ days: last.weekday % 7 });
    };
    for (let year = 2025; year <= 2040; year++) {
      const spring = lastSunday(year, 3);
      const autumn = lastSunday(year, 10);
      // 02:00 CET (+01:00) = 01:00Z; 03:00 CEST (+02:00) = 01:00Z.
      const rome = (iso: DateTime) => DateTime.fromMillis(iso.toMillis(), { zone: 'Europe/Rome' }).offset;
      expect([rome(spring.set({ hour: 0, minute: 59 })), rome(spring.set({ hour: 1 }))]).toEqual([60, 120]);
      expect([rome(autumn.set({ hour: 0, minute: 59 })), rome(autumn.set({ hour: 1 }))]).toEqual([120, 60]);
    }
  });
});

describe('buildIcsEvent: text', () => {
  it('escapes backslash, semicolon, comma and newlines in TEXT; colons stay', () => {
    const ics = buildIcsEvent(
      event({ summary: 'SPID; CIE, residenza\\cambio', description: 'Riga 1\nRiga 2\r\nRiga 3\rFine: ok', location: 'Sala "A", piano 1' }),
    );
    expect(property(ics, 'VEVENT', 'SUMMARY')).toBe('SUMMARY:SPID\\; CIE\\, residenza\\\\cambio');
    expect(property(ics, 'VEVENT', 'DESCRIPTION')).toBe('DESCRIPTION:Riga 1\\nRiga 2\\nRiga 3\\nFine: ok');
    expect(property(ics, 'VEVENT', 'LOCATION')).toBe('LOCATION:Sala "A"\\, piano 1');
    expect(property(ics, 'VALARM', 'DESCRIPTION')).toBeUndefined();
  });

  it('escapes the alarm description and the UID too', () => {
    const ics = buildIcsEvent(event({ uid: 'a,b;c', summary: 'Anagrafe, cambio', alarmMinutesBefore: 1440 }));
    expect(property(ics, 'VEVENT', 'UID')).toBe('UID:a\\,b\\;c');
    expect(property(ics, 'VALARM', 'DESCRIPTION')).toBe('DESCRIPTION:Anagrafe\\, cambio');
    expect(property(ics, 'VALARM', 'TRIGGER')).toBe('TRIGGER:-PT1440M');
  });

  it('strips characters that would break the ORGANIZER parameter', () => {
    const ics = buildIcsEvent(event({ organizerName: 'URP "Calderara"\n', organizerEmail: 'urp@example.it' }));
    expect(property(ics, 'VEVENT', 'ORGANIZER')).toBe('ORGANIZER;CN="URP Calderara":mailto:urp@example.it');
    expect(property(buildIcsEvent(event({ organizerEmail: 'urp@example.it' })), 'VEVENT', 'ORGANIZER')).toBe('ORGANIZER:mailto:urp@example.it');
  });

  it('folds a long UTF-8 line without splitting a character, and unfolds to the original', () => {
    const summary = 'à'.repeat(100);
    const ics = buildIcsEvent(event({ summary }));
    const physical = ics.split('\r\n');
    const first = physical.findIndex((line) => line.startsWith('SUMMARY:'));
    // "SUMMARY:" is 8 octets, "à" 2: 33 fit in 74 octets (a 34th would make 76).
    expect(physical[first]).toBe('SUMMARY:' + 'à'.repeat(33));
    expect(octets(physical[first] ?? '')).toBe(74);
    // Continuation: 1 space + 37 × 2 = 75 octets, then the rest (30 × 2 + 1).
    expect(physical[first + 1]).toBe(' ' + 'à'.repeat(37));
    expect(octets(physical[first + 1] ?? '')).toBe(75);
    expect(physical[first + 2]).toBe(' ' + 'à'.repeat(30));
    expect(property(ics, 'VEVENT', 'SUMMARY')).toBe('SUMMARY:' + summary);
  });

  it('every physical line is valid UTF-8 on its own (no split sequences), with 3- and 4-byte characters too', () => {
    const ics = buildIcsEvent(event({ description: '€🇮🇹àb'.repeat(60), summary: '𝄞'.repeat(50) }));
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const bytes = Buffer.from(ics, 'utf8');
    let lineStart = 0;
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        const line = bytes.subarray(lineStart, i);
        expect(line.length).toBeLessThanOrEqual(75);
        expect(() => decoder.decode(line)).not.toThrow();
        lineStart = i + 2;
      }
    }
    expect(property(ics, 'VEVENT', 'DESCRIPTION')).toBe('DESCRIPTION:' + '€🇮🇹àb'.repeat(60));
  });
});

describe('ics-text helpers', () => {
  it('utf8Length per code point', () => {
    expect(['a', 'à', '€', '🇮', '𝄞'].map(utf8Length)).toEqual([1, 2, 3, 4, 4]);
    for (const char of ['a', 'à', '€', '𝄞', '\u07ff', '\u0800', '\uffff']) expect(utf8Length(char)).toBe(octets(char));
  });

  it('foldLine: 75 octets stay on one line, 76 are folded', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe('x'.repeat(75) + '\r\n x');
    expect(foldLine('x'.repeat(75 + 74 + 1))).toBe('x'.repeat(75) + '\r\n ' + 'x'.repeat(74) + '\r\n x');
    expect(foldLine('')).toBe('');
  });

  it('foldLine moves a 3-byte character that would straddle the limit to the next line', () => {
    const folded = foldLine('x'.repeat(73) + '€' + 'y');
    expect(folded).toBe('x'.repeat(73) + '\r\n €y');
  });

  it('escapeText drops control characters but keeps tab', () => {
    expect(escapeText('a\u0000b\u0007c\td\u007f')).toBe('abc\td');
    expect(escapeText('\\n is not a newline')).toBe('\\\\n is not a newline');
  });
});

describe('buildIcsEvent: methods and status', () => {
  it('CANCEL: METHOD:CANCEL, STATUS:CANCELLED, the same UID with a higher SEQUENCE, no alarm', () => {
    const ics = buildIcsEvent(event({ method: 'CANCEL', sequence: 2, alarmMinutesBefore: 60 }));
    expect(property(ics, 'VCALENDAR', 'METHOD')).toBe('METHOD:CANCEL');
    expect(property(ics, 'VEVENT', 'STATUS')).toBe('STATUS:CANCELLED');
    expect(property(ics, 'VEVENT', 'SEQUENCE')).toBe('SEQUENCE:2');
    expect(property(ics, 'VEVENT', 'UID')).toBe('UID:CIE-7K3P9Q@sportello.comune.calderara-di-reno.bo.it');
    expect(ics).not.toContain('VALARM');
    expect(buildIcsEvent(event({ method: 'CANCEL', status: 'CANCELLED', sequence: 2, alarmMinutesBefore: 60 }))).toBe(ics);
  });

  it('a cancelled event can also be published (STATUS:CANCELLED with METHOD:PUBLISH)', () => {
    const ics = buildIcsEvent(event({ status: 'CANCELLED', sequence: 1 }));
    expect(property(ics, 'VCALENDAR', 'METHOD')).toBe('METHOD:PUBLISH');
    expect(property(ics, 'VEVENT', 'STATUS')).toBe('STATUS:CANCELLED');
  });

  it('REQUEST', () => {
    const ics = buildIcsEvent(event({ method: 'REQUEST', sequence: 1, organizerEmail: 'urp@example.it' }));
    expect(property(ics, 'VCALENDAR', 'METHOD')).toBe('METHOD:REQUEST');
    expect(property(ics, 'VEVENT', 'STATUS')).toBe('STATUS:CONFIRMED');
  });

  it('METHOD sits in VCALENDAR before the VTIMEZONE and VEVENT', () => {
    const lines = contentLines(buildIcsEvent(event()));
    expect(lines.indexOf('METHOD:PUBLISH')).toBeLessThan(lines.indexOf('BEGIN:VTIMEZONE'));
    expect(lines.indexOf('BEGIN:VTIMEZONE')).toBeLessThan(lines.indexOf('BEGIN:VEVENT'));
  });
});

describe('buildIcsEvent: invalid input throws', () => {
  it.each<[string, Partial<IcsEvent>, RegExp]>([
    ['another time zone', { timeZone: 'Europe/London' }, /timeZone must be "Europe\/Rome"/],
    ['start without offset', { start: '2027-04-12T09:30:00' }, /start must be an ISO-8601 instant with Z or an offset/],
    ['start not a date', { start: '2027-02-30T09:30:00+01:00' }, /start must be/],
    ['end without offset', { end: '2027-04-12T09:50' }, /end must be/],
    ['end before start', { end: '2027-04-12T09:00:00+02:00' }, /end must be after start/],
    ['end equal to start', { end: '2027-04-12T07:30:00Z' }, /end must be after start/],
    ['milliseconds', { start: '2027-04-12T09:30:00.500+02:00' }, /whole second/],
    ['negative sequence', { sequence: -1 }, /sequence must be an integer ≥ 0/],
    ['fractional sequence', { sequence: 1.5 }, /sequence/],
    ['invalid now', { now: new Date('nope') }, /now must be a valid Date/],
    ['negative alarm', { alarmMinutesBefore: -5 }, /alarmMinutesBefore/],
    ['CANCEL with CONFIRMED', { method: 'CANCEL', status: 'CONFIRMED' }, /METHOD:CANCEL needs STATUS:CANCELLED/],
    ['organizer name without e-mail', { organizerName: 'URP' }, /organizerName needs organizerEmail/],
    ['e-mail with a line break', { organizerEmail: 'urp@example.it\r\nX-EVIL:1' }, /organizerEmail must be/],
    ['url with a space', { url: 'https://example.it/a b' }, /url must be/],
    ['empty url', { url: '' }, /url must be/],
  ])('%s', (_, overrides, message) => {
    expect(() => buildIcsEvent(event(overrides))).toThrow(message);
  });

  it('accepts .000 milliseconds (as from Date.toISOString)', () => {
    const ics = buildIcsEvent(event({ start: '2027-04-12T07:30:00.000Z', end: '2027-04-12T07:50:00.000Z' }));
    expect(property(ics, 'VEVENT', 'DTSTART')).toBe('DTSTART;TZID=Europe/Rome:20270412T093000');
  });
});
