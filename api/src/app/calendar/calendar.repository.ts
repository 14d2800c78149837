import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Closure } from './closure.entity';
import { OfficeSettings } from './office-settings.entity';
import { Office } from './office.entity';
import { OpeningHours } from './opening-hours.entity';
import { Service } from './service.entity';
import { queryRows } from '../database/db';

/** All SQL of the calendar: offices, services, opening hours, closures. */
@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  listOffices(): Promise<Office[]> {
    return this.db.getRepository(Office).find({ order: { name: 'ASC' } });
  }

  findOffice(id: string): Promise<Office | null> {
    return this.db.getRepository(Office).findOneBy({ id });
  }

  findSettings(officeId: string): Promise<OfficeSettings | null> {
    return this.db.getRepository(OfficeSettings).findOneBy({ officeId });
  }

  listSettings(officeIds: string[]): Promise<OfficeSettings[]> {
    if (officeIds.length === 0) return Promise.resolve([]);
    return this.db.getRepository(OfficeSettings).createQueryBuilder('s').where('s.office_id IN (:...officeIds)', { officeIds }).getMany();
  }

  listActiveServices(officeId: string): Promise<Service[]> {
    return this.db.getRepository(Service).find({ where: { officeId, active: true }, order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  findActiveService(officeId: string, serviceId: string): Promise<Service | null> {
    return this.db.getRepository(Service).findOneBy({ id: serviceId, officeId, active: true });
  }

  /** Opening hours of the office (rows without a service) and of every service. */
  listOpeningHours(officeIds: string[]): Promise<OpeningHours[]> {
    if (officeIds.length === 0) return Promise.resolve([]);
    return this.db
      .getRepository(OpeningHours)
      .createQueryBuilder('h')
      .where('h.office_id IN (:...officeIds)', { officeIds })
      .orderBy('h.weekday')
      .addOrderBy('h.start_time')
      .getMany();
  }

  /** Closures of the office (and of its services) that end after `from`. */
  listClosuresFrom(officeId: string, from: Date): Promise<Closure[]> {
    return this.db.getRepository(Closure).createQueryBuilder('c').where('c.office_id = :officeId AND c.ends_at > :from', { officeId, from }).getMany();
  }

  /** The office's configuration counter (bumped by triggers); null for an unknown office. */
  async configVersion(officeId: string): Promise<string | null> {
    const rows = await queryRows<{ version: string }>(this.db, 'SELECT version FROM office_config_version WHERE office_id = $1', [officeId]);
    return rows[0]?.version ?? null;
  }

  /**
   * The office's configuration counter and the places taken (live holds and appointments)
   * per slot start of a service in [from, to), as one text "startMs:taken,…" in start
   * order: cheap to compare with the last answer, and parsed only when it changed.
   */
  async takenSignature(officeId: string, serviceId: string, from: Date, to: Date, capacity: number): Promise<{ version: string | null; signature: string }> {
    const rows = await queryRows<{ version: string | null; signature: string }>(
      this.db,
      `SELECT (SELECT version FROM office_config_version WHERE office_id = $1) AS version,
              coalesce(string_agg(ms || ':' || taken, ',' ORDER BY ms), '') AS signature
         FROM (SELECT (extract(epoch FROM start_at) * 1000)::bigint AS ms, count(*) AS taken FROM slot_seat
                WHERE service_id = $2 AND start_at >= $3 AND start_at < $4 AND seat_no <= $5
                  AND (claim_kind = 'APPOINTMENT' OR (claim_kind = 'HOLD' AND claim_expires_at > now()))
                GROUP BY start_at) AS t`,
      [officeId, serviceId, from, to, capacity],
    );
    return rows[0];
  }
}
