import { MigrationInterface, QueryRunner } from 'typeorm';

export class Channels1796593277303 implements MigrationInterface {
  name = 'Channels1796593277303';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "appointment_channel" (
                "appointment_id" uuid NOT NULL,
                "channel" character varying(16) NOT NULL,
                "target" character varying(200),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_appointment_channel_channel" CHECK ("channel" IN ('IO', 'TELEGRAM', 'WHATSAPP')),
                CONSTRAINT "PK_f48c616276fff033a23cebc35e9" PRIMARY KEY ("appointment_id", "channel")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "io_api_key" character varying(200)
        `);
    await queryRunner.query(`
            ALTER TABLE "notification"
            ADD "channel" character varying(16) NOT NULL DEFAULT 'EMAIL'
        `);
    await queryRunner.query(`
            ALTER TABLE "notification"
            ADD CONSTRAINT "ck_notification_channel" CHECK (
                    "channel" IN ('EMAIL', 'IO', 'TELEGRAM', 'WHATSAPP')
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "notification" DROP CONSTRAINT "ck_notification_channel"
        `);
    await queryRunner.query(`
            ALTER TABLE "notification" DROP COLUMN "channel"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "io_api_key"
        `);
    await queryRunner.query(`
            DROP TABLE "appointment_channel"
        `);
  }
}
