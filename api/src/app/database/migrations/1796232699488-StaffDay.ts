import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The front desk's day (issue 13): the REOPENED ticket event (an undone no-show or
 * completion) and the audit action UNDO (the sign-ins came with the hardening's migration). TypeORM does not
 * diff CHECK expressions, so this one is written by hand; api/test/schema.int-spec.ts
 * compares the constraints with the entities' lists.
 */
export class StaffDay1796232699488 implements MigrationInterface {
  name = 'StaffDay1796232699488';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ticket_event" DROP CONSTRAINT "ck_ticket_event_type"`);
    await queryRunner.query(
      `ALTER TABLE "ticket_event" ADD CONSTRAINT "ck_ticket_event_type" CHECK ("type" IN ('ISSUED', 'CHECKED_IN', 'CALLED', 'RECALLED', 'STARTED', 'COMPLETED', 'NO_SHOW', 'TRANSFERRED', 'CANCELLED', 'REOPENED'))`,
    );
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "ck_audit_entry_action"`);
    await queryRunner.query(
      `ALTER TABLE "audit_entry" ADD CONSTRAINT "ck_audit_entry_action" CHECK ("action" IN ('CREATE', 'UPDATE', 'DELETE', 'VIEW', 'EXPORT', 'CHECK_IN', 'PASSWORD_RESET', 'LOGIN', 'LOGOUT', 'LOGIN_FAILED', 'LOCKED_OUT', 'UNDO'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "ticket_event" WHERE "type" = 'REOPENED'`);
    await queryRunner.query(`ALTER TABLE "ticket_event" DROP CONSTRAINT "ck_ticket_event_type"`);
    await queryRunner.query(
      `ALTER TABLE "ticket_event" ADD CONSTRAINT "ck_ticket_event_type" CHECK ("type" IN ('ISSUED', 'CHECKED_IN', 'CALLED', 'RECALLED', 'STARTED', 'COMPLETED', 'NO_SHOW', 'TRANSFERRED', 'CANCELLED'))`,
    );
    await queryRunner.query(`DELETE FROM "audit_entry" WHERE "action" = 'UNDO'`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "ck_audit_entry_action"`);
    await queryRunner.query(
      `ALTER TABLE "audit_entry" ADD CONSTRAINT "ck_audit_entry_action" CHECK ("action" IN ('CREATE', 'UPDATE', 'DELETE', 'VIEW', 'EXPORT', 'CHECK_IN', 'PASSWORD_RESET', 'LOGIN', 'LOGOUT', 'LOGIN_FAILED', 'LOCKED_OUT'))`,
    );
  }
}
