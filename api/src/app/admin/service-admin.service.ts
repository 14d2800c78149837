import { Injectable } from '@nestjs/common';
import type { AdminServiceChangeDto, AdminServiceDto, ServiceInput } from '@sportello/contracts';
import { isScheduledSlot, weeklySlotCount } from '@sportello/domain';
import type { IsoWeekday, WeeklyInterval } from '@sportello/domain';
import { AuditService } from '../audit/audit.service';
import type { AuditActor } from '../audit/audit.service';
import { changedFields } from '../audit/audit-details';
import { hhmm } from '../calendar/calendar.mapper';
import type { OpeningHours } from '../calendar/opening-hours.entity';
import { Service } from '../calendar/service.entity';
import { ApiError } from '../common/api-error';
import { Clock } from '../common/clock';
import { WaitlistService } from '../waitlist/waitlist.service';
import { AdminRepository, BookedRow, isUniqueViolation } from './admin.repository';
import { StrandingService } from './stranding.service';
import type { Tx } from '../database/db';

/** A service as the admin pages show it (without `desks`, which comes from the desks: see `withDesks`). */
export function toAdminService(s: Service): Omit<AdminServiceDto, 'desks'> {
  return {
    id: s.id,
    officeId: s.officeId,
    code: s.code,
    names: { it: s.nameIt, en: s.nameEn },
    descriptions: { it: s.descriptionIt, en: s.descriptionEn },
    durationMinutes: s.durationMinutes,
    capacity: s.capacity,
    documents: { it: s.documentsIt, en: s.documentsEn },
    feeCents: s.feeCents,
    feeNote: s.feeNoteIt !== null || s.feeNoteEn !== null ? { it: s.feeNoteIt ?? '', en: s.feeNoteEn ?? '' } : null,
    onlineAlternative: s.onlineUrl ? { url: s.onlineUrl, description: { it: s.onlineDescriptionIt ?? '', en: s.onlineDescriptionEn ?? '' } } : null,
    sortOrder: s.sortOrder,
    active: s.active,
    ticketPrefix: s.ticketPrefix,
    outcomes: s.outcomes,
    signInRequired: s.signInRequired,
  };
}

/** The weekly intervals that apply to a service: its own when it has some, else the office's. */
export function effectiveHours(rows: Array<Pick<OpeningHours, 'serviceId' | 'weekday' | 'startTime' | 'endTime'>>, serviceId: string): WeeklyInterval[] {
  const own = rows.filter((h) => h.serviceId === serviceId);
  return (own.length > 0 ? own : rows.filter((h) => h.serviceId === null)).map((h) => ({
    weekday: h.weekday as IsoWeekday,
    start: hhmm(h.startTime),
    end: hhmm(h.endTime),
  }));
}

/** The parts of a service the stranding check compares. */
interface ServiceShape {
  active: boolean;
  durationMinutes: number;
  capacity: number;
}

/**
 * Which booked appointments a change of a service strands: all of them when it is
 * deactivated; those off the new slot grid when the slot length changes; the latest booked
 * beyond the new capacity of a slot when it is lowered.
 */
export function strandedByServiceChange(
  booked: BookedRow[],
  before: ServiceShape,
  after: ServiceShape,
  hours: WeeklyInterval[],
  timeZone: string,
): BookedRow[] {
  if (!after.active) return before.active ? booked : [];
  const fits = (a: BookedRow, duration: number) => isScheduledSlot(hours, duration, timeZone, a.start_at, a.end_at);
  const offGrid =
    after.durationMinutes === before.durationMinutes ? [] : booked.filter((a) => fits(a, before.durationMinutes) && !fits(a, after.durationMinutes));
  const stranded = new Set(offGrid.map((a) => a.id));
  if (after.capacity < before.capacity || !before.active) {
    const bySlot = new Map<number, BookedRow[]>();
    for (const a of booked) {
      if (stranded.has(a.id)) continue;
      const slot = bySlot.get(a.start_at.getTime()) ?? [];
      slot.push(a);
      bySlot.set(a.start_at.getTime(), slot);
    }
    for (const slot of bySlot.values()) {
      // First come, first served: the latest bookings beyond the capacity go.
      const excess = slot.sort((x, y) => x.created_at.getTime() - y.created_at.getTime()).slice(after.capacity);
      for (const a of excess) stranded.add(a.id);
    }
  }
  return booked.filter((a) => stranded.has(a.id));
}

