import { addDays, localToday, monthOf, monthRange, wallTimeToInstant } from '@sportello/domain';
import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { insertAppointment, insertDesks, setQueueService } from './support/frontdesk';
import { insertStaff, StaffClient } from './support/staff';
import { csvRows, importCsv, rawRequest } from './support/stats';

const ROME = 'Europe/Rome';
const MINUTE = 60_000;
const CIE_OUTCOMES = [
  { code: 'CIE_REQUEST_TAKEN', it: 'Richiesta CIE acquisita', en: 'CIE request taken' },
  { code: 'CIE_INCOMPLETE', it: 'Documentazione incompleta', en: 'Documents incomplete' },
];
const SPID_OUTCOMES = [{ code: 'SPID_RECOGNISED', it: 'Identità SPID riconosciuta', en: 'SPID identity recognised' }];
const RESIDENCY_OUTCOMES = [{ code: 'RESIDENCY_RECEIVED', it: 'Dichiarazione ricevuta', en: 'Declaration received' }];

/** The CIE row's figures in the services CSV: the same in either language. */
const CIE_FIGURES = ['6', '2', '2', '1', '1', '3', '8', '16', '15'];
describe('statistics (real HTTP, real PostgreSQL)', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let office: OfficeFixture;
  let other: OfficeFixture;
  let residencyId: string;
  let desk: string;
  let manager: StaffClient;
  let operator: StaffClient;
  let kiosk: StaffClient;
  let stranger: StaffClient;
  let admin: StaffClient;
  let codes = 0;
  const code = () => {
    const alphabet = '23456789BCDFGHJKMNPQRSTVWXYZ';
    let n = ++codes;
    let suffix = '';
    for (let i = 0; i < 6; i++, n = Math.floor(n / alphabet.length)) suffix += alphabet[n % alphabet.length];
    return `CIE-${suffix}`;
  };
  const today = () => localToday(new Date(), ROME);
  /** Yesterday to tomorrow: the scripted day, robust to a run around midnight. */
  const dayPeriod = () => `from=${addDays(today(), -1)}&to=${addDays(today(), 1)}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    other = await insertOffice(db.sql, 'OTHER');
    await setQueueService(db.sql, office.serviceId, 'C', CIE_OUTCOMES);
    await setQueueService(db.sql, office.otherServiceId, 'S', SPID_OUTCOMES);
    const residency = await db.sql.query<{ id: string }>(
      `INSERT INTO service (office_id, code, name_it, name_en, duration_minutes, capacity, sort_order, ticket_prefix, outcomes)
       VALUES ($1, 'RESIDENZA', 'Cambio di residenza', 'Change of residence', 30, 1, 3, 'R', $2) RETURNING id`,
      [office.officeId, JSON.stringify(RESIDENCY_OUTCOMES)],
    );
    residencyId = residency.rows[0].id;
    [desk] = await insertDesks(db.sql, office.officeId, [{ number: 1, serviceIds: [office.serviceId, office.otherServiceId, residencyId] }]);
    await insertStaff(db.sql, 'responsabile', 'manager', [office.officeId]);
    await insertStaff(db.sql, 'operatore', 'operator', [office.officeId]);
    await insertStaff(db.sql, 'totem', 'kiosk', [office.officeId]);
    await insertStaff(db.sql, 'altro', 'manager', [other.officeId]);
    await insertStaff(db.sql, 'capo', 'admin', []);
    api = await startApi(db.url, { CHECKIN_EARLY_MINUTES: '60', CHECKIN_LATE_MINUTES: '15' });
    [manager, operator, kiosk, stranger, admin] = await Promise.all(
      ['responsabile', 'operatore', 'totem', 'altro', 'capo'].map((u) => StaffClient.login(api.baseUrl, u)),
    );
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  // Issued at the desk with `force`: the scripted day runs whatever the fixture office's hours say now.
  const walkIn = async (serviceId: string, name?: string) =>
    (await operator.send('POST', `/api/offices/${office.officeId}/tickets`, { serviceId, force: true, ...(name && { name }) })).body;
  const checkIn = async (appointmentCode: string) => (await kiosk.send('POST', `/api/appointments/${appointmentCode}/check-in`, {})).body;
  const deskAction = async (action: string, body: Record<string, unknown> = {}) => {
    const answer = await operator.send('POST', `/api/desks/${desk}/${action}`, body);
    if (answer.status !== 200) throw new Error(`${action} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  /** Calls the next person (the only one waiting), then serves them to the outcome. */
  const serve = async (ticketId: string, outcome: string, start = true) => {
    expect((await deskAction('call-next')).id).toBe(ticketId);
    if (start) await deskAction('start');
    await deskAction('complete', { outcome });
  };
  const summary = async (query: string, client = manager) => {
    const answer = await client.get(`/api/stats/summary?${query}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  describe('a scripted day at the desk', () => {
    const tickets: Record<string, string> = {};

    beforeAll(async () => {
      const now = Date.now();
      // Appointments: three served, one called but absent, one never came, one cancelled, one still to come.
      const a = await Promise.all([0, 0, 0, 0].map(() => insertAppointment(db.sql, office.officeId, office.serviceId, new Date(now), code())));
      await db.sql.query('UPDATE appointment SET service_id = $2 WHERE id = $1', [a[2].id, office.otherServiceId]);
      await insertAppointment(db.sql, office.officeId, office.serviceId, new Date(now - 30 * MINUTE), code());
      const cancelled = await insertAppointment(db.sql, office.officeId, office.serviceId, new Date(now + 30 * MINUTE), code());
      await db.sql.query(`UPDATE appointment SET status = 'CANCELLED', cancel_reason = 'CITIZEN', cancelled_at = now() WHERE id = $1`, [cancelled.id]);
      await insertAppointment(db.sql, office.officeId, office.serviceId, new Date(now + 40 * MINUTE), code());

      tickets['A1'] = (await checkIn(a[0].code)).id;
      await serve(tickets['A1'], 'CIE_REQUEST_TAKEN');
      tickets['A2'] = (await checkIn(a[1].code)).id;
      await serve(tickets['A2'], 'CIE_INCOMPLETE');
      tickets['A3'] = (await checkIn(a[2].code)).id;
      await serve(tickets['A3'], 'SPID_RECOGNISED');
      tickets['A4'] = (await checkIn(a[3].code)).id;
      expect((await deskAction('call-next')).id).toBe(tickets['A4']);
      await deskAction('recall');
      await deskAction('no-show');

      tickets['W1'] = (await walkIn(office.serviceId, 'Giuseppe Verdi')).id;
      await serve(tickets['W1'], 'CIE_REQUEST_TAKEN');
      tickets['W2'] = (await walkIn(residencyId)).id;
      await serve(tickets['W2'], 'RESIDENCY_RECEIVED');
      tickets['W3'] = (await walkIn(office.otherServiceId)).id;
      await serve(tickets['W3'], 'INFO_ONLY', false); // completed straight after the call
      tickets['W4'] = (await walkIn(office.serviceId)).id;
      expect((await deskAction('call-next')).id).toBe(tickets['W4']);
      await deskAction('no-show');
      // Called for CIE, sent to SPID, called again there and served.
      tickets['W6'] = (await walkIn(office.serviceId)).id;
      expect((await deskAction('call-next')).id).toBe(tickets['W6']);
      await deskAction('transfer', { serviceId: office.otherServiceId });
      await serve(tickets['W6'], 'SPID_RECOGNISED');
      // Still waiting at the end.
      tickets['W5'] = (await walkIn(office.serviceId)).id;

      // The api runs on the real clock, so the steps took milliseconds; set each ticket's
      // times to a script of minutes (the wait ends at the first call).
      const first = await db.sql.query(`SELECT id, first_called_at, called_at FROM ticket WHERE id = $1`, [tickets['W6']]);
      expect(first.rows[0].first_called_at.getTime()).toBeLessThan(first.rows[0].called_at.getTime());
      const base = wallTimeToInstant(today(), 9 * 60, ROME);
      const script: Record<string, [wait: number | null, service: number | null]> = {
        A1: [2, 10],
        A2: [4, 20],
        A3: [6, 5],
        A4: [8, null],
        W1: [10, 15],
        W2: [12, 30],
        W3: [14, 0],
        W4: [16, null],
        W6: [30, 12],
        W5: [null, null],
      };
      for (const [name, [wait, service]] of Object.entries(script)) {
        const queued = new Date(base + Object.keys(script).indexOf(name) * MINUTE);
        const called = wait === null ? null : new Date(queued.getTime() + wait * MINUTE);
        const started = called && service !== null ? new Date(called.getTime() + MINUTE) : null;
        const completed = started && service !== null ? new Date(started.getTime() + service * MINUTE) : null;
        await db.sql.query(
          `UPDATE ticket SET queued_at = $2, first_called_at = $3, called_at = $3, started_at = $4, completed_at = coalesce($5, completed_at) WHERE id = $1`,
          [tickets[name], queued, called, started, completed],
        );
      }
    });

    it('yields exactly the expected summary', async () => {
      const s = await summary(dayPeriod());
      expect(s).toMatchObject({
        appointmentsAttended: 3,
        walkIns: 4,
        receptionsTotal: 7,
        noShows: 2,
        cancelled: 1,
        phoneCalls: 0,
        residencyOnline: 0,
        residencyDesk: 1,
        cieIssued: 2,
        spidIssued: 2,
        // Waits 2 4 6 8 10 12 14 16 30: mean 102/9; nearest rank ⌈0.9 × 9⌉ = 9th → 30.
        avgWaitMinutes: 11.3,
        p90WaitMinutes: 30,
        // Service 10 20 5 15 30 0 12: mean 92/7; 7th of 7 → 30.
        avgServiceMinutes: 13.1,
        p90ServiceMinutes: 30,
        appointmentsBooked: 7,
        waitSamples: 9,
        serviceSamples: 7,
        officeIds: [office.officeId],
      });
      expect(s.recorded).toEqual({
        appointmentsAttended: 3,
        walkIns: 4,
        receptionsTotal: 7,
        phoneCalls: 0,
        residencyOnline: 0,
        residencyDesk: 1,
        cieIssued: 2,
        spidIssued: 2,
      });
      // The same numbers with the office named, and nothing of the other office's.
      expect(await summary(`${dayPeriod()}&officeId=${office.officeId}`)).toEqual(s);
      expect(await summary(`${dayPeriod()}&officeId=${other.officeId}`, stranger)).toMatchObject({ receptionsTotal: 0, noShows: 0, avgWaitMinutes: null });
    });

    it('the per-service table, the outcomes, the heat map and the trend agree with it', async () => {
      const services = (await manager.get(`/api/stats/services?${dayPeriod()}`)).body;
      const row = (serviceId: string) => services.rows.find((r: { serviceId: string }) => r.serviceId === serviceId);
      // CIE tickets (by the service they ended with): waits 2 4 8 10 16, service 10 20 15.
      expect(row(office.serviceId)).toMatchObject({
        serviceCode: 'CIE',
        booked: 6,
        attended: 2,
        noShows: 2,
        cancelled: 1,
        walkInsServed: 1,
        receptions: 3,
        avgWaitMinutes: 8,
        p90WaitMinutes: 16,
        avgServiceMinutes: 15,
      });
      expect(row(office.otherServiceId)).toMatchObject({
        booked: 1,
        attended: 1,
        noShows: 0,
        cancelled: 0,
        walkInsServed: 2,
        receptions: 3,
        avgWaitMinutes: 16.7,
        p90WaitMinutes: 30,
        avgServiceMinutes: 5.7,
      });
      expect(row(residencyId)).toMatchObject({ booked: 0, attended: 0, walkInsServed: 1, receptions: 1, avgServiceMinutes: 30 });
      expect(services.rows.reduce((sum: number, r: { receptions: number }) => sum + r.receptions, 0)).toBe(7);

      const outcomes = (await manager.get(`/api/stats/outcomes?${dayPeriod()}`)).body.rows;
      const count = (serviceId: string, outcome: string) =>
        outcomes.find((r: { serviceId: string; outcome: string }) => r.serviceId === serviceId && r.outcome === outcome)?.count;
      expect(count(office.serviceId, 'CIE_REQUEST_TAKEN')).toBe(2);
      expect(count(office.serviceId, 'CIE_INCOMPLETE')).toBe(1);
      expect(count(office.serviceId, 'INFO_ONLY')).toBe(0);
      expect(count(office.otherServiceId, 'SPID_RECOGNISED')).toBe(2);
      expect(count(office.otherServiceId, 'INFO_ONLY')).toBe(1);
      expect(count(residencyId, 'RESIDENCY_RECEIVED')).toBe(1);

      const heat = (await manager.get(`/api/stats/heatmap?${dayPeriod()}`)).body;
      const weekday = new Date(`${today()}T12:00:00Z`).getUTCDay() || 7;
      expect(heat.total).toBe(10);
      expect(heat.cells[weekday - 1][9]).toBe(10);
      expect(heat.max).toBe(10);

      const trend = (await manager.get(`/api/stats/trend?${dayPeriod()}`)).body;
      const thisMonth = trend.months.find((m: { month: string }) => m.month === monthOf(today()));
      expect(trend.months.reduce((sum: number, m: { receptionsTotal: number }) => sum + m.receptionsTotal, 0)).toBe(7);
      expect(thisMonth.appointmentsAttended + thisMonth.walkIns).toBeGreaterThan(0);
    });

    it('every table downloads as CSV: RFC 4180 with stable column names in English (lang=en)', async () => {
      const get = (path: string) => rawRequest(manager, 'GET', `/api/stats/${path}?${dayPeriod()}&format=csv&lang=en`, { language: 'it' });
      const services = await get('services');
      expect(services.status).toBe(200);
      expect(services.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(services.headers.get('content-disposition')).toMatch(/^attachment; filename="sportello-servizi-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(
        services.text.startsWith(
          '\uFEFFoffice,service_code,service,booked,attended,no_shows,cancelled,walk_ins_served,receptions,avg_wait_minutes,p90_wait_minutes,avg_service_minutes\r\n',
        ),
      ).toBe(true);
      expect(csvRows(services.text).find((r) => r[1] === 'CIE')).toEqual(['Ufficio di prova', 'CIE', 'Identity card', ...CIE_FIGURES]);
      const summaryCsv = await get('summary');
      expect(summaryCsv.text).toContain('\r\nreceptionsTotal,Receptions in total,7,7,0,');
      expect(summaryCsv.text).toContain('\r\np90WaitMinutes,"Wait, 90th percentile (minutes)",30,,,');
      const heat = csvRows((await get('heatmap')).text);
      expect(heat[0].slice(0, 4)).toEqual(['weekday', 'label', 'h00', 'h01']);
      expect(heat.slice(1).reduce((sum, r) => sum + Number(r[26]), 0)).toBe(10);
      expect(csvRows((await get('outcomes')).text)[0]).toEqual(['office', 'service', 'outcome', 'label', 'count']);
      expect(csvRows((await get('trend')).text)[0]).toEqual(['month', 'appointments_attended', 'walk_ins', 'receptions_total', 'includes_monthly_figures']);
      expect((await manager.get(`/api/stats/trend?${dayPeriod()}&format=xml`)).body.errors).toEqual([{ field: 'format', message: expect.any(String) }]);
      expect((await manager.get(`/api/stats/trend?${dayPeriod()}&format=csv&lang=de`)).body.errors).toEqual([{ field: 'lang', message: expect.any(String) }]);
    });

    it('in Italian (lang=it, or Accept-Language): for Excel — semicolons, decimal comma, Italian headings, the BOM', async () => {
      const get = (path: string, query = '&lang=it') => rawRequest(manager, 'GET', `/api/stats/${path}?${dayPeriod()}&format=csv${query}`, { language: 'en' });
      const services = await get('services');
      expect(services.text.startsWith('\uFEFFUfficio;Codice servizio;Servizio;Prenotati;Ricevuti con appuntamento;Assenti;Annullati;')).toBe(true);
      expect(csvRows(services.text, ';').find((r) => r[1] === 'CIE')).toEqual(['Ufficio di prova', 'CIE', "Carta d'identità", ...CIE_FIGURES]);
      const summary = await get('summary');
      expect(summary.text).toContain('\r\nreceptionsTotal;Ricevimenti totali;7;7;0;');
      expect(summary.text).toContain('\r\navgWaitMinutes;Attesa media (minuti);11,3;');
      expect(csvRows(summary.text, ';')[0]).toEqual(['Indicatore', 'Descrizione', 'Valore', 'Registrato da Sportello', 'Dati mensili', 'Dal', 'Al']);
      expect(csvRows((await get('trend')).text, ';')[0]).toEqual([
        'Mese',
        'Con appuntamento',
        'Senza appuntamento',
        'Ricevimenti totali',
        'Comprende dati mensili',
      ]);
      expect(csvRows((await get('outcomes')).text, ';')[0]).toEqual(['Ufficio', 'Servizio', 'Codice esito', 'Esito', 'Numero']);
      // Without `lang`, the caller's language decides.
      const byHeader = await rawRequest(manager, 'GET', `/api/stats/heatmap?${dayPeriod()}&format=csv`, { language: 'it' });
      expect(csvRows(byHeader.text, ';')[1].slice(0, 2)).toEqual(['1', 'lunedì']);
      // The stored monthly figures keep the import format in every language.
      const history = await rawRequest(manager, 'GET', `/api/stats/history?officeId=${office.officeId}&format=csv&lang=it`, { language: 'it' });
      expect(history.text.startsWith('\uFEFFmonth,metric,value\r\n')).toBe(true);
    });

    it('refuses to import a month and metric Sportello already recorded (it would count twice)', async () => {
      const month = monthOf(today());
      const before = await summary(`from=${monthRange(month).from}&to=${monthRange(month).to}`);
      const answer = await importCsv(manager, office.officeId, `month,metric,value\n${month},walk_ins,50\n${month},phone_calls,900\n`, 'en');
      expect(answer.status).toBe(400);
      expect(answer.body.lines).toEqual([
        { line: 2, field: 'month', message: 'Sportello already recorded 4 for this month and metric: importing it would count them twice.' },
      ]);
      expect((await db.sql.query('SELECT count(*)::int AS n FROM stats_monthly WHERE office_id = $1', [office.officeId])).rows[0].n).toBe(0);
      // Phone calls are never recorded: they import fine, and count in the whole month.
      expect((await importCsv(manager, office.officeId, `month,metric,value\n${month},phone_calls,900\n`)).status).toBe(200);
      const after = await summary(`from=${monthRange(month).from}&to=${monthRange(month).to}`);
      expect(after).toMatchObject({ ...before, phoneCalls: 900, monthly: { ...before.monthly, phoneCalls: 900 } });
      // … but not in a period that covers the month only in part.
      expect(await summary(dayPeriod())).toMatchObject({ phoneCalls: 0, partialMonths: [month] });
      await db.sql.query('DELETE FROM stats_monthly');
    });
  });

  describe('monthly history: import, export, replace', () => {
    const file = [
      'month,metric,value',
      '2023-01,appointments_attended,210',
      '2023-01,walk_ins,25',
      '2023-01,phone_calls,640',
      '2023-02,appointments_attended,190',
      '2023-02,walk_ins,20',
      '2023-02,cie_issued,120',
      '2023-02,spid_issued,33',
      '2023-03,appointments_attended,230',
      '2023-03,walk_ins,31',
      '2023-03,residency_online,18',
      '2023-03,residency_desk,9',
    ];
    const quarter = 'from=2023-01-01&to=2023-03-31';

    afterAll(() => db.sql.query('DELETE FROM stats_monthly'));

    it('round trip: import, summary and trend add it up, the export is the same file, re-importing it replaces (no double counting)', async () => {
      const first = await importCsv(manager, office.officeId, file.join('\r\n') + '\r\n');
      expect(first).toEqual({ status: 200, body: { officeId: office.officeId, imported: 11, replaced: 0, months: { from: '2023-01', to: '2023-03' } } });
      const s = await summary(`${quarter}&officeId=${office.officeId}`);
      expect(s).toMatchObject({
        appointmentsAttended: 630,
        walkIns: 76,
        receptionsTotal: 706,
        phoneCalls: 640,
        residencyOnline: 18,
        residencyDesk: 9,
        cieIssued: 120,
        spidIssued: 33,
        avgWaitMinutes: null,
        partialMonths: [],
      });
      expect(s.recorded.receptionsTotal).toBe(0);
      const trend = (await manager.get(`/api/stats/trend?${quarter}`)).body;
      expect(trend.months).toEqual([
        { month: '2023-01', appointmentsAttended: 210, walkIns: 25, receptionsTotal: 235, includesMonthlyFigures: true },
        { month: '2023-02', appointmentsAttended: 190, walkIns: 20, receptionsTotal: 210, includesMonthlyFigures: true },
        { month: '2023-03', appointmentsAttended: 230, walkIns: 31, receptionsTotal: 261, includesMonthlyFigures: true },
      ]);
      const monthlyRow = (await manager.get(`/api/stats/services?${quarter}`)).body.rows.find((r: { serviceId: string | null }) => r.serviceId === null);
      expect(monthlyRow).toMatchObject({ attended: 630, walkInsServed: 76, receptions: 706, booked: null });
      const outcomes = (await manager.get(`/api/stats/outcomes?${quarter}`)).body.rows.filter((r: { serviceId: string | null }) => r.serviceId === null);
      expect(outcomes.map((r: { outcome: string; count: number }) => [r.outcome, r.count])).toEqual([
        ['cie_issued', 120],
        ['spid_issued', 33],
        ['residency_desk', 9],
      ]);

      const exported = await rawRequest(manager, 'GET', `/api/stats/history?officeId=${office.officeId}&format=csv`);
      expect(exported.headers.get('content-disposition')).toBe('attachment; filename="sportello-dati-mensili.csv"');
      const sorted = (lines: string[]) => [lines[0], ...lines.slice(1).sort()];
      expect(
        sorted(
          exported.text
            .replace(/^\uFEFF/, '')
            .trim()
            .split('\r\n'),
        ),
      ).toEqual(sorted(file));

      const again = await importCsv(manager, office.officeId, exported.text);
      expect(again.body).toMatchObject({ imported: 11, replaced: 11 });
      expect(await summary(`${quarter}&officeId=${office.officeId}`)).toEqual(s);
      // A correction replaces the one figure.
      expect((await importCsv(manager, office.officeId, 'month;metric;value\n2023-02;walk_ins;22\n')).body).toMatchObject({ imported: 1, replaced: 1 });
      expect(await summary(`${quarter}&officeId=${office.officeId}`)).toMatchObject({ walkIns: 78, receptionsTotal: 708 });
      // A period covering February only in part leaves February's figures out, and says so.
      expect(await summary('from=2023-01-01&to=2023-02-27')).toMatchObject({ appointmentsAttended: 210, walkIns: 25, partialMonths: ['2023-02'] });
      const json = (await manager.get(`/api/stats/history?officeId=${office.officeId}&from=2023-02&to=2023-02`)).body;
      expect(json.figures).toHaveLength(4);
      expect(json.figures[0]).toMatchObject({ month: '2023-02', source: 'import', updatedAt: expect.any(String) });
    });

    it('a file with any bad line is refused with every line reported, and nothing is imported', async () => {
      const before = (await db.sql.query('SELECT office_id, month, metric, value, source FROM stats_monthly ORDER BY 1, 2, 3')).rows;
      const bad = [
        'month,metric,value',
        '2022-11,walk_ins,12',
        '2022-13,walk_ins,1',
        '2022-12,telefonate,5',
        '2022-12,walk_ins,1.200',
        '2022-12,walk_ins',
        '2022-11,walk_ins,14',
        `2999-01,phone_calls,1`,
      ].join('\n');
      const answer = await importCsv(manager, office.officeId, bad);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
      expect(answer.body.message).toBe('Il file non è stato importato: correggere le righe indicate. Nessun dato è stato salvato.');
      expect(answer.body.lines.map((l: { line: number; field: string }) => [l.line, l.field])).toEqual([
        [3, 'month'],
        [4, 'metric'],
        [5, 'value'],
        [6, 'line'],
        [7, 'line'],
        [8, 'month'],
      ]);
      expect(answer.body.lines[4].message).toBe('Stesso mese e stessa metrica della riga 2.');
      expect(answer.body.errors[0]).toEqual({ field: 'line 3, month', message: expect.stringContaining('AAAA-MM') });
      expect((await db.sql.query('SELECT office_id, month, metric, value, source FROM stats_monthly ORDER BY 1, 2, 3')).rows).toEqual(before);

      expect((await importCsv(manager, office.officeId, 'mese,metrica,valore\n2022-11,walk_ins,1')).body.lines).toEqual([
        { line: 1, field: 'line', message: expect.stringContaining('month,metric,value') },
      ]);
      expect((await importCsv(manager, office.officeId, '')).status).toBe(400);
      const json = await manager.send('POST', `/api/stats/history?officeId=${office.officeId}`, { month: '2022-11' });
      expect(json.status).toBe(415);
      expect(json.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect((await importCsv(manager, office.officeId.slice(0, 8), 'month,metric,value\n2022-11,walk_ins,1')).status).toBe(400);
      expect((await db.sql.query('SELECT count(*)::int AS n FROM stats_monthly')).rows[0].n).toBe(before.length);
    });
  });

  describe('counters kept outside the queue', () => {
    afterAll(() => db.sql.query('DELETE FROM stats_monthly'));

    it('managers enter phone calls and online residency applications per month; null clears; bad values 400', async () => {
      const put = (month: string, body: unknown) => manager.send('PUT', `/api/stats/counters/${office.officeId}/${month}`, body);
      expect((await put('2024-02', { phoneCalls: 712, residencyOnline: 31 })).body).toEqual({
        month: '2024-02',
        phoneCalls: 712,
        residencyOnline: 31,
        phoneCallsSource: 'manual',
        residencyOnlineSource: 'manual',
      });
      expect((await put('2024-02', { phoneCalls: 720 })).body).toMatchObject({ phoneCalls: 720, residencyOnline: 31 });
      expect((await put('2024-03', { phoneCalls: 650, residencyOnline: null })).body).toMatchObject({
        phoneCalls: 650,
        residencyOnline: null,
        residencyOnlineSource: null,
      });
      const year = (await manager.get(`/api/stats/counters/${office.officeId}?year=2024`)).body;
      expect(year.months).toHaveLength(12);
      expect(year.months.slice(0, 4).map((m: { phoneCalls: number | null }) => m.phoneCalls)).toEqual([null, 720, 650, null]);
      expect(await summary('from=2024-01-01&to=2024-12-31')).toMatchObject({ phoneCalls: 1370, residencyOnline: 31 });
      expect((await put('2024-03', { phoneCalls: null })).body.phoneCalls).toBeNull();
      expect(await summary('from=2024-01-01&to=2024-12-31')).toMatchObject({ phoneCalls: 720 });

      const bad = await put('2024-13', { phoneCalls: -1, residencyOnline: 2.5 });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['month', 'phoneCalls', 'residencyOnline']);
      expect((await put('2024-04', {})).body.errors[0].field).toBe('phoneCalls');
      expect((await put('2999-01', { phoneCalls: 1 })).body.errors[0].field).toBe('month');
      expect((await put('2024-04', { phoneCalls: '12' })).status).toBe(400);
      expect((await manager.get(`/api/stats/counters/${office.officeId}?year=24`)).status).toBe(400);
    });

    it('the counters form saves several months at once, all or nothing', async () => {
      const url = `/api/stats/counters/${office.officeId}`;
      const saved = await manager.send('PUT', url, {
        months: [
          { month: '2023-05', phoneCalls: 500, residencyOnline: 20 },
          { month: '2023-06', phoneCalls: 480 },
        ],
      });
      expect(saved.status).toBe(200);
      expect(saved.body.months.map((m: { month: string; phoneCalls: number }) => [m.month, m.phoneCalls])).toEqual([
        ['2023-05', 500],
        ['2023-06', 480],
      ]);
      // One bad line (and a future month): 400 naming each, nothing written.
      const bad = await manager.send('PUT', url, {
        months: [{ month: '2023-05', phoneCalls: 1 }, { month: '2023-07', phoneCalls: -3 }, { month: '2023-07', residencyOnline: 1 }, { month: 'maggio' }],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'months[1].phoneCalls',
        'months[2].month',
        'months[3].month',
        'months[3].phoneCalls',
      ]);
      const future = await manager.send('PUT', url, {
        months: [
          { month: '2023-05', phoneCalls: 1 },
          { month: '2999-01', phoneCalls: 1 },
        ],
      });
      expect(future.body.errors).toEqual([{ field: 'months[1].month', message: expect.any(String) }]);
      const year = (await manager.get(`${url}?year=2023`)).body;
      expect(year.months.slice(4, 7).map((m: { phoneCalls: number | null }) => m.phoneCalls)).toEqual([500, 480, null]);
      expect((await manager.send('PUT', url, { months: [] })).status).toBe(400);
      expect((await operator.send('PUT', url, { months: [{ month: '2023-05', phoneCalls: 1 }] })).status).toBe(403);
    });
  });

  describe('access', () => {
    const period = 'from=2024-01-01&to=2024-01-31';
    const endpoints = (officeId: string): Array<[method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown]> => [
      ['GET', `/api/stats/options`],
      ['GET', `/api/stats/summary?${period}&officeId=${officeId}`],
      ['GET', `/api/stats/services?${period}&officeId=${officeId}`],
      ['GET', `/api/stats/outcomes?${period}&officeId=${officeId}`],
      ['GET', `/api/stats/heatmap?${period}&officeId=${officeId}`],
      ['GET', `/api/stats/trend?${period}&officeId=${officeId}&format=csv`],
      ['GET', `/api/stats/history?officeId=${officeId}`],
      ['POST', `/api/stats/history?officeId=${officeId}`, 'month,metric,value\n2020-01,walk_ins,1\n'],
      ['GET', `/api/stats/counters/${officeId}?year=2024`],
      ['PUT', `/api/stats/counters/${officeId}/2024-01`, { phoneCalls: 1 }],
    ];
    const call = (client: StaffClient, [method, path, body]: ReturnType<typeof endpoints>[number]) =>
      typeof body === 'string'
        ? rawRequest(client, method, path, { body, contentType: 'text/csv' }).then((r) => ({ status: r.status, body: JSON.parse(r.text) }))
        : method === 'GET'
          ? client.get(path)
          : client.send(method, path, body);

    it('operators and kiosks get 403 FORBIDDEN on every endpoint; nobody logged in 401', async () => {
      for (const endpoint of endpoints(office.officeId)) {
        for (const client of [operator, kiosk]) {
          const answer = await call(client, endpoint);
          expect([endpoint[1], answer.status, answer.body.code]).toEqual([endpoint[1], 403, 'FORBIDDEN']);
        }
        expect((await call(new StaffClient(api.baseUrl), endpoint)).status).toBe(401);
      }
    });

    it('a manager of another office gets 403 FORBIDDEN_OFFICE for this office, and sees only their own offices', async () => {
      for (const endpoint of endpoints(office.officeId).slice(1)) {
        const answer = await call(stranger, endpoint);
        expect([endpoint[1], answer.status, answer.body.code]).toEqual([endpoint[1], 403, 'FORBIDDEN_OFFICE']);
      }
      expect((await stranger.get('/api/stats/options')).body.offices.map((o: { id: string }) => o.id)).toEqual([other.officeId]);
      expect((await summary(dayPeriod(), stranger)).officeIds).toEqual([other.officeId]);
      expect((await db.sql.query('SELECT count(*)::int AS n FROM stats_monthly')).rows[0].n).toBe(0);
    });

    it('an admin sees every office; unknown offices are 404; bad periods 400 with every field', async () => {
      expect((await summary(dayPeriod(), admin)).officeIds.sort()).toEqual([office.officeId, other.officeId].sort());
      expect((await admin.get(`/api/stats/summary?${period}&officeId=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
      const bad = await manager.get('/api/stats/summary?from=2024-02-30&officeId=nope');
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['from', 'officeId', 'to']);
      expect((await manager.get('/api/stats/summary?from=2024-02-01&to=2024-01-01')).body.errors).toEqual([{ field: 'to', message: expect.any(String) }]);
      expect((await manager.get('/api/stats/summary?from=2000-01-01&to=2024-01-01')).body.errors[0].message).toContain('4000');
    });

    it('options give each office its mandate and the dates of the presets', async () => {
      await db.sql.query(`UPDATE office_settings SET mandate_start = '2019-06-01', mandate_end = '2024-05-31' WHERE office_id = $1`, [office.officeId]);
      const [own] = (await manager.get('/api/stats/options')).body.offices;
      expect(own).toMatchObject({ id: office.officeId, timeZone: ROME, mandate: { from: '2019-06-01', to: '2024-05-31' } });
      expect(own.presets).toEqual({
        today: { from: today(), to: today() },
        month: monthRange(monthOf(today())),
        year: { from: `${today().slice(0, 4)}-01-01`, to: `${today().slice(0, 4)}-12-31` },
        mandate: { from: '2019-06-01', to: '2024-05-31' },
      });
      const [theirs] = (await stranger.get('/api/stats/options')).body.offices;
      expect(theirs.presets.mandate).toBeNull();
    });
  });

  describe('GDPR retention', () => {
    it('anonymises the personal data and leaves the summary exactly as it was', async () => {
      // A day 40 days ago, written as the desk would have left it.
      const day = addDays(today(), -40);
      const at = (minutes: number) => new Date(wallTimeToInstant(day, 9 * 60 + minutes, ROME));
      const booked = await insertAppointment(db.sql, office.officeId, office.serviceId, at(0), code(), { firstName: 'Anna', lastName: 'Bianchi' });
      await insertAppointment(db.sql, office.officeId, office.serviceId, at(30), code(), { firstName: 'Carlo', lastName: 'Neri' });
      const insertTicket = (kind: string, number: number, appointmentId: string | null, holder: string | null, status: string, outcome: string | null) =>
        db.sql.query(
          `INSERT INTO ticket (office_id, service_id, day, prefix, number, display_number, kind, appointment_id, holder_name, status, queued_at, first_called_at, called_at, started_at, completed_at, outcome)
           VALUES ($1, $2, $3, 'C', $4, $14, $5, $6, $7, $8, $9, $10, $10, $11, $12, $13)`,
          [
            office.officeId,
            office.serviceId,
            day,
            number,
            kind,
            appointmentId,
            holder,
            status,
            at(number),
            at(number + 5),
            status === 'DONE' ? at(number + 6) : null,
            status === 'DONE' ? at(number + 20) : null,
            outcome,
            `C${String(number).padStart(3, '0')}`,
          ],
        );
      await insertTicket('APPOINTMENT', 1, booked.id, null, 'DONE', 'CIE_REQUEST_TAKEN');
      await insertTicket('WALK_IN', 2, null, 'Mario Rossi', 'DONE', 'CIE_REQUEST_TAKEN');
      await insertTicket('WALK_IN', 3, null, 'Luisa Gialli', 'NO_SHOW', null);
      const period = `from=${day}&to=${day}&officeId=${office.officeId}`;
      const before = await summary(period);
      expect(before).toMatchObject({ appointmentsAttended: 1, walkIns: 1, noShows: 1, cieIssued: 2, avgWaitMinutes: 5 });
      const services = (await manager.get(`/api/stats/services?${period}`)).body;

      const retention = await startApi(db.url, { RETENTION_DAYS: '30' });
      await retention.stop();

      const people = await db.sql.query(
        `SELECT first_name, last_name, fiscal_code, email, phone, anonymised_at IS NOT NULL AS anonymised FROM appointment WHERE start_at < now() - interval '30 days'`,
      );
      expect(people.rows).toHaveLength(2);
      for (const row of people.rows) expect(row).toEqual({ first_name: '-', last_name: '-', fiscal_code: '-', email: '-', phone: null, anonymised: true });
      expect((await db.sql.query(`SELECT count(*)::int AS n FROM ticket WHERE day = $1 AND holder_name IS NOT NULL`, [day])).rows[0].n).toBe(0);
      // Today's walk-in still has the name it gave (kept RETENTION_DAYS).
      expect((await db.sql.query(`SELECT count(*)::int AS n FROM ticket WHERE holder_name = 'Giuseppe Verdi'`)).rows[0].n).toBe(1);
      expect(await summary(period)).toEqual(before);
      expect((await manager.get(`/api/stats/services?${period}`)).body).toEqual(services);
      const text = JSON.stringify([before, services]);
      for (const name of ['Anna', 'Bianchi', 'Mario', 'Rossi', booked.fiscalCode]) expect(text).not.toContain(name);
    });
  });
});
