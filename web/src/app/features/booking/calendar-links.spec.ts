import { googleCalendarUrl, icsUrl, managePath, manageToken } from './calendar-links';

describe('calendar and manage links', () => {
  const token = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ-_0123';

  it('finds the token of a manage link, whatever the host', () => {
    expect(manageToken(`https://sportello.example.org/gestisci/${token}`)).toBe(token);
    expect(manageToken(`http://localhost:3000/gestisci/${token}?x=1`)).toBe(token);
    expect(manageToken('https://example.org/altro')).toBeNull();
    expect(managePath(token)).toBe(`/gestisci/${token}`);
    expect(icsUrl({ token })).toBe(`/api/appointments/manage/${token}/calendar.ics`);
  });

  it('builds a Google Calendar link with UTC times', () => {
    const url = googleCalendarUrl({
      title: 'Carta d’identità – URP',
      // Summer time (+02:00) and winter time (+01:00) both end up in UTC.
      start: '2027-03-29T08:30:00+02:00',
      end: '2027-03-29T09:00:00+02:00',
      details: 'Codice: CIE-7K3P9Q\n- Fototessera',
      location: 'URP, Piazza Marconi 7, Calderara di Reno',
    });
    expect(url).toBe(
      'https://calendar.google.com/calendar/render?action=TEMPLATE' +
        '&text=Carta%20d%E2%80%99identit%C3%A0%20%E2%80%93%20URP' +
        '&dates=20270329T063000Z/20270329T070000Z' +
        '&details=Codice%3A%20CIE-7K3P9Q%0A-%20Fototessera' +
        '&location=URP%2C%20Piazza%20Marconi%207%2C%20Calderara%20di%20Reno',
    );
    const winter = googleCalendarUrl({ title: 't', start: '2027-01-11T08:30:00+01:00', end: '2027-01-11T09:00:00+01:00', details: '', location: '' });
    expect(new URL(winter).searchParams.get('dates')).toBe('20270111T073000Z/20270111T080000Z');
  });
});
