import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StaffRole } from '@sportello/contracts';
import { DataSource } from 'typeorm';
import { OfficeSettings } from '../calendar/office-settings.entity';
import { Office } from '../calendar/office.entity';
import { OpeningHours } from '../calendar/opening-hours.entity';
import { Service } from '../calendar/service.entity';
import { advisoryLock, type Db, lockOfficeConfiguration, queryRows, transaction, type Tx } from '../database/db';

/** A booked appointment that has not started yet, as the stranding check reads it. */
export interface BookedRow {
  id: string;
  code: string;
  office_id: string;
  service_id: string;
  start_at: Date;
  end_at: Date;
  sequence: number;
  created_at: Date;
  name_it: string;
}

export interface WaitingTicketRow {
  id: string;
  service_id: string;
  display_number: string;
  queued_at: Date;
  name_it: string;
}

export interface DeskRow {
  id: string;
  office_id: string;
  number: number;
  name: string;
  active: boolean;
  service_ids: string[];
}

export interface StaffRow {
  id: string;
  username: string;
  display_name: string;
  role: StaffRole;
  active: boolean;
  locked_until: Date | null;
  created_at: Date;
  offices: Array<{ id: string; name: string }>;
}

export interface SeatRow {
  seat_no: number;
  claim_kind: 'HOLD' | 'APPOINTMENT' | null;
  claim_id: string | null;
}

/** The unique-violation code of PostgreSQL. */
export const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.code ?? e?.driverError?.code;
  const name = e?.constraint ?? e?.driverError?.constraint;
  return code === UNIQUE_VIOLATION && (constraint === undefined || name === constraint);
}

