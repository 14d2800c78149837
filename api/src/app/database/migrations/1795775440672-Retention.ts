import { MigrationInterface, QueryRunner } from 'typeorm';

export class Retention1795775440672 implements MigrationInterface {
  name = 'Retention1795775440672';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "appointment"
            ADD "anonymised_at" TIMESTAMP WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "appointment" DROP COLUMN "anonymised_at"
        `);
  }
}
