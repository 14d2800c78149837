import { MigrationInterface, QueryRunner } from 'typeorm';

export class Auth1795780569718 implements MigrationInterface {
  name = 'Auth1795780569718';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "staff_user" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "username" character varying(64) NOT NULL,
                "display_name" character varying(120) NOT NULL,
                "role" character varying(16) NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "password_hash" character varying(255) NOT NULL,
                "failed_attempts" integer NOT NULL DEFAULT '0',
                "first_failed_at" TIMESTAMP WITH TIME ZONE,
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_staff_user_username_lower" CHECK ("username" = lower("username")),
                CONSTRAINT "ck_staff_user_role" CHECK (
                    "role" IN ('operator', 'manager', 'admin', 'kiosk')
                ),
                CONSTRAINT "PK_cec9365d9fc3a3409158b645f2e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_staff_user_username" ON "staff_user" ("username")
        `);
    await queryRunner.query(`
            CREATE TABLE "staff_user_office" (
                "staff_user_id" uuid NOT NULL,
                "office_id" uuid NOT NULL,
                CONSTRAINT "PK_f4c466e15c04ad662296736874a" PRIMARY KEY ("staff_user_id", "office_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_staff_user_office_office" ON "staff_user_office" ("office_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "staff_session" (
                "token_hash" bytea NOT NULL,
                "staff_user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_bd04302ff5686f90da181a7176d" PRIMARY KEY ("token_hash")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_staff_session_expires" ON "staff_session" ("expires_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_staff_session_user" ON "staff_session" ("staff_user_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_user_office"
            ADD CONSTRAINT "FK_dd6227810cffae126b0421427e1" FOREIGN KEY ("staff_user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_user_office"
            ADD CONSTRAINT "FK_c14678a3535858dc8cf2ca7fad1" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_session"
            ADD CONSTRAINT "FK_a22a2e34ae99521fce06336f06e" FOREIGN KEY ("staff_user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "staff_session" DROP CONSTRAINT "FK_a22a2e34ae99521fce06336f06e"
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_user_office" DROP CONSTRAINT "FK_c14678a3535858dc8cf2ca7fad1"
        `);
    await queryRunner.query(`
            ALTER TABLE "staff_user_office" DROP CONSTRAINT "FK_dd6227810cffae126b0421427e1"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_staff_session_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_staff_session_expires"
        `);
    await queryRunner.query(`
            DROP TABLE "staff_session"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_staff_user_office_office"
        `);
    await queryRunner.query(`
            DROP TABLE "staff_user_office"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_staff_user_username"
        `);
    await queryRunner.query(`
            DROP TABLE "staff_user"
        `);
  }
}
