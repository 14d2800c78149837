import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795772419649 implements MigrationInterface {
  name = 'Init1795772419649';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "office" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(40) NOT NULL,
                "name" character varying(200) NOT NULL,
                "address" character varying(300) NOT NULL,
                "city" character varying(100) NOT NULL,
                "phone" character varying(40),
                "email" character varying(200),
                "time_zone" character varying(64) NOT NULL DEFAULT 'Europe/Rome',
                "patron_saint_month" smallint,
                "patron_saint_day" smallint,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_f327efa51a74e5c588b9df2170d" UNIQUE ("code"),
                CONSTRAINT "PK_200185316ba169fda17e3b6ba00" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "service" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "office_id" uuid NOT NULL,
                "code" character varying(32) NOT NULL,
                "name_it" character varying(200) NOT NULL,
                "name_en" character varying(200) NOT NULL,
                "description_it" text NOT NULL DEFAULT '',
                "description_en" text NOT NULL DEFAULT '',
                "duration_minutes" integer NOT NULL,
                "capacity" integer NOT NULL DEFAULT '1',
                "documents_it" jsonb NOT NULL DEFAULT '[]',
                "documents_en" jsonb NOT NULL DEFAULT '[]',
                "fee_cents" integer,
                "fee_note_it" text,
                "fee_note_en" text,
                "online_url" character varying(500),
                "online_description_it" text,
                "online_description_en" text,
                "sort_order" integer NOT NULL DEFAULT '0',
                "active" boolean NOT NULL DEFAULT true,
                CONSTRAINT "ck_service_capacity" CHECK ("capacity" >= 0),
                CONSTRAINT "ck_service_duration" CHECK ("duration_minutes" > 0),
                CONSTRAINT "PK_85a21558c006647cd76fdce044b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_service_office_code" ON "service" ("office_id", "code")
        `);
    await queryRunner.query(`
            CREATE TABLE "closure" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "office_id" uuid NOT NULL,
                "service_id" uuid,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_closure_order" CHECK ("ends_at" > "starts_at"),
                CONSTRAINT "PK_320f18692cc9062c46e6081d808" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_closure_office_period" ON "closure" ("office_id", "starts_at", "ends_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "office_settings" (
                "office_id" uuid NOT NULL,
                "booking_horizon_days" integer NOT NULL DEFAULT '60',
                "min_notice_minutes" integer NOT NULL DEFAULT '120',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ef0e04bf4354a6fb6ebbf80a5d9" PRIMARY KEY ("office_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "opening_hours" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "office_id" uuid NOT NULL,
                "service_id" uuid,
                "weekday" smallint NOT NULL,
                "start_time" TIME NOT NULL,
                "end_time" TIME NOT NULL,
                CONSTRAINT "ck_opening_hours_order" CHECK ("end_time" > "start_time"),
                CONSTRAINT "ck_opening_hours_weekday" CHECK (
                    "weekday" BETWEEN 1 AND 7
                ),
                CONSTRAINT "PK_09415e2b345103b1f5971464f85" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_opening_hours_office" ON "opening_hours" ("office_id", "weekday")
        `);
    await queryRunner.query(`
            ALTER TABLE "service"
            ADD CONSTRAINT "FK_1806d4f544a928789bf04014478" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "closure"
            ADD CONSTRAINT "FK_0b968de1a9864e4e6c8c7fb8d7c" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "closure"
            ADD CONSTRAINT "FK_dd6a2752180c48f82a3560de753" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD CONSTRAINT "FK_ef0e04bf4354a6fb6ebbf80a5d9" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "opening_hours"
            ADD CONSTRAINT "FK_45c3f11530e8fc17d71b4b00e68" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "opening_hours"
            ADD CONSTRAINT "FK_35e0f630f26ac37a4d160a643c3" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "opening_hours" DROP CONSTRAINT "FK_35e0f630f26ac37a4d160a643c3"
        `);
    await queryRunner.query(`
            ALTER TABLE "opening_hours" DROP CONSTRAINT "FK_45c3f11530e8fc17d71b4b00e68"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP CONSTRAINT "FK_ef0e04bf4354a6fb6ebbf80a5d9"
        `);
    await queryRunner.query(`
            ALTER TABLE "closure" DROP CONSTRAINT "FK_dd6a2752180c48f82a3560de753"
        `);
    await queryRunner.query(`
            ALTER TABLE "closure" DROP CONSTRAINT "FK_0b968de1a9864e4e6c8c7fb8d7c"
        `);
    await queryRunner.query(`
            ALTER TABLE "service" DROP CONSTRAINT "FK_1806d4f544a928789bf04014478"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_opening_hours_office"
        `);
    await queryRunner.query(`
            DROP TABLE "opening_hours"
        `);
    await queryRunner.query(`
            DROP TABLE "office_settings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_closure_office_period"
        `);
    await queryRunner.query(`
            DROP TABLE "closure"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_service_office_code"
        `);
    await queryRunner.query(`
            DROP TABLE "service"
        `);
    await queryRunner.query(`
            DROP TABLE "office"
        `);
  }
}
