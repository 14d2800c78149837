import type { DataSource } from 'typeorm';
import { Closure } from '../calendar/closure.entity';
import { OfficeSettings } from '../calendar/office-settings.entity';
import { Office } from '../calendar/office.entity';
import { OpeningHours } from '../calendar/opening-hours.entity';
import { Service } from '../calendar/service.entity';
import { queryRows, type Db, type Tx } from '../database/db';
import { Desk, DeskService } from '../frontdesk/desk.entity';

/**
 * All SQL of the demo seed. Functions, not an injectable: the seed runs before the Nest
 * application exists, on the launcher's own DataSource.
 */
export const demoRepository = {
  async countOffices(tx: Tx): Promise<number> {
    return tx.getRepository(Office).count();
  },

  insertOffice(tx: Tx, office: Omit<Office, 'id' | 'createdAt'>): Promise<Office> {
    const offices = tx.getRepository(Office);
    return offices.save(offices.create(office));
  },

  async insertSettings(tx: Tx, settings: Partial<OfficeSettings> & Pick<OfficeSettings, 'officeId'>): Promise<void> {
    await tx.getRepository(OfficeSettings).insert(settings);
  },

  insertServices(tx: Tx, services: Array<Partial<Service> & Pick<Service, 'officeId'>>): Promise<Service[]> {
    const repository = tx.getRepository(Service);
    return repository.save(services.map((s) => repository.create(s)));
  },

  insertDesks(tx: Tx, desks: Array<Pick<Desk, 'officeId' | 'number' | 'name'>>): Promise<Desk[]> {
    const repository = tx.getRepository(Desk);
    return repository.save(desks.map((d) => repository.create(d)));
  },

  async insertDeskServices(tx: Tx, links: Array<Pick<DeskService, 'deskId' | 'serviceId'>>): Promise<void> {
    await tx.getRepository(DeskService).insert(links);
  },

  async insertOpeningHours(tx: Tx, hours: Array<Pick<OpeningHours, 'officeId' | 'serviceId' | 'weekday' | 'startTime' | 'endTime'>>): Promise<void> {
    await tx.getRepository(OpeningHours).insert(hours);
  },

  async insertClosure(tx: Tx, closure: Pick<Closure, 'officeId' | 'serviceId' | 'startsAt' | 'endsAt' | 'reason'>): Promise<void> {
    await tx.getRepository(Closure).insert(closure);
  },

  async officeIdByCode(db: Db, code: string): Promise<string | null> {
    const rows = await queryRows<{ id: string }>(db, 'SELECT id FROM office WHERE code = $1', [code]);
    return rows[0]?.id ?? null;
  },

  async countMonthlyFigures(tx: Tx, officeId: string): Promise<number> {
    const rows = await queryRows<{ n: number }>(tx, 'SELECT count(*)::int AS n FROM stats_monthly WHERE office_id = $1', [officeId]);
    return rows[0]?.n ?? 0;
  },

  /** Sets the office's mandate unless one is set already. */
  async setMandateIfUnset(tx: Tx, officeId: string, mandate: { from: string; to: string }): Promise<void> {
    await tx.query(`UPDATE office_settings SET mandate_start = $2, mandate_end = $3, updated_at = now() WHERE office_id = $1 AND mandate_start IS NULL`, [
      officeId,
      mandate.from,
      mandate.to,
    ]);
  },

  async insertImportedFigures(tx: Tx, officeId: string, figures: Array<{ month: string; metric: string; value: number }>): Promise<void> {
    await tx.query(
      `INSERT INTO stats_monthly (office_id, month, metric, value, source, updated_at)
       SELECT $1, r.month, r.metric, r.value, 'import', now() FROM unnest($2::text[], $3::text[], $4::int[]) AS r(month, metric, value)`,
      [officeId, figures.map((r) => r.month), figures.map((r) => r.metric), figures.map((r) => r.value)],
    );
  },

  async existingUsernames(db: Db, usernames: string[]): Promise<string[]> {
    const rows = await queryRows<{ username: string }>(db, 'SELECT username FROM staff_user WHERE username = ANY($1::text[])', [usernames]);
    return rows.map((r) => r.username);
  },

  /** The password hashes of the active accounts (plain `query`: the start-up check runs it on a bare pool too). */
  activeAccountHashes(db: Pick<DataSource, 'query'>): Promise<Array<{ username: string; password_hash: string }>> {
    return db.query('SELECT username, password_hash FROM staff_user WHERE active ORDER BY username');
  },
};
