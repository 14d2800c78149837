import { MigrationInterface, QueryRunner } from 'typeorm';

export class Hardening1796232680938 implements MigrationInterface {
  name = 'Hardening1796232680938';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_appointment_service_fiscal_code"
        `);
    await queryRunner.query(`
            CREATE TABLE "staff_login_failure" (
                "staff_user_id" uuid NOT NULL,
                "scope" character varying(8) NOT NULL,
                "client_key" bytea NOT NULL,
                "failed_attempts" integer NOT NULL,
                "first_failed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "stale_after" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "ck_staff_login_failure_scope" CHECK ("scope" IN ('ADDRESS', 'DEVICE')),
                CONSTRAINT "PK_76c5897203a29cace7f1f12da9f" PRIMARY KEY ("staff_user_id", "scope", "client_key")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_staff_login_failure_stale" ON "staff_login_failure" ("stale_after")
        `);
    await queryRunner.query(`
            CREATE TABLE "server_secret" (
                "name" character varying(32) NOT NULL,
                "value" bytea NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8b694669d056ba2de744df598d1" PRIMARY KEY ("name")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "used_challenge" (
                "challenge_hash" bytea NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_c2b6427d39c7f3834535fa60d2f" PRIMARY KEY ("challenge_hash")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_used_challenge_expires" ON "used_challenge" ("expires_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment"
            ADD "fiscal_code_key" character varying(16)
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment"
            ADD "email_key" character varying(254)
        `);
    // Written by hand: the keys of the rows already there, as fiscalCodeKey and emailKey of
    // libs/domain compute them (omocodia letters back to digits at 1-based positions 7, 8,
    // 10, 11, 13, 14 and 15, without the check character; the e-mail in lower case without
    // a +tag, Gmail without dots). Anonymised rows ('-') stay '-'.
    await queryRunner.query(`
            UPDATE "appointment" SET
              "fiscal_code_key" = CASE WHEN "fiscal_code" ~ '^[A-Z0-9]{16}$' THEN
                  substr("fiscal_code", 1, 6)
                  || translate(substr("fiscal_code", 7, 2), 'LMNPQRSTUV', '0123456789')
                  || substr("fiscal_code", 9, 1)
                  || translate(substr("fiscal_code", 10, 2), 'LMNPQRSTUV', '0123456789')
                  || substr("fiscal_code", 12, 1)
                  || translate(substr("fiscal_code", 13, 3), 'LMNPQRSTUV', '0123456789')
                ELSE "fiscal_code" END,
              "email_key" = CASE WHEN position('@' in "email") > 1 THEN
                  (CASE WHEN split_part(lower("email"), '@', 2) IN ('gmail.com', 'googlemail.com')
                        THEN replace(regexp_replace(split_part(lower("email"), '@', 1), '^([^+]+)\\+.*$', '\\1'), '.', '')
                        ELSE regexp_replace(split_part(lower("email"), '@', 1), '^([^+]+)\\+.*$', '\\1') END)
                  || '@' || (CASE WHEN split_part(lower("email"), '@', 2) = 'googlemail.com' THEN 'gmail.com' ELSE split_part(lower("email"), '@', 2) END)
                ELSE lower("email") END
        `);
    await queryRunner.query(`ALTER TABLE "appointment" ALTER COLUMN "fiscal_code_key" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "appointment" ALTER COLUMN "email_key" SET NOT NULL`);
    // The waitlist keeps one place per mailbox, like the booking limit (the same expression).
    await queryRunner.query(`ALTER TABLE "waitlist_entry" ADD "email_key" character varying(254)`);
    await queryRunner.query(`
            UPDATE "waitlist_entry" SET "email_key" =
              (CASE WHEN split_part("email", '@', 2) IN ('gmail.com', 'googlemail.com')
                    THEN replace(regexp_replace(split_part("email", '@', 1), '^([^+]+)\\+.*$', '\\1'), '.', '')
                    ELSE regexp_replace(split_part("email", '@', 1), '^([^+]+)\\+.*$', '\\1') END)
              || '@' || (CASE WHEN split_part("email", '@', 2) = 'googlemail.com' THEN 'gmail.com' ELSE split_part("email", '@', 2) END)
        `);
    // Entries that are now one mailbox: the oldest keeps its place.
    await queryRunner.query(`
            DELETE FROM "waitlist_entry" w USING "waitlist_entry" o
             WHERE w."office_id" = o."office_id" AND w."service_id" = o."service_id" AND w."email_key" = o."email_key"
               AND (w."created_at", w."id") > (o."created_at", o."id")
        `);
    await queryRunner.query(`ALTER TABLE "waitlist_entry" ALTER COLUMN "email_key" SET NOT NULL`);
    await queryRunner.query(`DROP INDEX "public"."uq_waitlist_entry_email"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_waitlist_entry_email_key" ON "waitlist_entry" ("office_id", "service_id", "email_key")`);
    // Staff sign-ins in the audit log (TypeORM does not see a changed CHECK expression).
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "ck_audit_entry_action"`);
    await queryRunner.query(`
            ALTER TABLE "audit_entry" ADD CONSTRAINT "ck_audit_entry_action" CHECK ("action" IN (
                'CREATE', 'UPDATE', 'DELETE', 'VIEW', 'EXPORT', 'CHECK_IN', 'PASSWORD_RESET', 'LOGIN', 'LOGOUT', 'LOGIN_FAILED', 'LOCKED_OUT'
            ))
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_appointment_office_email_key" ON "appointment" ("office_id", "email_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_appointment_service_fiscal_code_key" ON "appointment" ("service_id", "fiscal_code_key")
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_login_failure"
            ADD CONSTRAINT "FK_7e54798ad022aef5a5f11b02e5e" FOREIGN KEY ("staff_user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "audit_entry" WHERE "action" IN ('LOGIN', 'LOGOUT', 'LOGIN_FAILED', 'LOCKED_OUT')`);
    await queryRunner.query(`DROP INDEX "public"."uq_waitlist_entry_email_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_waitlist_entry_email" ON "waitlist_entry" ("office_id", "service_id", "email")`);
    await queryRunner.query(`ALTER TABLE "waitlist_entry" DROP COLUMN "email_key"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "ck_audit_entry_action"`);
    await queryRunner.query(`
            ALTER TABLE "audit_entry" ADD CONSTRAINT "ck_audit_entry_action" CHECK ("action" IN ('CREATE', 'UPDATE', 'DELETE', 'VIEW', 'EXPORT', 'CHECK_IN', 'PASSWORD_RESET'))
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_login_failure" DROP CONSTRAINT "FK_7e54798ad022aef5a5f11b02e5e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_appointment_service_fiscal_code_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_appointment_office_email_key"
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment" DROP COLUMN "email_key"
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment" DROP COLUMN "fiscal_code_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_used_challenge_expires"
        `);
    await queryRunner.query(`
            DROP TABLE "used_challenge"
        `);
    await queryRunner.query(`
            DROP TABLE "server_secret"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_staff_login_failure_stale"
        `);
    await queryRunner.query(`
            DROP TABLE "staff_login_failure"
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_appointment_service_fiscal_code" ON "appointment" USING btree ("fiscal_code", "service_id")
        `);
  }
}
