import { createTestDatabase, startApi, TestDatabase } from './support/api-process';
import { insertOffice } from './support/fixtures';

describe('GDPR retention', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('anonymises personal data RETENTION_DAYS after the appointment, keeping the appointment itself; drops day-old idempotent answers', async () => {
    const office = await insertOffice(db.sql);
    const insert = (code: string, daysAgo: number) =>
      db.sql.query(
        `INSERT INTO appointment (id, code, office_id, service_id, start_at, end_at, first_name, last_name, fiscal_code, fiscal_code_key, email, email_key, phone, notes, language, privacy_accepted_at)
         VALUES (gen_random_uuid(), $1, $2, $3, now() - make_interval(days => $4), now() - make_interval(days => $4) + interval '30 minutes',
                 'Maria', 'Rossi', 'RSSMRA85T10A562S', 'RSSMRA85T10A562', 'maria@example.it', 'maria@example.it', '333 1234567', 'nota', 'it', now())`,
        [code, office.officeId, office.serviceId, daysAgo],
      );
    await insert('CIE-OLD111', 40);
    await insert('CIE-NEW222', 20);

    await db.sql.query(
      `INSERT INTO idempotency_record (key, request_hash, response_status, response_body, created_at) VALUES
         ('old-key-0001', 'x', 201, '{}', now() - interval '25 hours'), ('new-key-0001', 'x', 201, '{}', now() - interval '1 hour')`,
    );
    const personal =
      'SELECT code, first_name, last_name, fiscal_code, fiscal_code_key, email, email_key, phone, notes, status, anonymised_at IS NOT NULL AS anonymised FROM appointment ORDER BY code';
    // Before: the person and mailbox keys (the per-person limit, the agenda search) are set on both.
    expect((await db.sql.query(personal)).rows.map((r) => [r.code, r.fiscal_code_key, r.email_key])).toEqual([
      ['CIE-NEW222', 'RSSMRA85T10A562', 'maria@example.it'],
      ['CIE-OLD111', 'RSSMRA85T10A562', 'maria@example.it'],
    ]);
    const api = await startApi(db.url, { RETENTION_DAYS: '30' });
    await api.stop();

    const { rows } = await db.sql.query(personal);
    const keys = await db.sql.query('SELECT key FROM idempotency_record ORDER BY key');
    expect(keys.rows).toEqual([{ key: 'new-key-0001' }]);
    expect(rows).toEqual([
      {
        code: 'CIE-NEW222',
        first_name: 'Maria',
        last_name: 'Rossi',
        fiscal_code: 'RSSMRA85T10A562S',
        fiscal_code_key: 'RSSMRA85T10A562',
        email: 'maria@example.it',
        email_key: 'maria@example.it',
        phone: '333 1234567',
        notes: 'nota',
        status: 'BOOKED',
        anonymised: false,
      },
      {
        code: 'CIE-OLD111',
        first_name: '-',
        last_name: '-',
        fiscal_code: '-',
        fiscal_code_key: '-',
        email: '-',
        email_key: '-',
        phone: null,
        notes: null,
        status: 'BOOKED',
        anonymised: true,
      },
    ]);
  });

  it('deletes waitlist entries (e-mail addresses) once expired or a day after their notice', async () => {
    const office = await insertOffice(db.sql, 'WAITRET');
    const insert = (email: string, status: string, expires: string, notified: string | null) =>
      db.sql.query(
        `INSERT INTO waitlist_entry (office_id, service_id, email, email_key, language, status, privacy_accepted_at, expires_at, notified_at)
         VALUES ($1, $2, $3, $3, 'it', $4, now(), now() + $5::interval, now() + $6::interval)`,
        [office.officeId, office.serviceId, email, status, expires, notified],
      );
    await insert('waiting@example.it', 'WAITING', '10 days', null);
    await insert('expired@example.it', 'WAITING', '-1 minute', null);
    await insert('told-today@example.it', 'NOTIFIED', '10 days', '-2 hours');
    await insert('told-long-ago@example.it', 'NOTIFIED', '10 days', '-25 hours');
    const api = await startApi(db.url, {});
    await api.stop();
    const { rows } = await db.sql.query('SELECT email, email_key FROM waitlist_entry ORDER BY email');
    expect(rows.map((r) => r.email)).toEqual(['told-today@example.it', 'waiting@example.it']);
    // The entries are deleted, not anonymised: no mailbox key of a removed entry is left behind.
    expect(rows.map((r) => r.email_key)).toEqual(['told-today@example.it', 'waiting@example.it']);
  });

  it("uses the office's own retention period where it sets one, and deletes audit rows older than AUDIT_RETENTION_DAYS", async () => {
    const strict = await insertOffice(db.sql, 'STRICT');
    const lax = await insertOffice(db.sql, 'LAX');
    await db.sql.query('UPDATE office_settings SET retention_days = 10 WHERE office_id = $1', [strict.officeId]);
    const insert = (code: string, officeId: string, serviceId: string, daysAgo: number) =>
      db.sql.query(
        `INSERT INTO appointment (id, code, office_id, service_id, start_at, end_at, first_name, last_name, fiscal_code, fiscal_code_key, email, email_key, language, privacy_accepted_at)
         VALUES (gen_random_uuid(), $1, $2, $3, now() - make_interval(days => $4), now() - make_interval(days => $4) + interval '30 minutes',
                 'Maria', 'Rossi', 'RSSMRA85T10A562S', 'RSSMRA85T10A562', 'maria@example.it', 'maria@example.it', 'it', now())`,
        [code, officeId, serviceId, daysAgo],
      );
    await insert('CIE-STR111', strict.officeId, strict.serviceId, 15);
    await insert('CIE-LAX222', lax.officeId, lax.serviceId, 15);
    await db.sql.query(
      `INSERT INTO audit_entry (at, actor_username, action, entity, details) VALUES
         (now() - interval '200 days', 'responsabile', 'UPDATE', 'service', '{}'), (now() - interval '10 days', 'responsabile', 'VIEW', 'agenda', '{}')`,
    );
    const api = await startApi(db.url, { RETENTION_DAYS: '30', AUDIT_RETENTION_DAYS: '180' });
    await api.stop();
    const { rows } = await db.sql.query(
      `SELECT code, fiscal_code_key, email_key, anonymised_at IS NOT NULL AS anonymised FROM appointment WHERE code IN ('CIE-STR111', 'CIE-LAX222') ORDER BY code`,
    );
    expect(rows).toEqual([
      { code: 'CIE-LAX222', fiscal_code_key: 'RSSMRA85T10A562', email_key: 'maria@example.it', anonymised: false },
      { code: 'CIE-STR111', fiscal_code_key: '-', email_key: '-', anonymised: true },
    ]);
    const audit = await db.sql.query('SELECT action FROM audit_entry');
    expect(audit.rows).toEqual([{ action: 'VIEW' }]);
  });
});
