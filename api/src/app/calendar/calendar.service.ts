import { Inject, Injectable } from '@nestjs/common';
import { AvailabilityDto, AvailabilityQuery, Language, MAX_AVAILABILITY_RANGE_DAYS, OfficeDto, OfficeRuleDefaults, ServiceDto, SlotAlternativeDto } from '@sportello/contracts';
import { addDays, CalendarRules, closureForLocalDates, daysBetween, generateSlots, IsoWeekday, localToday, Slot } from '@sportello/domain';
import { DateTime } from 'luxon';
import { ApiError } from '../common/api-error';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config';
import type { AppConfig } from '../config/config';
import { CalendarRepository } from './calendar.repository';
import { hhmm, toOfficeDto, toServiceDto } from './calendar.mapper';
import type { OfficeSettings } from './office-settings.entity';
import type { Office } from './office.entity';
import type { OpeningHours } from './opening-hours.entity';
import type { Service } from './service.entity';

/** Defaults for an office whose managers have not saved settings yet. */
export const DEFAULT_HORIZON_DAYS = 60;
export const DEFAULT_MIN_NOTICE_MINUTES = 120;

/** An office's booking rules: its settings, with the installation's defaults where it sets none. */
export interface OfficeRules extends OfficeRuleDefaults {
  horizonDays: number;
  minNoticeMinutes: number;
  reconfirmRequired: boolean;
}

/** The environment's values of the rules an office may set for itself. */
export function ruleDefaults(config: AppConfig): OfficeRuleDefaults {
  return {
    holdMinutes: config.booking.holdMinutes,
    cancelCutoffHours: config.booking.cancelCutoffHours,
    reminderHoursBefore: config.mail.reminderHoursBefore,
    maxActivePerFiscalCode: config.booking.maxActivePerFiscalCode,
    retentionDays: config.retentionDays,
  };
}

export function officeRules(settings: OfficeSettings | null, defaults: OfficeRuleDefaults): OfficeRules {
  return {
    horizonDays: settings?.bookingHorizonDays ?? DEFAULT_HORIZON_DAYS,
    minNoticeMinutes: settings?.minNoticeMinutes ?? DEFAULT_MIN_NOTICE_MINUTES,
    reconfirmRequired: settings?.reconfirmRequired ?? false,
    holdMinutes: settings?.holdMinutes ?? defaults.holdMinutes,
    cancelCutoffHours: settings?.cancelCutoffHours ?? defaults.cancelCutoffHours,
    reminderHoursBefore: settings?.reminderHoursBefore ?? defaults.reminderHoursBefore,
    maxActivePerFiscalCode: settings?.maxActivePerFiscalCode ?? defaults.maxActivePerFiscalCode,
    retentionDays: settings?.retentionDays ?? defaults.retentionDays,
  };
}
/** Days either side of the asked-for day searched for alternatives, widening in turn. */
const ALTERNATIVE_REACHES = [1, 7, 31];

export interface OpenSlot extends Slot {
  remaining: number;
}

/** An office and one of its services with the rules that shape its calendar. */
export interface OfficeService {
  office: Office;
  service: Service;
  settings: OfficeSettings | null;
  /** The office's rules: its settings with the installation's defaults. */
  rules: OfficeRules;
  /** The opening hours that apply to this service. */
  hours: OpeningHours[];
}

