import { MigrationInterface, QueryRunner } from 'typeorm';

export class Booking1795772990973 implements MigrationInterface {
  name = 'Booking1795772990973';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "slot_seat" (
                "service_id" uuid NOT NULL,
                "start_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "seat_no" smallint NOT NULL,
                "office_id" uuid NOT NULL,
                "end_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "claim_kind" character varying(16),
                "claim_id" uuid,
                "claim_expires_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ck_slot_seat_hold_expiry" CHECK (
                    ("claim_kind" = 'HOLD') = ("claim_expires_at" IS NOT NULL)
                ),
                CONSTRAINT "ck_slot_seat_claim" CHECK (
                    (
                        "claim_kind" IS NULL
                        AND "claim_id" IS NULL
                    )
                    OR (
                        "claim_kind" IS NOT NULL
                        AND "claim_id" IS NOT NULL
                    )
                ),
                CONSTRAINT "PK_019c91d8dfe381f899b374011af" PRIMARY KEY ("service_id", "start_at", "seat_no")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_slot_seat_claim" ON "slot_seat" ("claim_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_slot_seat_office_start" ON "slot_seat" ("office_id", "start_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "appointment" (
                "id" uuid NOT NULL,
                "code" character varying(20) NOT NULL,
                "office_id" uuid NOT NULL,
                "service_id" uuid NOT NULL,
                "start_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "end_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'BOOKED',
                "first_name" character varying(100) NOT NULL,
                "last_name" character varying(100) NOT NULL,
                "fiscal_code" character varying(16) NOT NULL,
                "email" character varying(254) NOT NULL,
                "phone" character varying(30),
                "notes" character varying(200),
                "language" character varying(2) NOT NULL,
                "manage_token_hash" bytea NOT NULL,
                "sequence" integer NOT NULL DEFAULT '0',
                "privacy_accepted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_appointment_language" CHECK ("language" IN ('it', 'en')),
                CONSTRAINT "ck_appointment_status" CHECK ("status" IN ('BOOKED', 'CANCELLED')),
                CONSTRAINT "PK_e8be1a53027415e709ce8a2db74" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_appointment_service_fiscal_code" ON "appointment" ("service_id", "fiscal_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_appointment_office_start" ON "appointment" ("office_id", "start_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_appointment_manage_token" ON "appointment" ("manage_token_hash")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_appointment_code" ON "appointment" ("code")
        `);
    await queryRunner.query(`
            CREATE TABLE "hold" (
                "id" uuid NOT NULL,
                "office_id" uuid NOT NULL,
                "service_id" uuid NOT NULL,
                "start_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "client_key" character varying(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "appointment_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d955539abc6b1b33382b0d34f1b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_hold_client_expiry" ON "hold" ("client_key", "expires_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "idempotency_record" (
                "key" character varying(200) NOT NULL,
                "request_hash" character varying(64) NOT NULL,
                "response_status" smallint NOT NULL,
                "response_body" json NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c30d9b595b0c4bf59cc03ce604c" PRIMARY KEY ("key")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "idempotency_record"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_hold_client_expiry"
        `);
    await queryRunner.query(`
            DROP TABLE "hold"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_appointment_code"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_appointment_manage_token"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_appointment_office_start"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_appointment_service_fiscal_code"
        `);
    await queryRunner.query(`
            DROP TABLE "appointment"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_slot_seat_office_start"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_slot_seat_claim"
        `);
    await queryRunner.query(`
            DROP TABLE "slot_seat"
        `);
  }
}
