import type { Client } from 'pg';

export interface OfficeFixture {
  officeId: string;
  serviceId: string;
  otherServiceId: string;
}

/**
 * A small office: Monday 08:30–12:30 and 14:30–16:00, Wednesday 09:00–11:00; a 30-minute
 * service of capacity 2 and a 20-minute service of capacity 1. No notice, 60-day horizon.
 */
export async function insertOffice(sql: Client, code = 'TEST'): Promise<OfficeFixture> {
  const office = await sql.query<{ id: string }>(
    `INSERT INTO office (code, name, address, city, time_zone) VALUES ($1, 'Ufficio di prova', 'Via Roma 1', 'Calderara di Reno', 'Europe/Rome') RETURNING id`,
    [code],
  );
  const officeId = office.rows[0].id;
  await sql.query(`INSERT INTO office_settings (office_id, booking_horizon_days, min_notice_minutes) VALUES ($1, 60, 0)`, [officeId]);
  const service = await sql.query<{ id: string }>(
    `INSERT INTO service (office_id, code, name_it, name_en, duration_minutes, capacity, documents_it, documents_en, sort_order)
     VALUES ($1, 'CIE', 'Carta d''identità', 'Identity card', 30, 2, '["Foto"]', '["Photo"]', 1) RETURNING id`,
    [officeId],
  );
  const other = await sql.query<{ id: string }>(
    `INSERT INTO service (office_id, code, name_it, name_en, duration_minutes, capacity, fee_cents, sort_order)
     VALUES ($1, 'SPID', 'Riconoscimento SPID', 'SPID identity check', 20, 1, NULL, 2) RETURNING id`,
    [officeId],
  );
  await sql.query(
    `INSERT INTO opening_hours (office_id, weekday, start_time, end_time) VALUES
       ($1, 1, '08:30', '12:30'), ($1, 1, '14:30', '16:00'), ($1, 3, '09:00', '11:00')`,
    [officeId],
  );
  return { officeId, serviceId: service.rows[0].id, otherServiceId: other.rows[0].id };
}
