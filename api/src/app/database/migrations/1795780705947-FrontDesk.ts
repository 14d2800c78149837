import { MigrationInterface, QueryRunner } from 'typeorm';

export class FrontDesk1795780705947 implements MigrationInterface {
  name = 'FrontDesk1795780705947';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "desk" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "office_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "name" character varying(60) NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "paused" boolean NOT NULL DEFAULT false,
                CONSTRAINT "PK_e6f737f60f3b11ef487d158831d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_desk_office_number" ON "desk" ("office_id", "number")
        `);
    await queryRunner.query(`
            CREATE TABLE "desk_service" (
                "desk_id" uuid NOT NULL,
                "service_id" uuid NOT NULL,
                CONSTRAINT "PK_36d54f7e2f740ccc7ecff5b031b" PRIMARY KEY ("desk_id", "service_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "ticket" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "office_id" uuid NOT NULL,
                "service_id" uuid NOT NULL,
                "day" date NOT NULL,
                "prefix" character varying(3) NOT NULL,
                "number" integer NOT NULL,
                "display_number" character varying(12) NOT NULL,
                "kind" character varying(12) NOT NULL,
                "appointment_id" uuid,
                "priority" boolean NOT NULL DEFAULT false,
                "holder_name" character varying(100),
                "status" character varying(16) NOT NULL DEFAULT 'WAITING',
                "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "called_at" TIMESTAMP WITH TIME ZONE,
                "started_at" TIMESTAMP WITH TIME ZONE,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "desk_id" uuid,
                "call_count" integer NOT NULL DEFAULT '0',
                "outcome" character varying(40),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_ticket_status" CHECK (
                    "status" IN (
                        'WAITING',
                        'CALLED',
                        'IN_SERVICE',
                        'DONE',
                        'NO_SHOW',
                        'CANCELLED'
                    )
                ),
                CONSTRAINT "ck_ticket_kind" CHECK ("kind" IN ('APPOINTMENT', 'WALK_IN')),
                CONSTRAINT "PK_d9a0835407701eb86f874474b7c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ticket_office_day_status" ON "ticket" ("office_id", "day", "status")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_ticket_appointment" ON "ticket" ("appointment_id")
            WHERE "appointment_id" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_ticket_number" ON "ticket" ("office_id", "day", "prefix", "number")
        `);
    await queryRunner.query(`
            CREATE TABLE "ticket_counter" (
                "office_id" uuid NOT NULL,
                "day" date NOT NULL,
                "prefix" character varying(3) NOT NULL,
                "last_number" integer NOT NULL,
                CONSTRAINT "PK_6077a428f8d13ea61f48259ef09" PRIMARY KEY ("office_id", "day", "prefix")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "ticket_event" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "ticket_id" uuid NOT NULL,
                "office_id" uuid NOT NULL,
                "service_id" uuid NOT NULL,
                "type" character varying(16) NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "desk_id" uuid,
                "staff_user_id" uuid,
                "outcome" character varying(40),
                CONSTRAINT "ck_ticket_event_type" CHECK (
                    "type" IN (
                        'ISSUED',
                        'CHECKED_IN',
                        'CALLED',
                        'RECALLED',
                        'STARTED',
                        'COMPLETED',
                        'NO_SHOW',
                        'TRANSFERRED',
                        'CANCELLED'
                    )
                ),
                CONSTRAINT "PK_902a22d2110174b48925314c875" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ticket_event_ticket" ON "ticket_event" ("ticket_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_ticket_event_office_at" ON "ticket_event" ("office_id", "at")
        `);
    await queryRunner.query(`
            ALTER TABLE "service"
            ADD "ticket_prefix" character varying(3) NOT NULL DEFAULT 'A'
        `);
    await queryRunner.query(`
            ALTER TABLE "service"
            ADD "outcomes" jsonb NOT NULL DEFAULT '[]'
        `);
    await queryRunner.query(`
            ALTER TABLE "desk"
            ADD CONSTRAINT "FK_820e04a607b83af91d53eeffe79" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "desk_service"
            ADD CONSTRAINT "FK_a4412e02f23b9e7cf50548f5a59" FOREIGN KEY ("desk_id") REFERENCES "desk"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "desk_service"
            ADD CONSTRAINT "FK_e852672b9eecb9c06972a524770" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "ticket"
            ADD CONSTRAINT "FK_d036084fea00c360c6a0208b909" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "ticket"
            ADD CONSTRAINT "FK_eed435eefebd537c4a5423c99e4" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "ticket" DROP CONSTRAINT "FK_eed435eefebd537c4a5423c99e4"
        `);
    await queryRunner.query(`
            ALTER TABLE "ticket" DROP CONSTRAINT "FK_d036084fea00c360c6a0208b909"
        `);
    await queryRunner.query(`
            ALTER TABLE "desk_service" DROP CONSTRAINT "FK_e852672b9eecb9c06972a524770"
        `);
    await queryRunner.query(`
            ALTER TABLE "desk_service" DROP CONSTRAINT "FK_a4412e02f23b9e7cf50548f5a59"
        `);
    await queryRunner.query(`
            ALTER TABLE "desk" DROP CONSTRAINT "FK_820e04a607b83af91d53eeffe79"
        `);
    await queryRunner.query(`
            ALTER TABLE "service" DROP COLUMN "outcomes"
        `);
    await queryRunner.query(`
            ALTER TABLE "service" DROP COLUMN "ticket_prefix"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_ticket_event_office_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_ticket_event_ticket"
        `);
    await queryRunner.query(`
            DROP TABLE "ticket_event"
        `);
    await queryRunner.query(`
            DROP TABLE "ticket_counter"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_ticket_number"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_ticket_appointment"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_ticket_office_day_status"
        `);
    await queryRunner.query(`
            DROP TABLE "ticket"
        `);
    await queryRunner.query(`
            DROP TABLE "desk_service"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_desk_office_number"
        `);
    await queryRunner.query(`
            DROP TABLE "desk"
        `);
  }
}
