import { Injectable } from '@nestjs/common';
import type { AdminDeskChangeDto, AdminDeskDto, DeskInput } from '@sportello/contracts';
import { localToday } from '@sportello/domain';
import { AuditService } from '../audit/audit.service';
import type { AuditActor } from '../audit/audit.service';
import { changedFields } from '../audit/audit-details';
import { ApiError } from '../common/api-error';
import type { FieldProblem } from '../common/api-error';
import { Clock } from '../common/clock';
import { RealtimeService } from '../realtime/realtime.service';
import { AdminRepository, DeskRow, isUniqueViolation } from './admin.repository';
import { StrandingService } from './stranding.service';
import type { Tx } from '../database/db';

function toDto(d: DeskRow): AdminDeskDto {
  return { id: d.id, officeId: d.office_id, number: d.number, name: d.name, active: d.active, serviceIds: [...d.service_ids].sort() };
}

/** The services a desk takes part in serving (none while inactive). */
function serving(desk: { active: boolean; serviceIds: string[] }): string[] {
  return desk.active ? desk.serviceIds : [];
}

/**
 * Desks and the services each serves. Serving fewer services (or deactivating a desk) while
 * people wait for them is a stranding change: 409 lists the waiting tickets until
 * confirmed; they stay in the queue for the other desks (or to be transferred).
 */
@Injectable()
export class DeskAdminService {
  constructor(
    private readonly repository: AdminRepository,
    private readonly stranding: StrandingService,
    private readonly realtime: RealtimeService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(officeId: string): Promise<AdminDeskDto[]> {
    await this.requireOffice(officeId);
    return (await this.repository.listDesks(officeId)).map(toDto);
  }

  async create(actor: AuditActor, officeId: string, input: DeskInput): Promise<AdminDeskDto> {
    await this.requireOffice(officeId);
    await this.checkServices(officeId, input.serviceIds);
    return this.write(async (tx) => {
      await this.repository.lockOffice(tx, officeId);
      const id = await this.repository.insertDesk(tx, officeId, input);
      await this.repository.setDeskServices(tx, id, input.serviceIds);
      const desk = (await this.repository.findDesk(tx, officeId, id)) as DeskRow;
      await this.audit.record(actor, { action: 'CREATE', entity: 'desk', entityId: id, officeId, details: { after: toDto(desk) } }, tx);
      await this.realtime.publish(tx, { type: 'desk', officeId, deskId: id });
      return toDto(desk);
    });
  }

  async update(actor: AuditActor, officeId: string, deskId: string, input: DeskInput, confirm: boolean): Promise<AdminDeskChangeDto> {
    const office = await this.requireOffice(officeId);
    await this.checkServices(officeId, input.serviceIds);
    return this.write(async (tx) => {
      await this.repository.lockOffice(tx, officeId);
      const desk = await this.requireDesk(tx, officeId, deskId);
      const before = toDto(desk);
      if (before.active && !input.active && (await this.repository.deskBusy(tx, deskId))) throw new ApiError(409, 'DESK_BUSY', 'desk.busy');
      const removed = serving(before).filter((id) => !serving(input).includes(id));
      const waiting = await this.repository.waitingTickets(tx, officeId, localToday(this.clock.now(), office.timeZone), removed);
      this.stranding.requireConfirmation(this.stranding.tickets(waiting), confirm);

      await this.repository.updateDesk(tx, deskId, input);
      await this.repository.setDeskServices(tx, deskId, input.serviceIds);
      const after = toDto((await this.repository.findDesk(tx, officeId, deskId)) as DeskRow);
      const ticketsLeft = waiting.map((t) => t.display_number);
      const changes = changedFields({ ...before }, { ...after });
      if (Object.keys(changes).length > 0) {
        await this.audit.record(
          actor,
          { action: 'UPDATE', entity: 'desk', entityId: deskId, officeId, details: { changes, ...(ticketsLeft.length > 0 && { ticketsLeft }) } },
          tx,
        );
      }
      await this.realtime.publish(tx, { type: 'desk', officeId, deskId });
      return { ...after, cancelled: [], ticketsLeft };
    });
  }

  /** Only a desk that never served anyone; otherwise deactivate it (the statistics keep its history). */
  async remove(actor: AuditActor, officeId: string, deskId: string, confirm: boolean): Promise<void> {
    const office = await this.requireOffice(officeId);
    await this.repository.transaction(async (tx) => {
      await this.repository.lockOffice(tx, officeId);
      const desk = toDto(await this.requireDesk(tx, officeId, deskId));
      if (await this.repository.deskBusy(tx, deskId)) throw new ApiError(409, 'DESK_BUSY', 'desk.busy');
      if (await this.repository.deskInUse(tx, deskId)) throw new ApiError(409, 'IN_USE', 'desk.inUse');
      const waiting = await this.repository.waitingTickets(tx, officeId, localToday(this.clock.now(), office.timeZone), serving(desk));
      this.stranding.requireConfirmation(this.stranding.tickets(waiting), confirm);
      await this.repository.deleteDesk(tx, deskId);
      await this.audit.record(actor, { action: 'DELETE', entity: 'desk', entityId: deskId, officeId, details: { before: desk } }, tx);
      await this.realtime.publish(tx, { type: 'desk', officeId, deskId });
    });
  }

  private async write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.repository.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'uq_desk_office_number')) throw ApiError.validation([{ field: 'number', key: 'desk.numberTaken' }]);
      throw error;
    }
  }

  private async checkServices(officeId: string, serviceIds: string[]): Promise<void> {
    const known = new Set((await this.repository.listServices(officeId)).map((s) => s.id));
    const problems: FieldProblem[] = serviceIds.flatMap((id, index) =>
      known.has(id) ? [] : [{ field: `serviceIds[${index}]`, key: 'service.notFound' as const }],
    );
    if (problems.length > 0) throw ApiError.validation(problems);
  }

  private async requireDesk(tx: Tx, officeId: string, deskId: string): Promise<DeskRow> {
    const desk = await this.repository.findDesk(tx, officeId, deskId);
    if (!desk) throw ApiError.notFound('desk.notFound', 'deskId');
    return desk;
  }

  private async requireOffice(officeId: string) {
    const office = await this.repository.findOffice(officeId);
    if (!office) throw ApiError.notFound('office.notFound', 'officeId');
    return office;
  }
}
