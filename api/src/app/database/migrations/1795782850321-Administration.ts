import { MigrationInterface, QueryRunner } from 'typeorm';

export class Administration1795782850321 implements MigrationInterface {
  name = 'Administration1795782850321';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_entry" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_id" uuid,
                "actor_username" character varying(64),
                "actor_role" character varying(16),
                "action" character varying(16) NOT NULL,
                "entity" character varying(32) NOT NULL,
                "entity_id" character varying(64),
                "office_id" uuid,
                "details" jsonb NOT NULL DEFAULT '{}',
                CONSTRAINT "ck_audit_entry_action" CHECK (
                    "action" IN (
                        'CREATE',
                        'UPDATE',
                        'DELETE',
                        'VIEW',
                        'EXPORT',
                        'CHECK_IN',
                        'PASSWORD_RESET'
                    )
                ),
                CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_entry_entity_at" ON "audit_entry" ("entity", "at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_entry_actor_at" ON "audit_entry" ("actor_id", "at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_entry_at" ON "audit_entry" ("at")
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "hold_minutes" integer
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "cancel_cutoff_hours" integer
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "reminder_hours_before" integer
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "max_active_per_cf" integer
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "retention_days" integer
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "mandate_start" date
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "mandate_end" date
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD CONSTRAINT "ck_office_settings_mandate" CHECK (
                    "mandate_start" IS NULL
                    OR "mandate_end" IS NULL
                    OR "mandate_end" > "mandate_start"
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD CONSTRAINT "ck_office_settings_retention" CHECK (
                    "retention_days" IS NULL
                    OR "retention_days" BETWEEN 1 AND 3650
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD CONSTRAINT "ck_office_settings_per_cf" CHECK (
                    "max_active_per_cf" IS NULL
                    OR "max_active_per_cf" BETWEEN 1 AND 50
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD CONSTRAINT "ck_office_settings_reminder" CHECK (
                    "reminder_hours_before" IS NULL
                    OR "reminder_hours_before" BETWEEN 1 AND 720
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD CONSTRAINT "ck_office_settings_cutoff" CHECK (
                    "cancel_cutoff_hours" IS NULL
                    OR "cancel_cutoff_hours" BETWEEN 0 AND 720
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD CONSTRAINT "ck_office_settings_hold" CHECK (
                    "hold_minutes" IS NULL
                    OR "hold_minutes" BETWEEN 1 AND 120
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD CONSTRAINT "ck_office_settings_notice" CHECK ("min_notice_minutes" >= 0)
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD CONSTRAINT "ck_office_settings_horizon" CHECK (
                    "booking_horizon_days" BETWEEN 1 AND 730
                )
        `);
    // TypeORM compares CHECK constraints by name: the wider lists are written by hand.
    await queryRunner.query(`
            ALTER TABLE "appointment" DROP CONSTRAINT "ck_appointment_cancel_reason"
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment"
            ADD CONSTRAINT "ck_appointment_cancel_reason" CHECK (
                    "cancel_reason" IN ('CITIZEN', 'RELEASED', 'CLOSURE', 'OFFICE_CHANGE')
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "notification" DROP CONSTRAINT "ck_notification_kind"
        `);
    await queryRunner.query(`
            ALTER TABLE "notification"
            ADD CONSTRAINT "ck_notification_kind" CHECK (
                    "kind" IN (
                        'CONFIRMATION',
                        'REMINDER',
                        'CANCELLATION',
                        'RESCHEDULE',
                        'RELEASED',
                        'CLOSURE',
                        'OFFICE_CHANGE',
                        'WAITLIST'
                    )
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Rows of the new kind and reason cannot stay under the old constraints.
    await queryRunner.query(`
            DELETE FROM "notification" WHERE "kind" = 'OFFICE_CHANGE'
        `);
    await queryRunner.query(`
            ALTER TABLE "notification" DROP CONSTRAINT "ck_notification_kind"
        `);
    await queryRunner.query(`
            ALTER TABLE "notification"
            ADD CONSTRAINT "ck_notification_kind" CHECK (
                    "kind" IN (
                        'CONFIRMATION',
                        'REMINDER',
                        'CANCELLATION',
                        'RESCHEDULE',
                        'RELEASED',
                        'CLOSURE',
                        'WAITLIST'
                    )
                )
        `);
    await queryRunner.query(`
            UPDATE "appointment" SET "cancel_reason" = 'CLOSURE' WHERE "cancel_reason" = 'OFFICE_CHANGE'
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment" DROP CONSTRAINT "ck_appointment_cancel_reason"
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment"
            ADD CONSTRAINT "ck_appointment_cancel_reason" CHECK (
                    "cancel_reason" IN ('CITIZEN', 'RELEASED', 'CLOSURE')
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP CONSTRAINT "ck_office_settings_horizon"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP CONSTRAINT "ck_office_settings_notice"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP CONSTRAINT "ck_office_settings_hold"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP CONSTRAINT "ck_office_settings_cutoff"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP CONSTRAINT "ck_office_settings_reminder"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP CONSTRAINT "ck_office_settings_per_cf"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP CONSTRAINT "ck_office_settings_retention"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP CONSTRAINT "ck_office_settings_mandate"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "mandate_end"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "mandate_start"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "retention_days"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "max_active_per_cf"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "reminder_hours_before"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "cancel_cutoff_hours"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "hold_minutes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_entry_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_entry_actor_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_entry_entity_at"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_entry"
        `);
  }
}
