import { MigrationInterface, QueryRunner } from 'typeorm';

export class OfficeConfigVersion1795782591149 implements MigrationInterface {
  name = 'OfficeConfigVersion1795782591149';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "office_config_version" (
                "office_id" uuid NOT NULL,
                "version" bigint NOT NULL DEFAULT '1',
                CONSTRAINT "PK_e71ce3ee57f11d66fc495f9dff9" PRIMARY KEY ("office_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "office_config_version"
            ADD CONSTRAINT "FK_e71ce3ee57f11d66fc495f9dff9" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // Written by hand (TypeORM does not model triggers): every change of what makes an
    // office's calendar bumps its counter, whoever makes it.
    await queryRunner.query(`INSERT INTO "office_config_version" ("office_id") SELECT "id" FROM "office"`);
    await queryRunner.query(`
            CREATE FUNCTION "bump_office_config_version"() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                ids uuid[];
            BEGIN
                IF TG_TABLE_NAME = 'office' THEN
                    ids := ARRAY[NEW.id];
                ELSIF TG_OP = 'INSERT' THEN
                    ids := ARRAY[NEW.office_id];
                ELSIF TG_OP = 'DELETE' THEN
                    ids := ARRAY[OLD.office_id];
                ELSE
                    ids := ARRAY[NEW.office_id, OLD.office_id];
                END IF;
                INSERT INTO "office_config_version" ("office_id")
                SELECT DISTINCT o."id" FROM "office" o WHERE o."id" = ANY(ids)
                ON CONFLICT ("office_id") DO UPDATE SET "version" = "office_config_version"."version" + 1;
                RETURN NULL;
            END $$
        `);
    await queryRunner.query(
      `CREATE TRIGGER "office_config_changed" AFTER INSERT OR UPDATE ON "office" FOR EACH ROW EXECUTE FUNCTION "bump_office_config_version"()`,
    );
    for (const table of ['office_settings', 'service', 'opening_hours', 'closure']) {
      await queryRunner.query(
        `CREATE TRIGGER "office_config_changed" AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "bump_office_config_version"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['office', 'office_settings', 'service', 'opening_hours', 'closure']) {
      await queryRunner.query(`DROP TRIGGER "office_config_changed" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "bump_office_config_version"()`);
    await queryRunner.query(`
            ALTER TABLE "office_config_version" DROP CONSTRAINT "FK_e71ce3ee57f11d66fc495f9dff9"
        `);
    await queryRunner.query(`
            DROP TABLE "office_config_version"
        `);
  }
}
