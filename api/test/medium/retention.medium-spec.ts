import { RetentionRepository } from '../../src/app/privacy/retention.repository';
import { ANONYMISED, RetentionService } from '../../src/app/privacy/retention.service';
import { insertAppointment } from '../support/frontdesk';
import { openWorld, World } from './support/world';

const DAY = 86_400_000;

describe('RetentionService against PostgreSQL (no HTTP)', () => {
  let world: World;
  let retention: RetentionService;

  beforeAll(async () => {
    world = await openWorld({ RETENTION_DAYS: '30' });
    retention = new RetentionService(new RetentionRepository(world.dataSource), world.config);
  });

  afterAll(async () => {
    await world?.close();
  });

  const person = async (id: string) =>
    (await world.db.sql.query('SELECT first_name, fiscal_code, email, anonymised_at FROM appointment WHERE id = $1', [id])).rows[0];

  it('overwrites the personal data of appointments past the period, by the office’s own period when it has one', async () => {
    const office = await world.newOffice();
    const strict = await world.newOffice();
    await world.db.sql.query('UPDATE office_settings SET retention_days = 7 WHERE office_id = $1', [strict.officeId]);
    const old = await insertAppointment(world.db.sql, office.officeId, office.serviceId, new Date(Date.now() - 31 * DAY), 'CIE-OLD001');
    const recent = await insertAppointment(world.db.sql, office.officeId, office.serviceId, new Date(Date.now() - 10 * DAY), 'CIE-NEW001');
    const strictRecent = await insertAppointment(world.db.sql, strict.officeId, strict.serviceId, new Date(Date.now() - 10 * DAY), 'CIE-STR001');
    expect(await retention.anonymiseExpired()).toBe(2);
    expect(await person(old.id)).toEqual({ first_name: ANONYMISED, fiscal_code: ANONYMISED, email: ANONYMISED, anonymised_at: expect.any(Date) });
    expect(await person(strictRecent.id)).toMatchObject({ fiscal_code: ANONYMISED });
    expect(await person(recent.id)).toMatchObject({ first_name: 'Maria', fiscal_code: recent.fiscalCode, anonymised_at: null });
    // Idempotent: a second run (another replica, the next hour) finds nothing more.
    expect(await retention.anonymiseExpired()).toBe(0);
  });
});
