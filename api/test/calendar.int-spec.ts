import { DateTime } from 'luxon';
import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { at, nextWeekday, ZONE } from './support/booking';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { getJson } from './support/http';

function localEnd(date: DateTime, time: string, minutes: number): string {
  const [hour, minute] = time.split(':').map(Number);
  return date.set({ hour, minute }).plus({ minutes }).toISO({ suppressMilliseconds: true }) as string;
}

describe('calendar api (real HTTP, real PostgreSQL)', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let office: OfficeFixture;

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    api = await startApi(db.url);
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const availability = (params: Record<string, string>, headers: Record<string, string> = {}) =>
    getJson(`${api.baseUrl}/api/availability?${new URLSearchParams(params)}`, headers);

  it('lists offices with their opening hours', async () => {
    const { status, body } = await getJson(`${api.baseUrl}/api/offices`);
    expect(status).toBe(200);
    expect(body).toEqual([
      expect.objectContaining({
        id: office.officeId,
        name: 'Ufficio di prova',
        address: 'Via Roma 1',
        timeZone: ZONE,
        openingHours: [
          { weekday: 1, start: '08:30', end: '12:30' },
          { weekday: 1, start: '14:30', end: '16:00' },
          { weekday: 3, start: '09:00', end: '11:00' },
        ],
      }),
    ]);
  });

  it('lists the services of an office in the language asked for', async () => {
    const italian = await getJson(`${api.baseUrl}/api/services?officeId=${office.officeId}`);
    expect(italian.status).toBe(200);
    expect(italian.body.map((s: { code: string; name: string }) => [s.code, s.name])).toEqual([
      ['CIE', "Carta d'identità"],
      ['SPID', 'Riconoscimento SPID'],
    ]);
    expect(italian.body[0]).toMatchObject({ durationMinutes: 30, capacity: 2, documents: ['Foto'], feeCents: null, onlineAlternative: null });

    const english = await getJson(`${api.baseUrl}/api/services?officeId=${office.officeId}`, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(english.body[0]).toMatchObject({ name: 'Identity card', documents: ['Photo'] });
  });

  it('computes free slots from weekly hours with several intervals a day', async () => {
    const monday = nextWeekday(1);
    const wednesday = monday.plus({ days: 2 });
    const { status, body } = await availability({
      officeId: office.officeId,
      serviceId: office.serviceId,
      from: monday.toISODate() as string,
      to: monday.plus({ days: 6 }).toISODate() as string,
    });
    expect(status).toBe(200);
    expect(body.timeZone).toBe(ZONE);
    expect(body.days.map((d: { date: string }) => d.date)).toEqual([monday.toISODate(), wednesday.toISODate()]);
    const mondayStarts = ['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '14:30', '15:00', '15:30'];
    expect(body.days[0].slots).toEqual(mondayStarts.map((t) => ({ start: at(monday, t), end: localEnd(monday, t, 30), remaining: 2 })));
    expect(body.days[0].slots[0]).toEqual({ start: at(monday, '08:30'), end: at(monday, '09:00'), remaining: 2 });
    expect(body.days[1].slots.map((s: { start: string }) => s.start)).toEqual(['09:00', '09:30', '10:00', '10:30'].map((t) => at(wednesday, t)));
  });

  it('leaves out closed days and closed time ranges, and the patron saint day', async () => {
    const monday = nextWeekday(1);
    const wednesday = monday.plus({ days: 2 });
    const closures = await db.sql.query<{ id: string }>(
      `INSERT INTO closure (office_id, starts_at, ends_at, reason) VALUES
         ($1, $2, $3, 'formazione'), ($1, $4, $5, 'assemblea') RETURNING id`,
      [office.officeId, wednesday.toJSDate(), wednesday.plus({ days: 1 }).toJSDate(), monday.set({ hour: 10 }).toJSDate(), monday.set({ hour: 11 }).toJSDate()],
    );
    try {
      const week = { officeId: office.officeId, serviceId: office.serviceId, from: monday.toISODate() as string, to: wednesday.toISODate() as string };
      const { body } = await availability(week);
      expect(body.days.map((d: { date: string }) => d.date)).toEqual([monday.toISODate()]);
      expect(body.days[0].slots.map((s: { start: string }) => s.start.slice(11, 16))).toEqual([
        '08:30',
        '09:00',
        '09:30',
        '11:00',
        '11:30',
        '12:00',
        '14:30',
        '15:00',
        '15:30',
      ]);

      await db.sql.query('UPDATE office SET patron_saint_month = $2, patron_saint_day = $3 WHERE id = $1', [office.officeId, monday.month, monday.day]);
      const withPatron = await availability(week);
      expect(withPatron.body.days).toEqual([]);
    } finally {
      await db.sql.query('DELETE FROM closure WHERE id = ANY($1)', [closures.rows.map((r) => r.id)]);
      await db.sql.query('UPDATE office SET patron_saint_month = NULL, patron_saint_day = NULL WHERE id = $1', [office.officeId]);
    }
  });

  it('uses a service’s own opening hours when it has them', async () => {
    const monday = nextWeekday(1);
    await db.sql.query(`INSERT INTO opening_hours (office_id, service_id, weekday, start_time, end_time) VALUES ($1, $2, 1, '09:00', '10:00')`, [
      office.officeId,
      office.otherServiceId,
    ]);
    const { body } = await availability({
      officeId: office.officeId,
      serviceId: office.otherServiceId,
      from: monday.toISODate() as string,
      to: monday.plus({ days: 6 }).toISODate() as string,
    });
    expect(body.days).toEqual([
      {
        date: monday.toISODate(),
        slots: ['09:00', '09:20', '09:40'].map((t, i, all) => ({ start: at(monday, t), end: at(monday, all[i + 1] ?? '10:00'), remaining: 1 })),
      },
    ]);
  });

  it('stops at the booking horizon', async () => {
    const today = DateTime.now().setZone(ZONE).startOf('day');
    const { status, body } = await availability({
      officeId: office.officeId,
      serviceId: office.serviceId,
      from: today.plus({ days: 50 }).toISODate() as string,
      to: today.plus({ days: 80 }).toISODate() as string,
    });
    expect(status).toBe(200);
    const last = today.plus({ days: 60 }).toISODate() as string;
    expect(body.days.length).toBeGreaterThan(0);
    expect(body.days.every((d: { date: string }) => d.date <= last)).toBe(true);
  });

  describe('bad input answers 4xx with field-level messages', () => {
    const valid = () => ({ officeId: office.officeId, serviceId: office.serviceId, from: '2030-01-07', to: '2030-01-13' });

    it.each([
      ['missing parameters', {}, ['officeId', 'serviceId', 'from', 'to']],
      ['a malformed office id', { officeId: 'abc' }, ['officeId']],
      ['a malformed date', { from: '07/01/2030' }, ['from']],
      ['a date that does not exist', { to: '2030-02-30' }, ['to']],
      ['a reversed range', { from: '2030-01-13', to: '2030-01-07' }, ['to']],
      ['a range over 93 days', { from: '2030-01-01', to: '2030-04-04' }, ['to']],
    ])('%s → 400', async (_, override, fields) => {
      const params = Object.keys(override).length === 0 ? {} : { ...valid(), ...override };
      const { status, body } = await availability(params);
      expect(status).toBe(400);
      expect(body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'Alcuni dati non sono validi.' });
      expect(body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
      expect(body.errors.every((e: { message: string }) => e.message.length > 0)).toBe(true);
    });

    it('accepts exactly 93 days', async () => {
      const { status } = await availability({ ...valid(), from: '2030-01-01', to: '2030-04-03' });
      expect(status).toBe(200);
    });

    it('answers in English when asked', async () => {
      const { body } = await availability({ ...valid(), to: '2030-13-01' }, { 'accept-language': 'en' });
      expect(body).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'Some of the data is not valid.',
        errors: [{ field: 'to', message: 'Not a valid date: use the format YYYY-MM-DD.' }],
      });
    });

    it('unknown office → 404', async () => {
      const { status, body } = await availability({ ...valid(), officeId: '00000000-0000-4000-8000-000000000000' });
      expect(status).toBe(404);
      expect(body).toEqual({
        statusCode: 404,
        code: 'NOT_FOUND',
        message: 'Ufficio non trovato.',
        errors: [{ field: 'officeId', message: 'Ufficio non trovato.' }],
      });
    });

    it('a service of another office → 404', async () => {
      const other = await insertOffice(db.sql, 'OTHER');
      const { status, body } = await availability({ ...valid(), serviceId: other.serviceId });
      expect(status).toBe(404);
      expect(body.code).toBe('NOT_FOUND');
    });

    it('services without officeId → 400, unknown office → 404', async () => {
      expect((await getJson(`${api.baseUrl}/api/services`)).status).toBe(400);
      expect((await getJson(`${api.baseUrl}/api/services?officeId=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    });

    it('an unknown api route → JSON 404', async () => {
      const { status, body } = await getJson(`${api.baseUrl}/api/nothing-here`);
      expect(status).toBe(404);
      expect(body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    });
  });

  it('reports health', async () => {
    expect(await getJson(`${api.baseUrl}/api/health/live`)).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await getJson(`${api.baseUrl}/api/health/ready`)).toMatchObject({ status: 200, body: { status: 'ok', checks: { database: 'ok' } } });
  });

  it('describes itself with OpenAPI', async () => {
    const { status, body } = await getJson(`${api.baseUrl}/api/docs-json`);
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/offices', '/api/services', '/api/availability', '/api/health/ready']));
    const ui = await fetch(`${api.baseUrl}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });
});