/** All SQL of the administration pages. */
@Injectable()
export class AdminRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return transaction(this.db, work);
  }

  /** Serialises configuration changes of one office (two managers saving at once). */
  /** One configuration change of an office at a time, and none while a booking is being taken (see lockOfficeConfiguration). */
  async lockOffice(tx: Tx, officeId: string): Promise<void> {
    await advisoryLock(tx, `admin:${officeId}`);
    await lockOfficeConfiguration(tx, officeId);
  }

  // ---- Offices and settings --------------------------------------------------------

  listOffices(ids: string[] | null): Promise<Office[]> {
    const query = this.db.getRepository(Office).createQueryBuilder('o').orderBy('o.name').addOrderBy('o.id');
    if (ids !== null) {
      if (ids.length === 0) return Promise.resolve([]);
      query.where('o.id IN (:...ids)', { ids });
    }
    return query.getMany();
  }

  insertOffice(tx: Tx, office: Omit<Office, 'id' | 'patronSaintMonth' | 'patronSaintDay' | 'createdAt'>): Promise<Office> {
    const offices = tx.getRepository(Office);
    return offices.save(offices.create(office));
  }

  async saveOffice(tx: Tx, office: Office): Promise<void> {
    await tx.getRepository(Office).save(office);
  }

  async deleteOffice(tx: Tx, officeId: string): Promise<void> {
    await tx.getRepository(Office).delete({ id: officeId });
  }

  async insertSettings(tx: Tx, settings: Pick<OfficeSettings, 'officeId' | 'bookingHorizonDays' | 'minNoticeMinutes' | 'reconfirmRequired'>): Promise<void> {
    await tx.getRepository(OfficeSettings).insert(settings);
  }

  async saveSettings(tx: Tx, settings: OfficeSettings): Promise<void> {
    await tx.getRepository(OfficeSettings).save(settings);
  }

  findOffice(id: string, db: Db = this.db): Promise<Office | null> {
    return db.getRepository(Office).findOneBy({ id });
  }

  findSettings(officeId: string, db: Db = this.db): Promise<OfficeSettings | null> {
    return db.getRepository(OfficeSettings).findOneBy({ officeId });
  }

  async officeInUse(tx: Tx, officeId: string): Promise<boolean> {
    const rows = await queryRows<{ used: boolean }>(
      tx,
      `SELECT EXISTS (SELECT 1 FROM appointment WHERE office_id = $1) OR EXISTS (SELECT 1 FROM ticket WHERE office_id = $1) AS used`,
      [officeId],
    );
    return rows[0].used;
  }

  /**
   * Moves the pending reminders of the office's future appointments to a new lead time,
   * where the new time is still ahead (a reminder already due stays as it is).
   */
  async moveReminders(tx: Tx, officeId: string, hoursBefore: number): Promise<number> {
    const rows = await queryRows(
      tx,
      `UPDATE notification n SET due_at = a.start_at - make_interval(hours => $2::int)
         FROM appointment a
        WHERE n.appointment_id = a.id AND a.office_id = $1 AND a.status = 'BOOKED'
          AND n.kind = 'REMINDER' AND n.status = 'PENDING' AND n.attempts = 0
          AND a.start_at - make_interval(hours => $2::int) > now()
       RETURNING n.id`,
      [officeId, hoursBefore],
    );
    return rows.length;
  }

  // ---- Services --------------------------------------------------------------------

  listServices(officeId: string, db: Db = this.db): Promise<Service[]> {
    return db.getRepository(Service).find({ where: { officeId }, order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  insertService(tx: Tx, service: Partial<Service> & Pick<Service, 'officeId'>): Promise<Service> {
    const services = tx.getRepository(Service);
    return services.save(services.create(service));
  }

  async saveService(tx: Tx, service: Service): Promise<void> {
    await tx.getRepository(Service).save(service);
  }

  async deleteService(tx: Tx, serviceId: string): Promise<void> {
    await tx.getRepository(Service).delete({ id: serviceId });
  }

  /** How many active desks serve each service of the office (services no desk serves are absent). */
  async activeDesksByService(officeId: string): Promise<Map<string, number>> {
    const rows = await queryRows<{ service_id: string; desks: number }>(
      this.db,
      `SELECT ds.service_id, count(*)::int AS desks FROM desk_service ds JOIN desk d ON d.id = ds.desk_id WHERE d.office_id = $1 AND d.active GROUP BY ds.service_id`,
      [officeId],
    );
    return new Map(rows.map((r) => [r.service_id, r.desks]));
  }

  findService(officeId: string, serviceId: string, db: Db = this.db): Promise<Service | null> {
    return db.getRepository(Service).findOneBy({ id: serviceId, officeId });
  }

  async lockService(tx: Tx, serviceId: string): Promise<Service | null> {
    return tx.getRepository(Service).findOne({ where: { id: serviceId }, lock: { mode: 'pessimistic_write' } });
  }

  async serviceInUse(tx: Tx, serviceId: string): Promise<boolean> {
    const rows = await queryRows<{ used: boolean }>(
      tx,
      `SELECT EXISTS (SELECT 1 FROM appointment WHERE service_id = $1) OR EXISTS (SELECT 1 FROM ticket WHERE service_id = $1)
              OR EXISTS (SELECT 1 FROM ticket_event WHERE service_id = $1) AS used`,
      [serviceId],
    );
    return rows[0].used;
  }

  // ---- Opening hours ---------------------------------------------------------------

  listOpeningHours(officeId: string, db: Db = this.db): Promise<OpeningHours[]> {
    return db.getRepository(OpeningHours).find({ where: { officeId }, order: { weekday: 'ASC', startTime: 'ASC' } });
  }

  /** Replaces the week of the office (serviceId null) or of one service. */
  async replaceOpeningHours(
    tx: Tx,
    officeId: string,
    serviceId: string | null,
    intervals: Array<{ weekday: number; start: string; end: string }>,
  ): Promise<void> {
    await tx.query(`DELETE FROM opening_hours WHERE office_id = $1 AND service_id IS NOT DISTINCT FROM $2::uuid`, [officeId, serviceId]);
    for (const i of intervals) {
      await tx.query(`INSERT INTO opening_hours (office_id, service_id, weekday, start_time, end_time) VALUES ($1, $2, $3, $4, $5)`, [
        officeId,
        serviceId,
        i.weekday,
        i.start,
        i.end,
      ]);
    }
  }

  // ---- Desks -----------------------------------------------------------------------

  async listDesks(officeId: string, db: Db = this.db): Promise<DeskRow[]> {
    return queryRows(
      db,
      `SELECT d.id, d.office_id, d.number, d.name, d.active,
              coalesce(array_agg(ds.service_id::text ORDER BY ds.service_id) FILTER (WHERE ds.service_id IS NOT NULL), '{}') AS service_ids
         FROM desk d LEFT JOIN desk_service ds ON ds.desk_id = d.id
        WHERE d.office_id = $1
        GROUP BY d.id ORDER BY d.number`,
      [officeId],
    );
  }

  async findDesk(tx: Tx, officeId: string, deskId: string): Promise<DeskRow | null> {
    const rows = await queryRows<DeskRow>(
      tx,
      `SELECT d.id, d.office_id, d.number, d.name, d.active,
              coalesce(array_agg(ds.service_id::text ORDER BY ds.service_id) FILTER (WHERE ds.service_id IS NOT NULL), '{}') AS service_ids
         FROM desk d LEFT JOIN desk_service ds ON ds.desk_id = d.id
        WHERE d.office_id = $1 AND d.id = $2
        GROUP BY d.id`,
      [officeId, deskId],
    );
    return rows[0] ?? null;
  }

  async insertDesk(tx: Tx, officeId: string, desk: { number: number; name: string; active: boolean }): Promise<string> {
    const rows = await queryRows<{ id: string }>(tx, `INSERT INTO desk (office_id, number, name, active) VALUES ($1, $2, $3, $4) RETURNING id`, [
      officeId,
      desk.number,
      desk.name,
      desk.active,
    ]);
    return rows[0].id;
  }

  async updateDesk(tx: Tx, deskId: string, desk: { number: number; name: string; active: boolean }): Promise<void> {
    await tx.query(`UPDATE desk SET number = $2, name = $3, active = $4, paused = CASE WHEN $4 THEN paused ELSE false END WHERE id = $1`, [
      deskId,
      desk.number,
      desk.name,
      desk.active,
    ]);
  }

  async setDeskServices(tx: Tx, deskId: string, serviceIds: string[]): Promise<void> {
    await tx.query(`DELETE FROM desk_service WHERE desk_id = $1`, [deskId]);
    if (serviceIds.length > 0) await tx.query(`INSERT INTO desk_service (desk_id, service_id) SELECT $1, unnest($2::uuid[])`, [deskId, serviceIds]);
  }

  async deleteDesk(tx: Tx, deskId: string): Promise<void> {
    await tx.query(`DELETE FROM desk WHERE id = $1`, [deskId]);
  }

  async deskInUse(tx: Tx, deskId: string): Promise<boolean> {
    const rows = await queryRows<{ used: boolean }>(
      tx,
      `SELECT EXISTS (SELECT 1 FROM ticket WHERE desk_id = $1) OR EXISTS (SELECT 1 FROM ticket_event WHERE desk_id = $1) AS used`,
      [deskId],
    );
    return rows[0].used;
  }

  /** The ticket a desk is calling or serving now, if any. */
  async deskBusy(tx: Tx, deskId: string): Promise<boolean> {
    const rows = await queryRows<{ busy: boolean }>(
      tx,
      `SELECT EXISTS (SELECT 1 FROM ticket WHERE desk_id = $1 AND status IN ('CALLED', 'IN_SERVICE')) AS busy`,
      [deskId],
    );
    return rows[0].busy;
  }

  /** Tickets waiting today for these services. */
  async waitingTickets(tx: Tx, officeId: string, day: string, serviceIds: string[]): Promise<WaitingTicketRow[]> {
    if (serviceIds.length === 0) return [];
    return queryRows<WaitingTicketRow>(
      tx,
      `SELECT t.id, t.service_id, t.display_number, t.queued_at, s.name_it
         FROM ticket t JOIN service s ON s.id = t.service_id
        WHERE t.office_id = $1 AND t.day = $2 AND t.status = 'WAITING' AND t.service_id = ANY($3::uuid[])
        ORDER BY t.queued_at`,
      [officeId, day, serviceIds],
    );
  }

  // ---- Booked appointments (the stranding check) -----------------------------------

  /** Booked appointments of these services that have not started, locked until the change commits. */
  async futureBooked(tx: Tx, officeId: string, serviceIds: string[], now: Date): Promise<BookedRow[]> {
    if (serviceIds.length === 0) return [];
    return queryRows<BookedRow>(
      tx,
      `SELECT a.id, a.code, a.office_id, a.service_id, a.start_at, a.end_at, a.sequence, a.created_at, s.name_it
         FROM appointment a JOIN service s ON s.id = a.service_id
        WHERE a.office_id = $1 AND a.service_id = ANY($2::uuid[]) AND a.status = 'BOOKED' AND a.start_at > $3
        ORDER BY a.start_at, a.created_at
          FOR UPDATE OF a`,
      [officeId, serviceIds, now],
    );
  }

  /** The seats of one slot, locked. */
  /** The future slots of the service with an appointment on a seat above `capacity`. */
  async slotsWithSeatsAbove(tx: Tx, serviceId: string, after: Date, capacity: number): Promise<Date[]> {
    const slots = await queryRows<{ start_at: Date }>(
      tx,
      `SELECT DISTINCT start_at FROM slot_seat WHERE service_id = $1 AND start_at > $2 AND claim_kind = 'APPOINTMENT' AND seat_no > $3`,
      [serviceId, after, capacity],
    );
    return slots.map((s) => s.start_at);
  }

  async lockSlotSeats(tx: Tx, serviceId: string, startAt: Date): Promise<SeatRow[]> {
    return queryRows<SeatRow>(tx, `SELECT seat_no, claim_kind, claim_id FROM slot_seat WHERE service_id = $1 AND start_at = $2 ORDER BY seat_no FOR UPDATE`, [
      serviceId,
      startAt,
    ]);
  }

  /** Moves a claim from one seat of a slot to another (the target's claim, a hold at most, is dropped). */
  async moveClaim(tx: Tx, serviceId: string, startAt: Date, fromSeat: number, toSeat: number): Promise<void> {
    await tx.query(
      `UPDATE slot_seat t SET claim_kind = f.claim_kind, claim_id = f.claim_id, claim_expires_at = f.claim_expires_at
         FROM slot_seat f
        WHERE t.service_id = $1 AND t.start_at = $2 AND t.seat_no = $4
          AND f.service_id = $1 AND f.start_at = $2 AND f.seat_no = $3`,
      [serviceId, startAt, fromSeat, toSeat],
    );
    await tx.query(
      `UPDATE slot_seat SET claim_kind = NULL, claim_id = NULL, claim_expires_at = NULL WHERE service_id = $1 AND start_at = $2 AND seat_no = $3`,
      [serviceId, startAt, fromSeat],
    );
  }

  // ---- Staff accounts --------------------------------------------------------------

  async listStaff(id: string | null = null, db: Db = this.db): Promise<StaffRow[]> {
    return queryRows(
      db,
      `SELECT u.id, u.username, u.display_name, u.role, u.active, u.locked_until, u.created_at,
              coalesce(json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name) FILTER (WHERE o.id IS NOT NULL), '[]') AS offices
         FROM staff_user u
         LEFT JOIN staff_user_office so ON so.staff_user_id = u.id
         LEFT JOIN office o ON o.id = so.office_id
        WHERE $1::uuid IS NULL OR u.id = $1
        GROUP BY u.id
        ORDER BY u.username`,
      [id],
    );
  }

  async lockStaff(tx: Tx, id: string): Promise<StaffRow | null> {
    await tx.query(`SELECT 1 FROM staff_user WHERE id = $1 FOR UPDATE`, [id]);
    const rows = await this.listStaff(id, tx);
    return rows[0] ?? null;
  }

  async updateStaff(tx: Tx, id: string, user: { displayName: string; role: StaffRole; active: boolean; officeIds: string[] }): Promise<void> {
    await tx.query(`UPDATE staff_user SET display_name = $2, role = $3, active = $4, updated_at = now() WHERE id = $1`, [
      id,
      user.displayName,
      user.role,
      user.active,
    ]);
    await tx.query(`DELETE FROM staff_user_office WHERE staff_user_id = $1`, [id]);
    if (user.officeIds.length > 0)
      await tx.query(`INSERT INTO staff_user_office (staff_user_id, office_id) SELECT $1, unnest($2::uuid[])`, [id, user.officeIds]);
  }

  /** A new password: the lock-out starts again. */
  async setPassword(tx: Tx, id: string, passwordHash: string): Promise<void> {
    await tx.query(
      `UPDATE staff_user SET password_hash = $2, failed_attempts = 0, first_failed_at = NULL, locked_until = NULL, updated_at = now() WHERE id = $1`,
      [id, passwordHash],
    );
    // A new password unlocks every address and device too.
    await tx.query(`DELETE FROM staff_login_failure WHERE staff_user_id = $1`, [id]);
  }

  async deleteSessions(tx: Tx, staffUserId: string): Promise<void> {
    await tx.query(`DELETE FROM staff_session WHERE staff_user_id = $1`, [staffUserId]);
  }

  /** The ids among these that are offices. */
  async existingOffices(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await queryRows<{ id: string }>(this.db, `SELECT id::text FROM office WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map((r) => r.id);
  }
}
