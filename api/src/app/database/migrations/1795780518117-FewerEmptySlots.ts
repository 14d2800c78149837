import { MigrationInterface, QueryRunner } from 'typeorm';

export class FewerEmptySlots1795780518117 implements MigrationInterface {
  name = 'FewerEmptySlots1795780518117';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "waitlist_entry" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "office_id" uuid NOT NULL,
                "service_id" uuid NOT NULL,
                "email" character varying(254) NOT NULL,
                "language" character varying(2) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'WAITING',
                "privacy_accepted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "notified_at" TIMESTAMP WITH TIME ZONE,
                "unsubscribe_token_hash" bytea,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_waitlist_entry_language" CHECK ("language" IN ('it', 'en')),
                CONSTRAINT "ck_waitlist_entry_status" CHECK ("status" IN ('WAITING', 'NOTIFIED')),
                CONSTRAINT "PK_77e5b27d89e0b1795ea07ef32f8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_waitlist_entry_expires" ON "waitlist_entry" ("expires_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_waitlist_entry_token" ON "waitlist_entry" ("unsubscribe_token_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_waitlist_entry_queue" ON "waitlist_entry" ("service_id", "created_at")
            WHERE "status" = 'WAITING'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_waitlist_entry_email" ON "waitlist_entry" ("office_id", "service_id", "email")
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "reconfirm_required" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment"
            ADD "cancel_reason" character varying(16)
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment"
            ADD "confirmed_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment"
            ADD "reconfirm_requested_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "notification"
            ADD "waitlist_entry_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "notification"
            ADD "payload" jsonb
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_appointment_reconfirm_due" ON "appointment" ("start_at")
            WHERE "status" = 'BOOKED'
                AND "confirmed_at" IS NULL
                AND "reconfirm_requested_at" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_notification_waitlist_entry" ON "notification" ("waitlist_entry_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment"
            ADD CONSTRAINT "ck_appointment_cancel_reason" CHECK (
                    "cancel_reason" IN ('CITIZEN', 'RELEASED', 'CLOSURE')
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "notification"
            ADD CONSTRAINT "ck_notification_subject" CHECK (
                    (
                        "kind" = 'WAITLIST'
                        AND "waitlist_entry_id" IS NOT NULL
                        AND "appointment_id" IS NULL
                    )
                    OR (
                        "kind" <> 'WAITLIST'
                        AND "appointment_id" IS NOT NULL
                        AND "waitlist_entry_id" IS NULL
                    )
                )
        `);
    // TypeORM compares CHECK constraints by name: the wider list of kinds is written by hand.
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
    // Every cancellation so far was the citizen's own.
    await queryRunner.query(`
            UPDATE "appointment" SET "cancel_reason" = 'CITIZEN' WHERE "status" = 'CANCELLED'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Rows of the new kinds cannot stay under the old constraint.
    await queryRunner.query(`
            DELETE FROM "notification" WHERE "kind" IN ('RELEASED', 'CLOSURE', 'WAITLIST')
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
                        'RESCHEDULE'
                    )
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "notification" DROP CONSTRAINT "ck_notification_subject"
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment" DROP CONSTRAINT "ck_appointment_cancel_reason"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_notification_waitlist_entry"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_appointment_reconfirm_due"
        `);
    await queryRunner.query(`
            ALTER TABLE "notification" DROP COLUMN "payload"
        `);
    await queryRunner.query(`
            ALTER TABLE "notification" DROP COLUMN "waitlist_entry_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment" DROP COLUMN "reconfirm_requested_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment" DROP COLUMN "confirmed_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment" DROP COLUMN "cancel_reason"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "reconfirm_required"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_waitlist_entry_email"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_waitlist_entry_queue"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_waitlist_entry_token"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_waitlist_entry_expires"
        `);
    await queryRunner.query(`
            DROP TABLE "waitlist_entry"
        `);
  }
}
