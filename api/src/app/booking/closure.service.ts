import { Injectable, Logger } from '@nestjs/common';
import type { ClosureDto } from '@sportello/contracts';
import { closureForLocalDates, closureForLocalTimes } from '@sportello/domain';
import { AuditService } from '../audit/audit.service';
import type { Closure } from '../calendar/closure.entity';
import type { AuditActor } from '../audit/audit.service';
import { ApiError } from '../common/api-error';
import { type Tx, lockOfficeConfiguration } from '../database/db';
import { NotificationOutbox } from '../notification/notification.outbox';
import { RealtimeService } from '../realtime/realtime.service';
import { BookingRepository } from './booking.repository';
import type { BookedInsideRow } from './booking.repository';

export interface ClosureInput {
  officeId: string;
  serviceId: string | null;
  from: string;
  to: string;
  /** Local "HH:mm" range on a single day; null closes whole days. */
  startTime: string | null;
  endTime: string | null;
  reason: string;
  /** The staff member saw the affected appointments and confirmed. */
  confirm: boolean;
}

export interface AffectedAppointment {
  id: string;
  code: string;
  start: string;
  serviceId: string;
  serviceName: string;
}

export type { ClosureDto };

/**
 * Closing a day or a time range: the closure row, and the appointments inside it cancelled
 * in the same transaction, each with a closure notice in the outbox. Nothing happens until
 * the staff member has seen the affected appointments and confirmed. PostgreSQL orders the
 * closure and the bookings: no booking commits inside a committed closure, whatever the timing.
 */
@Injectable()
export class ClosureService {
  private readonly logger = new Logger('Closures');

  constructor(
    private readonly repository: BookingRepository,
    private readonly outbox: NotificationOutbox,
    private readonly audit: AuditService,
    private readonly realtime: RealtimeService,
  ) {}

  async close(actor: AuditActor, input: ClosureInput, timeZone: string): Promise<ClosureDto> {
    const range =
      input.startTime && input.endTime
        ? closureForLocalTimes(input.from, input.startTime, input.endTime, timeZone)
        : closureForLocalDates(input.from, input.to, timeZone);
    const start = new Date(range.start);
    const end = new Date(range.end);
    const result = await this.repository.transaction(async (tx) => {
      // First the office's configuration: this waits for the bookings in flight and holds back
      // new ones, so the sweep below sees every appointment and none can land inside afterwards.
      await lockOfficeConfiguration(tx, input.officeId);
      const affected = await this.repository.bookedInside(tx, input.officeId, input.serviceId, start, end);
      if (affected.length > 0 && !input.confirm) {
        throw new ApiError(
          409,
          'CONFIRMATION_REQUIRED',
          'closure.confirm',
          [],
          { count: affected.length },
          {
            affected: affected.map((a) => ({ id: a.id, code: a.code, start: a.start_at.toISOString(), serviceId: a.service_id, serviceName: a.name_it })),
          },
        );
      }
      const closure = await this.repository.insertClosure(tx, {
        officeId: input.officeId,
        serviceId: input.serviceId,
        startsAt: start,
        endsAt: end,
        reason: input.reason,
      });
      await this.cancelAll(tx, affected, input.reason);
      const cancelled = affected.map((a) => a.code);
      await this.audit.record(
        actor,
        {
          action: 'CREATE',
          entity: 'closure',
          entityId: closure.id,
          officeId: input.officeId,
          details: { after: toDto(closure, []), ...(cancelled.length > 0 && { cancelled }) },
        },
        tx,
      );
      // The screens show closures as notices: they refetch on commit.
      await this.realtime.publish(tx, { type: 'notice', officeId: input.officeId });
      return { closure, cancelled };
    });
    this.logger.log(`closure ${result.closure.id}: ${result.cancelled.length} appointment(s) cancelled`);
    return toDto(result.closure, result.cancelled);
  }

  async list(officeId: string, from: Date): Promise<ClosureDto[]> {
    const closures = await this.repository.closuresFrom(officeId, from);
    return closures.map((c) => toDto(c, []));
  }

  async remove(actor: AuditActor, officeId: string, closureId: string): Promise<void> {
    await this.repository.transaction(async (tx) => {
      const closure = await this.repository.findClosure(tx, officeId, closureId);
      if (!closure) throw ApiError.notFound('closure.notFound', 'closureId');
      await this.repository.deleteClosure(tx, officeId, closureId);
      await this.audit.record(actor, { action: 'DELETE', entity: 'closure', entityId: closureId, officeId, details: { before: toDto(closure, []) } }, tx);
      await this.realtime.publish(tx, { type: 'notice', officeId });
    });
  }

  private async cancelAll(tx: Tx, affected: BookedInsideRow[], reason: string): Promise<void> {
    for (const a of affected) {
      await this.repository.markCancelled(tx, a.id, 'CLOSURE');
      await this.repository.releaseSeats(tx, a.id);
      await this.outbox.closed(tx, { appointmentId: a.id, officeId: a.office_id, startAt: a.start_at, sequence: a.sequence }, reason);
    }
  }
}

function toDto(c: Closure, cancelled: string[]): ClosureDto {
  return { id: c.id, officeId: c.officeId, serviceId: c.serviceId, start: c.startsAt.toISOString(), end: c.endsAt.toISOString(), reason: c.reason, cancelled };
}
