import { createTestDatabase, RunningApi, startApi, TestDatabase } from './support/api-process';
import { insertOffice, OfficeFixture } from './support/fixtures';
import { SseClient } from './support/frontdesk';
import { getJson } from './support/http';
import { insertStaff, StaffClient } from './support/staff';

const HOUR = 60 * 60 * 1000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

describe("notices: the comune's messages and alerts on the display and the kiosk", () => {
  let db: TestDatabase;
  let api: RunningApi;
  let office: OfficeFixture;
  let other: OfficeFixture;
  let manager: StaffClient;
  let admin: StaffClient;
  let operator: StaffClient;
  let kiosk: StaffClient;
  let otherManager: StaffClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    office = await insertOffice(db.sql);
    other = await insertOffice(db.sql, 'ALTRO');
    await insertStaff(db.sql, 'avvisi.responsabile', 'manager', [office.officeId]);
    await insertStaff(db.sql, 'avvisi.admin', 'admin', []);
    await insertStaff(db.sql, 'avvisi.operatore', 'operator', [office.officeId]);
    await insertStaff(db.sql, 'avvisi.totem', 'kiosk', [office.officeId]);
    await insertStaff(db.sql, 'avvisi.altro', 'manager', [other.officeId]);
    api = await startApi(db.url, { THROTTLE_LIMIT: '100000' });
    [manager, admin, operator, kiosk, otherManager] = await Promise.all(
      ['avvisi.responsabile', 'avvisi.admin', 'avvisi.operatore', 'avvisi.totem', 'avvisi.altro'].map((u) => StaffClient.login(api.baseUrl, u)),
    );
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const admins = (officeId = office.officeId) => `/api/admin/offices/${officeId}/notices`;
  const count = async () => (await db.sql.query('SELECT count(*)::int AS n FROM notice')).rows[0].n as number;
  const auditRows = async (noticeId: string) =>
    (
      await db.sql.query(`SELECT action, actor_username, office_id, details FROM audit_entry WHERE entity = 'notice' AND entity_id = $1 ORDER BY at, action`, [
        noticeId,
      ])
    ).rows;
  const body = (overrides: Record<string, unknown> = {}) => ({
    priority: 'INFO',
    textIt: 'Martedì lo sportello anagrafe apre alle 10.',
    textEn: 'On Tuesday the registry desk opens at 10.',
    start: iso(-HOUR),
    end: iso(2 * HOUR),
    ...overrides,
  });

  it('a manager of the office creates, lists, updates and deletes a notice; each change has its audit row', async () => {
    const created = await manager.send('POST', admins(), body());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      officeId: office.officeId,
      priority: 'INFO',
      textEn: 'On Tuesday the registry desk opens at 10.',
      createdBy: 'avvisi.responsabile',
    });
    const id = created.body.id as string;

    const listed = await manager.get(admins());
    expect(listed.status).toBe(200);
    expect(listed.body.map((n: { id: string }) => n.id)).toContain(id);

    const updated = await manager.send('PUT', `${admins()}/${id}`, body({ priority: 'ALERT', textEn: null }));
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id, priority: 'ALERT', textEn: null });

    expect((await manager.send('DELETE', `${admins()}/${id}`, undefined)).status).toBe(204);
    expect((await db.sql.query('SELECT 1 FROM notice WHERE id = $1', [id])).rowCount).toBe(0);
    expect((await manager.send('DELETE', `${admins()}/${id}`, undefined)).status).toBe(404);

    const rows = await auditRows(id);
    expect(rows.map((r) => [r.action, r.actor_username, r.office_id])).toEqual([
      ['CREATE', 'avvisi.responsabile', office.officeId],
      ['UPDATE', 'avvisi.responsabile', office.officeId],
      ['DELETE', 'avvisi.responsabile', office.officeId],
    ]);
    expect(rows[1].details.changes).toMatchObject({
      priority: { from: 'INFO', to: 'ALERT' },
      textEn: { from: 'On Tuesday the registry desk opens at 10.', to: null },
    });
  });

  it("an admin writes any office's notices; operators, kiosks, other offices' managers and anonymous callers are refused with nothing written", async () => {
    const byAdmin = await admin.send('POST', admins(other.officeId), body());
    expect(byAdmin.status).toBe(201);
    const id = byAdmin.body.id as string;
    const before = await count();

    for (const client of [operator, kiosk]) {
      expect((await client.get(admins())).status).toBe(403);
      expect((await client.send('POST', admins(), body())).status).toBe(403);
    }
    expect((await otherManager.send('POST', admins(), body())).body.code).toBe('FORBIDDEN_OFFICE');
    expect((await otherManager.get(admins())).status).toBe(403);
    expect((await manager.send('PUT', `${admins(other.officeId)}/${id}`, body())).status).toBe(403);
    expect((await manager.send('DELETE', `${admins(other.officeId)}/${id}`, undefined)).status).toBe(403);
    // The notice of another office is not found through this office's path.
    expect((await manager.send('PUT', `${admins()}/${id}`, body())).status).toBe(404);
    expect((await new StaffClient(api.baseUrl).send('POST', admins(), body())).status).toBe(401);
    expect(await count()).toBe(before);
    expect((await db.sql.query(`SELECT action FROM audit_entry WHERE entity = 'notice' AND entity_id = $1`, [id])).rows.map((r) => r.action)).toEqual([
      'CREATE',
    ]);
  });

  it('bad input: 400 listing each field, in Italian and in English, and nothing written', async () => {
    const before = await count();
    const bad = await manager.send('POST', admins(), { priority: 'URGENT', textIt: 'x'.repeat(501), textEn: 'y'.repeat(501), start: 'domani', end: iso(HOUR) });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['priority', 'start', 'textEn', 'textIt']);
    expect(bad.body.errors.find((e: { field: string }) => e.field === 'priority').message).toContain('INFO, ALERT');

    const reversed = await manager.send('POST', admins(), body({ start: iso(2 * HOUR), end: iso(HOUR) }), { headers: { 'accept-language': 'en' } });
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors).toEqual([{ field: 'end', message: "The notice's end must be after its start." }]);
    const italian = await manager.send('POST', admins(), body({ start: iso(HOUR), end: iso(HOUR) }), { headers: { 'accept-language': 'it' } });
    expect(italian.body.errors).toEqual([{ field: 'end', message: "La fine dell'avviso deve seguire il suo inizio." }]);

    const tooLong = await manager.send('POST', admins(), body({ start: iso(0), end: iso(400 * 24 * HOUR) }));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors.map((e: { field: string }) => e.field)).toEqual(['end']);
    const outOfRange = await manager.send('POST', admins(), body({ start: '1999-01-01T00:00:00Z', end: '1999-01-02T00:00:00Z' }));
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['end', 'start']);
    const missing = await manager.send('POST', admins(), {});
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['end', 'priority', 'start', 'textIt']);

    const created = await manager.send('POST', admins(), body());
    const id = created.body.id as string;
    const badUpdate = await manager.send('PUT', `${admins()}/${id}`, body({ end: iso(-2 * HOUR) }));
    expect(badUpdate.status).toBe(400);
    expect((await db.sql.query('SELECT priority FROM notice WHERE id = $1', [id])).rows[0].priority).toBe('INFO');
    expect((await manager.send('PUT', `${admins()}/not-a-notice`, body())).status).toBe(400);
    expect(await count()).toBe(before + 1);
    await manager.send('DELETE', `${admins()}/${id}`, undefined);
  });

  it('the public endpoint: only the notices showing now, the alert first, a closure of its own, and the next change', async () => {
    await db.sql.query('DELETE FROM notice');
    const post = async (overrides: Record<string, unknown>) => (await manager.send('POST', admins(), body(overrides))).body.id as string;
    const info = await post({ textIt: 'Oggi nuovi orari' });
    const alert = await post({ priority: 'ALERT', textIt: 'Allerta meteo rossa: uffici chiusi dalle 12.', textEn: null, start: iso(-10 * 60_000) });
    const future = await post({ textIt: 'Domani', start: iso(5 * HOUR), end: iso(6 * HOUR) });
    await db.sql.query(
      `INSERT INTO notice (office_id, priority, text_it, starts_at, ends_at) VALUES ($1, 'INFO', 'Finito', now() - interval '2 hours', now() - interval '1 hour')`,
      [office.officeId],
    );
    await post({ textIt: 'Seconda informazione' });
    await admin.send('POST', admins(other.officeId), body({ textIt: 'Solo per l’altro ufficio' }));
    const [closure] = (
      await db.sql.query<{ id: string }>(
        `INSERT INTO closure (office_id, service_id, starts_at, ends_at, reason) VALUES ($1, $2, now() + interval '1 day', now() + interval '2 days', 'Inventario') RETURNING id`,
        [office.officeId, office.otherServiceId],
      )
    ).rows;
    await db.sql.query(
      `INSERT INTO closure (office_id, starts_at, ends_at, reason) VALUES ($1, now() + interval '30 days', now() + interval '31 days', 'Lontana')`,
      [office.officeId],
    );

    const answer = await getJson(`${api.baseUrl}/api/offices/${office.officeId}/notices`);
    expect(answer.status).toBe(200);
    const shown = answer.body.notices as Array<{ id: string; kind: string; priority: string; text: { it: string } | null; service: unknown }>;
    expect(shown.map((n) => [n.kind, n.priority, n.text?.it ?? null])).toEqual([
      ['NOTICE', 'ALERT', 'Allerta meteo rossa: uffici chiusi dalle 12.'],
      ['CLOSURE', 'INFO', 'Inventario'],
      ['NOTICE', 'INFO', 'Oggi nuovi orari'],
      ['NOTICE', 'INFO', 'Seconda informazione'],
    ]);
    expect(shown[0].id).toBe(alert);
    expect(shown[1]).toMatchObject({ id: closure.id, service: { it: 'Riconoscimento SPID', en: 'SPID identity check' } });
    expect(shown.map((n) => n.id)).toContain(info);
    expect(shown.map((n) => n.id)).not.toContain(future);
    // Nothing about who posted them.
    expect(JSON.stringify(answer.body)).not.toContain('avvisi.');
    // The next change is the end of the notices showing now (2 hours), before the future one's start (5 hours).
    const next = new Date(answer.body.nextChangeAt).getTime();
    expect(Math.abs(next - (Date.now() + 2 * HOUR))).toBeLessThan(5 * 60_000);

    expect((await getJson(`${api.baseUrl}/api/offices/x/notices`)).status).toBe(400);
    expect((await getJson(`${api.baseUrl}/api/offices/00000000-0000-4000-8000-000000000000/notices`)).status).toBe(404);
  });

  it("an SSE client of the office gets a notice event when a notice is created, changed or deleted, and when a closure is written; another office's client does not", async () => {
    const here = await SseClient.connect(`${api.baseUrl}/api/offices/${office.officeId}/events`);
    const there = await SseClient.connect(`${api.baseUrl}/api/offices/${other.officeId}/events`);
    try {
      await Promise.all([here.next((e) => e.type === 'ready'), there.next((e) => e.type === 'ready')]);
      const created = await manager.send('POST', admins(), body({ priority: 'ALERT', textIt: 'Protezione civile: evacuare il piano terra.' }));
      const id = created.body.id as string;
      const event = await here.next((e) => e.type === 'notice' && e.data.noticeId === id);
      expect(event.data).toEqual({ type: 'notice', officeId: office.officeId, noticeId: id });
      await manager.send('DELETE', `${admins()}/${id}`, undefined);
      await here.next((e) => e.type === 'notice' && e.data.noticeId === id && e !== event);
      expect(here.events.filter((e) => e.type === 'notice' && e.data.noticeId === id)).toHaveLength(2);

      const closure = await manager.send('POST', `/api/offices/${office.officeId}/closures`, { from: '2030-01-07', reason: 'Inventario' });
      expect(closure.status).toBe(201);
      await here.next((e) => e.type === 'notice' && e.data.noticeId === undefined);
      // The other office's stream saw the ready event only: nothing of this office's.
      await admin.send('POST', admins(other.officeId), body({ textIt: 'Segnale' }));
      await there.next((e) => e.type === 'notice');
      expect(there.events.filter((e) => e.type === 'notice')).toHaveLength(1);
    } finally {
      here.close();
      there.close();
    }
  });
});
