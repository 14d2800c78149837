import { Injectable } from '@nestjs/common';
import type { OpeningHoursChangeDto, OpeningHoursDto, OpeningIntervalDto } from '@sportello/contracts';
import { isScheduledSlot, weeklySlotCount } from '@sportello/domain';
import { AuditService } from '../audit/audit.service';
import type { AuditActor } from '../audit/audit.service';
import { toOpeningInterval } from '../calendar/calendar.mapper';
import type { OpeningHours } from '../calendar/opening-hours.entity';
import { Service } from '../calendar/service.entity';
import { ApiError } from '../common/api-error';
import { Clock } from '../common/clock';
import { WaitlistService } from '../waitlist/waitlist.service';
import { AdminRepository, BookedRow } from './admin.repository';
import { effectiveHours } from './service-admin.service';
import { StrandingService } from './stranding.service';
import type { Tx } from '../database/db';

type HourRow = Pick<OpeningHours, 'serviceId' | 'weekday' | 'startTime' | 'endTime'>;

interface Plan {
  /** Active services whose weekly hours the change touches. */
  services: Service[];
  before: HourRow[];
  after: HourRow[];
}

export function toOpeningHoursDto(rows: HourRow[]): OpeningHoursDto {
  const services: Record<string, OpeningIntervalDto[]> = {};
  for (const row of rows) {
    if (row.serviceId !== null) (services[row.serviceId] ??= []).push(toOpeningInterval(row as OpeningHours));
  }
  return { office: rows.filter((r) => r.serviceId === null).map((r) => toOpeningInterval(r as OpeningHours)), services };
}

/**
 * Weekly opening hours: the office's (for every service without its own) and a service's
 * own. Replacing a week runs the stranding check — appointments whose slot the new week no
 * longer has are listed (409) and, once confirmed, cancelled with an e-mail each — and new
 * places are announced to the waitlist (`WaitlistService.placesAdded`).
 */
@Injectable()
export class HoursAdminService {
  constructor(
    private readonly repository: AdminRepository,
    private readonly stranding: StrandingService,
    private readonly waitlist: WaitlistService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(officeId: string): Promise<OpeningHoursDto> {
    await this.requireOffice(officeId);
    return toOpeningHoursDto(sorted(await this.repository.listOpeningHours(officeId)));
  }

  async replace(
    actor: AuditActor,
    officeId: string,
    input: { serviceId: string | null; intervals: OpeningIntervalDto[]; confirm: boolean },
  ): Promise<OpeningHoursChangeDto> {
    const office = await this.requireOffice(officeId);
    // lockOffice first: bookings in flight commit before the sweep, and none is taken under the old week after it.
    const result = await this.repository.transaction(async (tx) => {
      await this.repository.lockOffice(tx, officeId);
      const plan = await this.plan(tx, officeId, input.serviceId, input.intervals);
      const booked = await this.repository.futureBooked(
        tx,
        officeId,
        plan.services.map((s) => s.id),
        this.clock.now(),
      );
      const stranded = this.stranded(plan, booked, office.timeZone);
      this.stranding.requireConfirmation(this.stranding.appointments(stranded), input.confirm);

      await this.repository.replaceOpeningHours(tx, officeId, input.serviceId, input.intervals);
      const cancelled = await this.stranding.cancel(tx, stranded, false);
      let waitlistNotified = 0;
      for (const service of plan.services) {
        const gained =
          weeklySlotCount(effectiveHours(plan.after, service.id), service.durationMinutes) * service.capacity -
          weeklySlotCount(effectiveHours(plan.before, service.id), service.durationMinutes) * service.capacity;
        if (gained > 0) waitlistNotified += await this.waitlist.placesAdded(tx, officeId, service.id, gained);
      }
      const scope = (rows: HourRow[]) => toOpeningHoursDto(rows.filter((r) => r.serviceId === input.serviceId));
      const before = input.serviceId ? (scope(plan.before).services[input.serviceId] ?? []) : scope(plan.before).office;
      const after = input.serviceId ? (scope(plan.after).services[input.serviceId] ?? []) : scope(plan.after).office;
      await this.audit.record(
        actor,
        {
          action: 'UPDATE',
          entity: 'opening_hours',
          entityId: input.serviceId ?? officeId,
          officeId,
          details: {
            serviceId: input.serviceId,
            changes: { intervals: { from: before, to: after } },
            ...(cancelled.length > 0 && { cancelled }),
            ...(waitlistNotified > 0 && { waitlistNotified }),
          },
        },
        tx,
      );
      return { ...toOpeningHoursDto(plan.after), cancelled, waitlistNotified };
    });
    return result;
  }

  /**
   * The week before and after the change, and the active services it touches: every service
   * without hours of its own for the office's week, or the one service.
   */
  private async plan(tx: Tx, officeId: string, serviceId: string | null, intervals: OpeningIntervalDto[]): Promise<Plan> {
    const services = await this.repository.listServices(officeId, tx);
    if (serviceId && !services.some((s) => s.id === serviceId)) throw ApiError.notFound('service.notFound', 'serviceId');
    const before = await this.repository.listOpeningHours(officeId, tx);
    const after: HourRow[] = [
      ...before.filter((r) => r.serviceId !== serviceId),
      ...intervals.map((i) => ({ serviceId, weekday: i.weekday, startTime: `${i.start}:00`, endTime: `${i.end}:00` })),
    ];
    const hasOwn = (id: string) => before.some((r) => r.serviceId === id);
    const touched = services.filter((s) => s.active && (serviceId ? s.id === serviceId : !hasOwn(s.id)));
    return { services: touched, before, after };
  }

  /** Booked appointments on a slot of the week before that the week after does not have. */
  private stranded(plan: Plan, booked: BookedRow[], timeZone: string): BookedRow[] {
    const byId = new Map(plan.services.map((s) => [s.id, s]));
    return booked.filter((a) => {
      const service = byId.get(a.service_id);
      if (!service) return false;
      const fits = (rows: HourRow[]) => isScheduledSlot(effectiveHours(rows, service.id), service.durationMinutes, timeZone, a.start_at, a.end_at);
      return fits(plan.before) && !fits(plan.after);
    });
  }

  private async requireOffice(officeId: string) {
    const office = await this.repository.findOffice(officeId);
    if (!office) throw ApiError.notFound('office.notFound', 'officeId');
    return office;
  }
}

function sorted(rows: OpeningHours[]): OpeningHours[] {
  return [...rows].sort((a, b) => a.weekday - b.weekday || a.startTime.localeCompare(b.startTime));
}
