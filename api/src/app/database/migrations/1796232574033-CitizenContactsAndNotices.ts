import { MigrationInterface, QueryRunner } from 'typeorm';

export class CitizenContactsAndNotices1796232574033 implements MigrationInterface {
  name = 'CitizenContactsAndNotices1796232574033';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "office"
            ADD "latitude" double precision
        `);
    await queryRunner.query(`
            ALTER TABLE "office"
            ADD "longitude" double precision
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "privacy_controller" character varying(300)
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "privacy_controller_email" character varying(200)
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "privacy_dpo_name" character varying(200)
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "privacy_dpo_email" character varying(200)
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "privacy_purposes_it" text
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "privacy_purposes_en" text
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "privacy_legal_basis_it" text
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "privacy_legal_basis_en" text
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "privacy_recipients_it" text
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "privacy_recipients_en" text
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "accessibility_declaration_url" character varying(500)
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings"
            ADD "accessibility_feedback_email" character varying(200)
        `);
    await queryRunner.query(`
            ALTER TABLE "office"
            ADD CONSTRAINT "ck_office_location" CHECK (
                    ("latitude" IS NULL) = ("longitude" IS NULL)
                    AND (
                        "latitude" IS NULL
                        OR (
                            "latitude" BETWEEN -90 AND 90
                            AND "longitude" BETWEEN -180 AND 180
                        )
                    )
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "office" DROP CONSTRAINT "ck_office_location"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "accessibility_feedback_email"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "accessibility_declaration_url"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "privacy_recipients_en"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "privacy_recipients_it"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "privacy_legal_basis_en"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "privacy_legal_basis_it"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "privacy_purposes_en"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "privacy_purposes_it"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "privacy_dpo_email"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "privacy_dpo_name"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "privacy_controller_email"
        `);
    await queryRunner.query(`
            ALTER TABLE "office_settings" DROP COLUMN "privacy_controller"
        `);
    await queryRunner.query(`
            ALTER TABLE "office" DROP COLUMN "longitude"
        `);
    await queryRunner.query(`
            ALTER TABLE "office" DROP COLUMN "latitude"
        `);
  }
}