/** Services of an office: the catalogue citizens book from and the desks serve. */
@Injectable()
export class ServiceAdminService {
  constructor(
    private readonly repository: AdminRepository,
    private readonly stranding: StrandingService,
    private readonly waitlist: WaitlistService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(officeId: string): Promise<AdminServiceDto[]> {
    await this.requireOffice(officeId);
    const [services, desks] = await Promise.all([this.repository.listServices(officeId), this.repository.activeDesksByService(officeId)]);
    return services.map((s) => ({ ...toAdminService(s), desks: desks.get(s.id) ?? 0 }));
  }

  /** The answer to a save: the service with how many active desks serve it (0: the page warns). */
  private async withDesks<T extends Omit<AdminServiceDto, 'desks'>>(officeId: string, dto: T): Promise<T & { desks: number }> {
    return { ...dto, desks: (await this.repository.activeDesksByService(officeId)).get(dto.id) ?? 0 };
  }

  async create(actor: AuditActor, officeId: string, input: ServiceInput): Promise<AdminServiceDto> {
    await this.requireOffice(officeId);
    try {
      return await this.repository
        .transaction(async (tx) => {
          await this.repository.lockOffice(tx, officeId);
          const service = await this.repository.insertService(tx, { officeId, ...columnsOf(input) });
          const dto = toAdminService(service);
          await this.audit.record(actor, { action: 'CREATE', entity: 'service', entityId: service.id, officeId, details: { after: dto } }, tx);
          return dto;
        })
        .then((dto) => this.withDesks(officeId, dto));
    } catch (error) {
      throw codeTaken(error);
    }
  }

  /**
   * Saves a service. When the change strands booked appointments (deactivated, shorter
   * slots, lower capacity), 409 CONFIRMATION_REQUIRED lists them until `confirm`; then they
   * are cancelled with an e-mail each. More places (capacity, reactivation) tell the waitlist.
   */
  async update(actor: AuditActor, officeId: string, serviceId: string, input: ServiceInput, confirm: boolean): Promise<AdminServiceChangeDto> {
    const office = await this.requireOffice(officeId);
    let result: Omit<AdminServiceChangeDto, 'desks'>;
    try {
      // lockOffice first: bookings in flight commit before the sweep, and none is taken under the old service after it.
      result = await this.repository.transaction(async (tx) => {
        await this.repository.lockOffice(tx, officeId);
        const service = await this.repository.lockService(tx, serviceId);
        if (!service || service.officeId !== officeId) throw ApiError.notFound('service.notFound', 'serviceId');
        const old = toAdminService(service);
        const before: ServiceShape = { active: service.active, durationMinutes: service.durationMinutes, capacity: service.capacity };
        const hours = effectiveHours(await this.repository.listOpeningHours(officeId, tx), serviceId);
        const booked = await this.repository.futureBooked(tx, officeId, [serviceId], this.clock.now());
        const stranded = strandedByServiceChange(booked, before, input, hours, office.timeZone);
        this.stranding.requireConfirmation(this.stranding.appointments(stranded), confirm);

        Object.assign(service, columnsOf(input));
        await this.repository.saveService(tx, service);
        const cancelled = await this.stranding.cancel(tx, stranded, before.active && !input.active);
        if (input.active && input.capacity < before.capacity) await this.compactSeats(tx, serviceId, input.capacity);
        const added = placesAdded(hours, before, input);
        if (added > 0) await this.waitlist.placesAdded(tx, officeId, serviceId, added);
        const after = toAdminService(service);
        const changes = changedFields({ ...old }, { ...after });
        if (Object.keys(changes).length > 0 || cancelled.length > 0) {
          await this.audit.record(
            actor,
            { action: 'UPDATE', entity: 'service', entityId: serviceId, officeId, details: { changes, ...(cancelled.length > 0 && { cancelled }) } },
            tx,
          );
        }
        return { ...after, cancelled, ticketsLeft: [] };
      });
    } catch (error) {
      throw codeTaken(error);
    }
    return this.withDesks(officeId, result);
  }

  /** Only a service never used (no appointment, no ticket); otherwise deactivate it. */
  async remove(actor: AuditActor, officeId: string, serviceId: string): Promise<void> {
    await this.repository.transaction(async (tx) => {
      await this.repository.lockOffice(tx, officeId);
      const service = await this.repository.lockService(tx, serviceId);
      if (!service || service.officeId !== officeId) throw ApiError.notFound('service.notFound', 'serviceId');
      if (await this.repository.serviceInUse(tx, serviceId)) throw new ApiError(409, 'IN_USE', 'service.inUse');
      await this.repository.deleteService(tx, serviceId);
      await this.audit.record(actor, { action: 'DELETE', entity: 'service', entityId: serviceId, officeId, details: { before: toAdminService(service) } }, tx);
    });
  }

  /**
   * After capacity went down, the kept appointments must sit on seats 1..capacity (seats
   * above it are not counted, so a slot would look free). A hold in the way gives way.
   */
  private async compactSeats(tx: Tx, serviceId: string, capacity: number): Promise<void> {
    for (const start_at of await this.repository.slotsWithSeatsAbove(tx, serviceId, this.clock.now(), capacity)) {
      const seats = await this.repository.lockSlotSeats(tx, serviceId, start_at);
      const high = seats.filter((s) => s.seat_no > capacity && s.claim_kind === 'APPOINTMENT');
      const free = seats.filter((s) => s.seat_no <= capacity && s.claim_kind !== 'APPOINTMENT');
      for (const [i, seat] of high.entries()) {
        if (!free[i]) break;
        await this.repository.moveClaim(tx, serviceId, start_at, seat.seat_no, free[i].seat_no);
      }
    }
  }

  private async requireOffice(officeId: string) {
    const office = await this.repository.findOffice(officeId);
    if (!office) throw ApiError.notFound('office.notFound', 'officeId');
    return office;
  }
}

/** Places a week gained by the change (0 when none): what the waitlist is told about. */
function placesAdded(hours: WeeklyInterval[], before: ServiceShape, after: ServiceShape): number {
  if (!after.active) return 0;
  const placesBefore = before.active ? weeklySlotCount(hours, before.durationMinutes) * before.capacity : 0;
  return Math.max(0, weeklySlotCount(hours, after.durationMinutes) * after.capacity - placesBefore);
}

function columnsOf(input: ServiceInput): Partial<Service> {
  return {
    code: input.code,
    nameIt: input.names.it,
    nameEn: input.names.en,
    descriptionIt: input.descriptions.it,
    descriptionEn: input.descriptions.en,
    durationMinutes: input.durationMinutes,
    capacity: input.capacity,
    documentsIt: input.documents.it,
    documentsEn: input.documents.en,
    feeCents: input.feeCents,
    feeNoteIt: input.feeNote?.it || null,
    feeNoteEn: input.feeNote?.en || null,
    onlineUrl: input.onlineAlternative?.url ?? null,
    onlineDescriptionIt: input.onlineAlternative ? input.onlineAlternative.description.it : null,
    onlineDescriptionEn: input.onlineAlternative ? input.onlineAlternative.description.en : null,
    sortOrder: input.sortOrder,
    active: input.active,
    ticketPrefix: input.ticketPrefix,
    outcomes: input.outcomes,
    // Absent: false for a new service (the column's default), the current value on a save.
    ...(input.signInRequired !== undefined && { signInRequired: input.signInRequired }),
  };
}

function codeTaken(error: unknown): unknown {
  return isUniqueViolation(error, 'uq_service_office_code') ? ApiError.validation([{ field: 'code', key: 'service.codeTaken' }]) : error;
}
