import { DateTime } from 'luxon';
import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { ZONE } from './support/booking';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { getJson } from './support/http';
import { insertStaff, Reply, StaffClient } from './support/staff';

const fields = (reply: Reply) => (reply.body.errors ?? []).map((e: { field: string }) => e.field).sort();

// What a citizen reads besides the calendar: the office's contacts and map link, the cutoff
// for changes, suspended services, the privacy notice and the accessibility page — all
// from what the office's managers edit.
describe('citizen information: contacts, suspension, privacy notice, accessibility (real HTTP, real PostgreSQL)', () => {
  let db: TestDatabase;
  let api: RunningApi;
  let office: OfficeFixture;
  let manager: StaffClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    await insertStaff(db.sql, 'responsabile', 'manager', [office.officeId]);
    api = await startApi(db.url, { THROTTLE_LIMIT: '100000', LOGIN_THROTTLE_LIMIT: '1000', CANCEL_CUTOFF_HOURS: '36' });
    manager = await StaffClient.login(api.baseUrl, 'responsabile');
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const publicOffice = async () => (await getJson(`${api.baseUrl}/api/offices`)).body.find((o: { id: string }) => o.id === office.officeId);
  const officeBody = {
    code: 'TEST',
    name: 'Ufficio di prova',
    address: 'Via Roma 1',
    city: '40012 Calderara di Reno (BO)',
    phone: '051 000 0000',
    email: 'urp@prova.example',
  };

  it('the office answer carries its contacts, an OpenStreetMap link (a pin once located) and the cutoff for changes', async () => {
    const bad = await manager.send('PUT', `/api/admin/offices/${office.officeId}`, { ...officeBody, latitude: 44.56, longitude: 'est' });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['longitude']);
    const half = await manager.send('PUT', `/api/admin/offices/${office.officeId}`, { ...officeBody, latitude: 44.56 });
    expect(fields(half)).toEqual(['longitude']);
    expect(half.body.errors[0].message).toContain('latitudine');

    expect((await manager.send('PUT', `/api/admin/offices/${office.officeId}`, officeBody)).status).toBe(200);
    expect(await publicOffice()).toMatchObject({
      phone: '051 000 0000',
      email: 'urp@prova.example',
      location: null,
      mapUrl: 'https://www.openstreetmap.org/search?query=Via%20Roma%201%2C%2040012%20Calderara%20di%20Reno',
      cancelCutoffHours: 36,
    });

    const located = await manager.send('PUT', `/api/admin/offices/${office.officeId}`, { ...officeBody, latitude: 44.5641, longitude: 11.2729 });
    expect(located.body).toMatchObject({ latitude: 44.5641, longitude: 11.2729 });
    expect(await publicOffice()).toMatchObject({
      location: { latitude: 44.5641, longitude: 11.2729 },
      mapUrl: 'https://www.openstreetmap.org/?mlat=44.564100&mlon=11.272900#map=18/44.564100/11.272900',
    });
  });

  it('a service whose whole horizon is closed says so, with the reason and the last closed day; the others do not', async () => {
    const today = DateTime.now().setZone(ZONE).startOf('day');
    // The fixture's horizon is 60 days; the closure runs to 70 days ahead, for CIE only.
    const end = today.plus({ days: 71 });
    const closure = await db.sql.query<{ id: string }>(
      `INSERT INTO closure (office_id, service_id, starts_at, ends_at, reason) VALUES ($1, $2, $3, $4, 'Lavori allo sportello') RETURNING id`,
      [office.officeId, office.serviceId, today.minus({ days: 1 }).toJSDate(), end.toJSDate()],
    );
    try {
      const { body } = await getJson(`${api.baseUrl}/api/services?officeId=${office.officeId}`);
      const byCode = Object.fromEntries(body.map((s: { code: string; suspension: unknown }) => [s.code, s.suspension]));
      expect(byCode['CIE']).toEqual({
        reason: 'Lavori allo sportello',
        until: end.toISO({ suppressMilliseconds: true }),
        lastClosedDate: end.minus({ days: 1 }).toISODate(),
      });
      expect(byCode['SPID']).toBeNull();
    } finally {
      await db.sql.query('DELETE FROM closure WHERE id = $1', [closure.rows[0].id]);
    }
    // Closures that leave one time are no suspension.
    const partial = await db.sql.query<{ id: string }>(
      `INSERT INTO closure (office_id, service_id, starts_at, ends_at, reason) VALUES ($1, $2, $3, $4, 'Parziale') RETURNING id`,
      [office.officeId, office.serviceId, today.minus({ days: 1 }).toJSDate(), today.plus({ days: 40 }).toJSDate()],
    );
    try {
      const { body } = await getJson(`${api.baseUrl}/api/services?officeId=${office.officeId}`);
      expect(body.find((s: { code: string }) => s.code === 'CIE').suspension).toBeNull();
    } finally {
      await db.sql.query('DELETE FROM closure WHERE id = $1', [partial.rows[0].id]);
    }
  });

  it('the privacy notice and the accessibility page come from the settings: standard until edited, every wrong field listed, nothing half-written', async () => {
    const legal = () => getJson(`${api.baseUrl}/api/offices/${office.officeId}/legal`);
    const initial = await legal();
    expect(initial.status).toBe(200);
    expect(initial.body).toEqual({
      officeId: office.officeId,
      officeName: 'Ufficio di prova',
      privacy: {
        controller: null,
        controllerEmail: null,
        dpoName: null,
        dpoEmail: null,
        purposes: null,
        legalBasis: null,
        recipients: null,
        retentionDays: 90,
        contactEmail: 'urp@prova.example',
        contactPhone: '051 000 0000',
        // No App IO configured here: e-mail only.
        channels: ['EMAIL'],
      },
      // No address of its own: the office's.
      accessibility: { declarationUrl: null, feedbackEmail: 'urp@prova.example' },
    });

    const url = `/api/admin/offices/${office.officeId}/settings`;
    const settings = (await manager.get(url)).body;
    expect(settings.privacy).toEqual({
      controller: null,
      controllerEmail: null,
      dpoName: null,
      dpoEmail: null,
      purposes: null,
      legalBasis: null,
      recipients: null,
    });
    const bad = await manager.send('PUT', url, {
      ...settings,
      privacy: { ...settings.privacy, controllerEmail: 'non-una-email', dpoEmail: 'dpo@', purposes: { it: 'x'.repeat(4001), en: '' } },
      accessibility: { declarationUrl: 'https://www.example.it/dichiarazione', feedbackEmail: 'no' },
    });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual([
      'accessibility.declarationUrl',
      'accessibility.feedbackEmail',
      'privacy.controllerEmail',
      'privacy.dpoEmail',
      'privacy.purposes.it',
    ]);
    expect(bad.body.errors.find((e: { field: string }) => e.field === 'accessibility.declarationUrl').message).toContain('form.agid.gov.it');
    expect((await legal()).body).toEqual(initial.body);

    const saved = await manager.send('PUT', url, {
      ...settings,
      retentionDays: 30,
      privacy: {
        controller: 'Comune di Prova, Via Roma 1',
        controllerEmail: 'Protocollo@Prova.example',
        dpoName: 'Studio Rossi',
        dpoEmail: 'dpo@prova.example',
        purposes: { it: 'Gestire gli appuntamenti.', en: '' },
        legalBasis: null,
        recipients: { it: '', en: '' },
      },
      accessibility: { declarationUrl: 'https://form.agid.gov.it/view/abc-123', feedbackEmail: null },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.privacy).toMatchObject({
      controllerEmail: 'protocollo@prova.example',
      purposes: { it: 'Gestire gli appuntamenti.', en: '' },
      recipients: null,
    });
    const after = (await legal()).body;
    expect(after.privacy).toMatchObject({
      controller: 'Comune di Prova, Via Roma 1',
      controllerEmail: 'protocollo@prova.example',
      dpoName: 'Studio Rossi',
      dpoEmail: 'dpo@prova.example',
      // A text given in one language only is shown in both rather than nothing.
      purposes: { it: 'Gestire gli appuntamenti.', en: 'Gestire gli appuntamenti.' },
      legalBasis: null,
      recipients: null,
      retentionDays: 30,
    });
    expect(after.accessibility).toEqual({ declarationUrl: 'https://form.agid.gov.it/view/abc-123', feedbackEmail: 'urp@prova.example' });

    // A client that does not send them (older pages) keeps them.
    const rest = { ...saved.body };
    delete rest.privacy;
    delete rest.accessibility;
    expect((await manager.send('PUT', url, rest)).status).toBe(200);
    expect((await legal()).body.privacy.dpoName).toBe('Studio Rossi');

    const audit = await db.sql.query(`SELECT details FROM audit_entry WHERE entity = 'office_settings' ORDER BY at`);
    expect(audit.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit.rows)).not.toContain('dpo@prova.example');

    expect((await getJson(`${api.baseUrl}/api/offices/not-a-uuid/legal`)).status).toBe(400);
    expect((await getJson(`${api.baseUrl}/api/offices/00000000-0000-4000-8000-000000000000/legal`)).status).toBe(404);
  });
});