@Injectable()
export class CalendarService {
  constructor(
    private readonly repository: CalendarRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The installation's defaults of the rules an office may set. */
  get defaults(): OfficeRuleDefaults {
    return ruleDefaults(this.config);
  }

  /** The office's rules: its settings, with the installation's defaults. */
  rules(settings: OfficeSettings | null): OfficeRules {
    return officeRules(settings, this.defaults);
  }

  async listOffices(): Promise<OfficeDto[]> {
    const offices = await this.repository.listOffices();
    const [hours, settings] = await Promise.all([this.repository.listOpeningHours(offices.map((o) => o.id)), this.repository.listSettings(offices.map((o) => o.id))]);
    return offices.map((office) => toOfficeDto(office, hours, this.rules(settings.find((s) => s.officeId === office.id) ?? null).retentionDays));
  }

  async listServices(officeId: string, language: Language): Promise<ServiceDto[]> {
    await this.requireOffice(officeId);
    const services = await this.repository.listActiveServices(officeId);
    return services.map((service) => toServiceDto(service, language));
  }

  /** The office and one of its active services, or 404 naming the field. */
  async requireOfficeService(officeId: string, serviceId: string): Promise<OfficeService> {
    const [office, service, settings, hours] = await Promise.all([
      this.repository.findOffice(officeId),
      this.repository.findActiveService(officeId, serviceId),
      this.repository.findSettings(officeId),
      this.repository.listOpeningHours([officeId]),
    ]);
    if (!office) throw ApiError.notFound('office.notFound', 'officeId');
    if (!service) throw ApiError.notFound('service.notFound', 'serviceId');
    // A service with opening hours of its own uses only those; otherwise the office's.
    const own = hours.filter((h) => h.serviceId === service.id);
    return { office, service, settings, rules: this.rules(settings), hours: own.length > 0 ? own : hours.filter((h) => h.serviceId === null) };
  }

  async availability(query: AvailabilityQuery): Promise<AvailabilityDto> {
    const target = await this.requireOfficeService(query.officeId, query.serviceId);
    const days = new Map<string, AvailabilityDto['days'][number]>();
    for (const slot of await this.openSlots(target, query.from, query.to)) {
      if (slot.remaining <= 0) continue;
      const day = days.get(slot.date) ?? { date: slot.date, slots: [] };
      day.slots.push({ start: slot.start, end: slot.end, remaining: slot.remaining });
      days.set(slot.date, day);
    }
    return { timeZone: target.office.timeZone, days: [...days.values()] };
  }

  /**
   * The slot starting at `start` if the schedule offers it now (opening hours, closures,
   * holidays, notice, horizon), with its current free places; null otherwise.
   */
  async bookableSlot(target: OfficeService, start: Date): Promise<OpenSlot | null> {
    return (await this.bookableDay(target, start)).slot;
  }

  /** Like bookableSlot, with every slot of that local day (reused for alternatives). */
  async bookableDay(target: OfficeService, start: Date): Promise<{ slot: OpenSlot | null; day: OpenSlot[] }> {
    const date = DateTime.fromJSDate(start, { zone: target.office.timeZone }).toISODate() as string;
    const day = await this.openSlots(target, date, date);
    return { slot: day.find((slot) => Date.parse(slot.start) === start.getTime()) ?? null, day };
  }

  /**
   * Up to `limit` free slots nearest in time to `around`, in ascending order. Looks on
   * the same and adjacent days first and widens only when fewer are free there.
   */
  async alternatives(target: OfficeService, around: Date, limit = 5, sameDay: OpenSlot[] = []): Promise<SlotAlternativeDto[]> {
    const distance = (s: OpenSlot) => Math.abs(Date.parse(s.start) - around.getTime());
    const nearest = (slots: OpenSlot[]) =>
      slots
        .sort((a, b) => distance(a) - distance(b))
        .slice(0, limit)
        .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
        .map((s) => ({ start: s.start, end: s.end }));
    // The day just read for the request usually has enough: no further queries. Any slot
    // on that day is nearer than one on another day, except across midnight, which a
    // public office does not open through.
    const freeSameDay = sameDay.filter((s) => s.remaining > 0 && Date.parse(s.start) !== around.getTime());
    if (freeSameDay.length >= limit) return nearest(freeSameDay);
    const zone = target.office.timeZone;
    const today = localToday(this.clock.now(), zone);
    const asked = DateTime.fromJSDate(around, { zone }).toISODate() as string;
    const centre = daysBetween(today, asked) < 0 ? today : asked;
    let free: OpenSlot[] = [];
    for (const reach of ALTERNATIVE_REACHES) {
      const from = daysBetween(today, addDays(centre, -reach)) < 0 ? today : addDays(centre, -reach);
      free = (await this.openSlots(target, from, addDays(centre, reach))).filter((s) => s.remaining > 0 && new Date(s.start).getTime() !== around.getTime());
      if (free.length >= limit) break;
    }
    return nearest(free);
  }

  /** Whether the service has any free place between today and the end of the booking horizon. */
  async hasFreeSlot(target: OfficeService): Promise<boolean> {
    const today = localToday(this.clock.now(), target.office.timeZone);
    const slots = await this.openSlots(target, today, addDays(today, target.rules.horizonDays));
    return slots.some((slot) => slot.remaining > 0);
  }

  /** Checks a range of local dates: from ≤ to and at most MAX_AVAILABILITY_RANGE_DAYS days. */
  static rangeProblem(from: string, to: string): { field: string; key: 'range.reversed' | 'range.tooLong' } | null {
    const days = daysBetween(from, to);
    if (days < 0) return { field: 'to', key: 'range.reversed' };
    if (days + 1 > MAX_AVAILABILITY_RANGE_DAYS) return { field: 'to', key: 'range.tooLong' };
    return null;
  }

  /** The schedule's slots between two local dates, with the places still free in each. */
  private async openSlots(target: OfficeService, from: string, to: string): Promise<OpenSlot[]> {
    const { office, service, hours } = target;
    const { minNoticeMinutes, horizonDays } = target.rules;
    const window = closureForLocalDates(from, to, office.timeZone);
    const [windowStart, windowEnd] = [new Date(window.start), new Date(window.end)];
    const [closures, taken] = await Promise.all([
      this.repository.listClosures(office.id, service.id, windowStart, windowEnd),
      this.repository.takenBySlot(service.id, windowStart, windowEnd, service.capacity),
    ]);
    const rules: CalendarRules = {
      timeZone: office.timeZone,
      openingHours: hours.map((h) => ({ weekday: h.weekday as IsoWeekday, start: hhmm(h.startTime), end: hhmm(h.endTime) })),
      durationMinutes: service.durationMinutes,
      capacity: service.capacity,
      minNoticeMinutes,
      horizonDays,
      closures: closures.map((c) => ({ start: c.startsAt.toISOString(), end: c.endsAt.toISOString() })),
      patronSaintDay:
        office.patronSaintMonth !== null && office.patronSaintDay !== null ? { month: office.patronSaintMonth, day: office.patronSaintDay } : null,
    };
    return generateSlots(rules, { from, to }, this.clock.now()).map((slot) => ({
      ...slot,
      remaining: Math.max(0, slot.capacity - (taken.get(Date.parse(slot.start)) ?? 0)),
    }));
  }

  /** The office, or 404 naming the field. */
  async requireOffice(officeId: string): Promise<Office> {
    const office = await this.repository.findOffice(officeId);
    if (!office) throw ApiError.notFound('office.notFound', 'officeId');
    return office;
  }
}
