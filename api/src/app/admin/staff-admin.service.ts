import { Injectable, Logger } from '@nestjs/common';
import type { AdminStaffUserDto, StaffUserCreateInput, StaffUserUpdateInput } from '@sportello/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuditActor } from '../audit/audit.service';
import { changedFields } from '../audit/audit-details';
import { hashPassword } from '../auth/password';
import { createStaffUser } from '../auth/staff-accounts';
import { ApiError } from '../common/api-error';
import type { FieldProblem } from '../common/api-error';
import { Clock } from '../common/clock';
import { AdminRepository, StaffRow } from './admin.repository';
import { requireStrongPassword } from './admin.validation';

/**
 * Staff accounts (admins only): create with a password, role and offices; change them;
 * deactivate (the open sessions stop at once); reset a password (which also unlocks the
 * account and ends its sessions). Nobody deactivates their own account or changes its role,
 * so there is always an admin left. Passwords and hashes never reach the audit log or logs.
 */
@Injectable()
export class StaffAdminService {
  private readonly logger = new Logger('Administration');

  constructor(
    private readonly repository: AdminRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<AdminStaffUserDto[]> {
    return (await this.repository.listStaff()).map((r) => this.toDto(r));
  }

  async create(actor: AuditActor, input: StaffUserCreateInput): Promise<AdminStaffUserDto> {
    await this.checkOffices(input.officeIds);
    const id = await this.repository.transaction(async (tx) => {
      const created = await createStaffUser(tx, input);
      if (!created) throw ApiError.validation([{ field: 'username', key: 'staff.usernameTaken' }]);
      const user = this.toDto((await this.repository.lockStaff(tx, created)) as StaffRow);
      await this.audit.record(actor, { action: 'CREATE', entity: 'staff_user', entityId: created, details: { after: summary(user) } }, tx);
      return created;
    });
    this.logger.log(`staff account ${id} created by ${actor.id}`);
    return this.get(id);
  }

  async update(actor: AuditActor, id: string, input: StaffUserUpdateInput): Promise<AdminStaffUserDto> {
    await this.checkOffices(input.officeIds);
    await this.repository.transaction(async (tx) => {
      const current = await this.repository.lockStaff(tx, id);
      if (!current) throw ApiError.notFound('staff.notFound', 'userId');
      if (id === actor.id) {
        const problems: FieldProblem[] = [];
        if (input.role !== current.role) problems.push({ field: 'role', key: 'staff.self' });
        if (!input.active) problems.push({ field: 'active', key: 'staff.self' });
        if (problems.length > 0) throw ApiError.validation(problems);
      }
      const before = summary(this.toDto(current));
      await this.repository.updateStaff(tx, id, input);
      // Deactivated: open sessions stop now (the guard also checks `active` on every request).
      if (!input.active) await this.repository.deleteSessions(tx, id);
      const after = summary(this.toDto((await this.repository.lockStaff(tx, id)) as StaffRow));
      const changes = changedFields(before, after);
      if (Object.keys(changes).length > 0)
        await this.audit.record(actor, { action: 'UPDATE', entity: 'staff_user', entityId: id, details: { username: current.username, changes } }, tx);
    });
    return this.get(id);
  }

  async resetPassword(actor: AuditActor, id: string, password: string): Promise<void> {
    const account = (await this.repository.listStaff(id))[0];
    if (!account) throw ApiError.notFound('staff.notFound', 'userId');
    requireStrongPassword(password, { username: account.username, displayName: account.display_name });
    const hash = await hashPassword(password);
    await this.repository.transaction(async (tx) => {
      const current = await this.repository.lockStaff(tx, id);
      if (!current) throw ApiError.notFound('staff.notFound', 'userId');
      await this.repository.setPassword(tx, id, hash);
      // Whoever knew the old password is logged out (the admin resetting their own stays in).
      if (id !== actor.id) await this.repository.deleteSessions(tx, id);
      await this.audit.record(actor, { action: 'PASSWORD_RESET', entity: 'staff_user', entityId: id, details: { username: current.username } }, tx);
    });
    this.logger.log(`password of staff account ${id} reset by ${actor.id}`);
  }

  private async get(id: string): Promise<AdminStaffUserDto> {
    const rows = await this.repository.listStaff(id);
    if (rows.length === 0) throw ApiError.notFound('staff.notFound', 'userId');
    return this.toDto(rows[0]);
  }

  private async checkOffices(officeIds: string[]): Promise<void> {
    const known = new Set(await this.repository.existingOffices(officeIds));
    const problems: FieldProblem[] = officeIds.flatMap((id, index) =>
      known.has(id) ? [] : [{ field: `officeIds[${index}]`, key: 'office.notFound' as const }],
    );
    if (problems.length > 0) throw ApiError.validation(problems);
  }

  private toDto(r: StaffRow): AdminStaffUserDto {
    return {
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      role: r.role,
      active: r.active,
      offices: r.offices,
      locked: r.locked_until !== null && new Date(r.locked_until).getTime() > this.clock.now().getTime(),
      createdAt: new Date(r.created_at).toISOString(),
    };
  }
}

/** What the audit log keeps of an account: no password, no hash. */
function summary(u: AdminStaffUserDto): Record<string, unknown> {
  return { username: u.username, displayName: u.displayName, role: u.role, active: u.active, offices: u.offices.map((o) => o.id).sort() };
}
