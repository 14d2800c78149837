import { MigrationInterface, QueryRunner } from 'typeorm';

export class CitizenSignIn1796315572223 implements MigrationInterface {
  name = 'CitizenSignIn1796315572223';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "citizen_session" (
                "token_hash" bytea NOT NULL,
                "fiscal_code" character varying(16) NOT NULL,
                "fiscal_code_key" character varying(16) NOT NULL,
                "first_name" character varying(100) NOT NULL,
                "last_name" character varying(100) NOT NULL,
                "email" character varying(254),
                "id_token" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_94f2f0f6992f24a103a10760d58" PRIMARY KEY ("token_hash")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_citizen_session_expires" ON "citizen_session" ("expires_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "citizen_login" (
                "browser_hash" bytea NOT NULL,
                "state" character varying(64) NOT NULL,
                "nonce" character varying(64) NOT NULL,
                "code_verifier" character varying(128) NOT NULL,
                "return_to" character varying(500) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_afa4a64844b2d1d0a4b5b9ee981" PRIMARY KEY ("browser_hash")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_citizen_login_expires" ON "citizen_login" ("expires_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "service"
            ADD "sign_in_required" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_appointment_fiscal_code_key" ON "appointment" ("fiscal_code_key")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."ix_appointment_fiscal_code_key"
        `);
    await queryRunner.query(`
            ALTER TABLE "service" DROP COLUMN "sign_in_required"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_citizen_login_expires"
        `);
    await queryRunner.query(`
            DROP TABLE "citizen_login"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_citizen_session_expires"
        `);
    await queryRunner.query(`
            DROP TABLE "citizen_session"
        `);
  }
}
