import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795776255650 implements MigrationInterface {
  name = 'Notifications1795776255650';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."uq_appointment_manage_token"
        `);
    await queryRunner.query(`
            CREATE TABLE "manage_token" (
                "token_hash" bytea NOT NULL,
                "appointment_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6d41f97f6c893ca9a588658d0f0" PRIMARY KEY ("token_hash")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_manage_token_appointment" ON "manage_token" ("appointment_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "notification" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "office_id" uuid NOT NULL,
                "appointment_id" uuid,
                "kind" character varying(20) NOT NULL,
                "sequence" integer NOT NULL DEFAULT '0',
                "dedupe_key" character varying(200) NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'PENDING',
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "claimed_until" TIMESTAMP WITH TIME ZONE,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_notification_status" CHECK (
                    "status" IN ('PENDING', 'SENT', 'FAILED', 'SKIPPED')
                ),
                CONSTRAINT "ck_notification_kind" CHECK (
                    "kind" IN (
                        'CONFIRMATION',
                        'REMINDER',
                        'CANCELLATION',
                        'RESCHEDULE'
                    )
                ),
                CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_notification_created" ON "notification" ("created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_notification_appointment" ON "notification" ("appointment_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_notification_pending_due" ON "notification" ("due_at")
            WHERE "status" = 'PENDING'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notification_dedupe_key" ON "notification" ("dedupe_key")
        `);
    // Keep the links already sent working: their hashes move to manage_token.
    await queryRunner.query(`
            INSERT INTO "manage_token" ("token_hash", "appointment_id") SELECT "manage_token_hash", "id" FROM "appointment"
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment" DROP COLUMN "manage_token_hash"
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Each appointment gets back the hash of its first token.
    await queryRunner.query(`
            ALTER TABLE "appointment"
            ADD "manage_token_hash" bytea
        `);
    await queryRunner.query(`
            UPDATE "appointment" a SET "manage_token_hash" = (
                SELECT t."token_hash" FROM "manage_token" t WHERE t."appointment_id" = a."id" ORDER BY t."created_at" LIMIT 1)
        `);
    await queryRunner.query(`
            ALTER TABLE "appointment" ALTER COLUMN "manage_token_hash" SET NOT NULL
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_notification_dedupe_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_notification_pending_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_notification_appointment"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_notification_created"
        `);
    await queryRunner.query(`
            DROP TABLE "notification"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_manage_token_appointment"
        `);
    await queryRunner.query(`
            DROP TABLE "manage_token"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_appointment_manage_token" ON "appointment" USING btree ("manage_token_hash")
        `);
  }
}
