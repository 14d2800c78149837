import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notices1796593321295 implements MigrationInterface {
  name = 'Notices1796593321295';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "notice" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "office_id" uuid NOT NULL,
                "priority" character varying(10) NOT NULL,
                "text_it" character varying(500) NOT NULL,
                "text_en" character varying(500),
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_by" character varying(64),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_notice_priority" CHECK ("priority" IN ('INFO', 'ALERT')),
                CONSTRAINT "ck_notice_order" CHECK ("ends_at" > "starts_at"),
                CONSTRAINT "PK_705062b14410ff1a04998f86d72" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_notice_office_period" ON "notice" ("office_id", "ends_at", "starts_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_notice_office_start" ON "notice" ("office_id", "starts_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "notice"
            ADD CONSTRAINT "FK_f6cfdf34d0818408a33e3363d39" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "notice" DROP CONSTRAINT "FK_f6cfdf34d0818408a33e3363d39"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_notice_office_start"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_notice_office_period"
        `);
    await queryRunner.query(`
            DROP TABLE "notice"
        `);
  }
}
