import { MigrationInterface, QueryRunner } from 'typeorm';

export class Stats1795782993995 implements MigrationInterface {
  name = 'Stats1795782993995';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "stats_monthly" (
                "office_id" uuid NOT NULL,
                "month" character(7) NOT NULL,
                "metric" character varying(32) NOT NULL,
                "value" integer NOT NULL,
                "source" character varying(8) NOT NULL,
                "updated_by" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_stats_monthly_source" CHECK ("source" IN ('import', 'manual')),
                CONSTRAINT "ck_stats_monthly_value" CHECK ("value" >= 0),
                CONSTRAINT "ck_stats_monthly_metric" CHECK (
                    "metric" IN (
                        'appointments_attended',
                        'walk_ins',
                        'phone_calls',
                        'residency_online',
                        'residency_desk',
                        'cie_issued',
                        'spid_issued'
                    )
                ),
                CONSTRAINT "ck_stats_monthly_month" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
                CONSTRAINT "PK_ebfeef6e692c27c02aca512cfc7" PRIMARY KEY ("office_id", "month", "metric")
            )
        `);
    // The mandate columns may already exist: the administration pages' migration adds
    // the same setting. IF NOT EXISTS keeps this migration right on either history.
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD COLUMN IF NOT EXISTS "mandate_start" date
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD COLUMN IF NOT EXISTS "mandate_end" date
        `);
    await queryRunner.query(`
            ALTER TABLE "ticket"
            ADD "first_called_at" TIMESTAMP WITH TIME ZONE
        `);
    // Tickets called before this migration: their first call is in the event log.
    await queryRunner.query(`
            UPDATE "ticket" t SET "first_called_at" = e.first_call
              FROM (SELECT ticket_id, min(at) AS first_call FROM ticket_event WHERE type = 'CALLED' GROUP BY ticket_id) e
             WHERE e.ticket_id = t.id
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ticket_holder_name_day" ON "ticket" ("day")
            WHERE "holder_name" IS NOT NULL
        `);
    await queryRunner.query(`
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'ck_office_settings_mandate') THEN
                ALTER TABLE "office_settings"
                ADD CONSTRAINT "ck_office_settings_mandate" CHECK (
                        ("mandate_start" IS NULL) = ("mandate_end" IS NULL)
                        AND (
                            "mandate_start" IS NULL
                            OR "mandate_start" <= "mandate_end"
                        )
                    );
              END IF;
            END $$
        `);
    await queryRunner.query(`
            ALTER TABLE "stats_monthly"
            ADD CONSTRAINT "FK_d9883729dd64c53fd34c939b1c5" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "stats_monthly" DROP CONSTRAINT "FK_d9883729dd64c53fd34c939b1c5"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP CONSTRAINT "ck_office_settings_mandate"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_ticket_holder_name_day"
        `);
    await queryRunner.query(`
            ALTER TABLE "ticket" DROP COLUMN "first_called_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "mandate_end"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "mandate_start"
        `);
    await queryRunner.query(`
            DROP TABLE "stats_monthly"
        `);
  }
}
