import { Inject, Injectable } from '@nestjs/common';
import {
  AvailabilityDto,
  AvailabilityQuery,
  Language,
  LegalNotesDto,
  MAX_AVAILABILITY_RANGE_DAYS,
  OfficeDto,
  OfficeRuleDefaults,
  ServiceDto,
  ServiceSuspensionDto,
  SlotAlternativeDto,
} from '@sportello/contracts';
import {
  addDays,
  CalendarRules,
  closureForLocalDates,
  closureSuspension,
  daysBetween,
  generateSlots,
  IsoWeekday,
  localToday,
  MonthDay,
  openNow,
  OpenNow,
  Slot,
} from '@sportello/domain';
import { DateTime } from 'luxon';
import { ApiError } from '../common/api-error';
import { Clock } from '../common/clock';
import { JsonAnswer } from '../common/json-answer';
import { APP_CONFIG } from '../config/config';
import { ioKeyFor } from '../notification/channels/io.client';
import type { AppConfig } from '../config/config';
import { CalendarRepository } from './calendar.repository';
import { hhmm, toLegalNotes, toOfficeDto, toServiceDto } from './calendar.mapper';
import type { OfficeSettings } from './office-settings.entity';
import type { Office } from './office.entity';
import type { OpeningHours } from './opening-hours.entity';
import type { Service } from './service.entity';
import type { Closure } from './closure.entity';

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
  /** `start` as epoch milliseconds. */
  startMs: number;
}

/** Schedules kept per (configuration, service, dates, minute): a rush asks for the same days again and again. */
const SCHEDULE_MEMO_SIZE = 200;
/** Availability answers kept per (configuration, service, dates). */
const ANSWER_MEMO_SIZE = 200;

interface ScheduledSlot {
  slot: Slot;
  /** `slot.start` as epoch milliseconds. */
  startMs: number;
}

/** Adds to a memo of bounded size, forgetting the oldest entry when full. */
function remember<V>(memo: Map<string, V>, key: string, value: V, size: number): void {
  if (memo.size >= size && !memo.has(key)) memo.delete(memo.keys().next().value as string);
  memo.set(key, value);
}

/** "startMs:taken,…" (see CalendarRepository.takenSignature) as a map. */
function parseTakenSignature(signature: string): Map<number, number> {
  const taken = new Map<number, number>();
  if (signature === '') return taken;
  for (const pair of signature.split(',')) {
    const colon = pair.indexOf(':');
    taken.set(Number(pair.slice(0, colon)), Number(pair.slice(colon + 1)));
  }
  return taken;
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
  /** The office's closures (whole office or one service) not yet ended when loaded. */
  closures: Closure[];
  /** The office's configuration counter these rules were loaded at. */
  version: string;
}

/** Everything that makes an office's calendar, as loaded at one configuration version. */
interface OfficeConfig {
  version: string;
  office: Office;
  settings: OfficeSettings | null;
  services: Service[];
  hours: OpeningHours[];
  closures: Closure[];
}

@Injectable()
export class CalendarService {
  private readonly configs = new Map<string, OfficeConfig>();
  private readonly schedules = new Map<string, ScheduledSlot[]>();
  private readonly answers = new Map<string, { schedule: ScheduledSlot[]; taken: string; answer: JsonAnswer }>();

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
    const [hours, settings] = await Promise.all([
      this.repository.listOpeningHours(offices.map((o) => o.id)),
      this.repository.listSettings(offices.map((o) => o.id)),
    ]);
    return offices.map((office) => toOfficeDto(office, hours, this.rules(settings.find((s) => s.officeId === office.id) ?? null)));
  }

  async listServices(officeId: string, language: Language): Promise<ServiceDto[]> {
    const config = await this.requireConfig(officeId);
    return config.services.map((service) => toServiceDto(service, language, this.suspension(this.officeService(config, service.id) as OfficeService)));
  }

  /** The privacy notice and the accessibility page of an office (GET /api/offices/{id}/legal). */
  async legalNotes(officeId: string): Promise<LegalNotesDto> {
    const config = await this.requireConfig(officeId);
    const io = ioKeyFor(this.config, config.settings?.ioApiKey ?? null) !== null;
    return toLegalNotes(config.office, config.settings, this.rules(config.settings).retentionDays, io ? ['EMAIL', 'IO'] : ['EMAIL']);
  }

  /**
   * Closures that take every time of the service's booking horizon: what the home page
   * says instead of "Prenota". Only computed when the horizon has no slot at all (the
   * schedule is memoised), which is rare.
   */
  private suspension(target: OfficeService): ServiceSuspensionDto | null {
    const zone = target.office.timeZone;
    const today = localToday(this.clock.now(), zone);
    const to = addDays(today, target.rules.horizonDays);
    if (this.schedule(target, today, to).length > 0) return null;
    const { closures, ...rules } = this.rulesFor(target, today, to);
    const applicable = target.closures.filter((c) => c.serviceId === null || c.serviceId === target.service.id);
    const found = closureSuspension(
      rules,
      applicable.map((c) => ({ start: c.startsAt.toISOString(), end: c.endsAt.toISOString(), reason: c.reason })),
      { from: today, to },
      this.clock.now(),
    );
    if (!found || closures.length === 0) return null;
    const until = DateTime.fromISO(found.until, { zone });
    return {
      reason: found.closure.reason?.trim() || null,
      until: until.toISO({ suppressMilliseconds: true }) as string,
      lastClosedDate: until.minus({ milliseconds: 1 }).toISODate() as string,
    };
  }

  /** The office and one of its active services, or 404 naming the field. */
  async requireOfficeService(officeId: string, serviceId: string): Promise<OfficeService> {
    const target = this.officeService(await this.requireConfig(officeId), serviceId);
    if (!target) throw ApiError.notFound('service.notFound', 'serviceId');
    return target;
  }

  private officeService(config: OfficeConfig, serviceId: string): OfficeService | null {
    const service = config.services.find((s) => s.id === serviceId);
    if (!service) return null;
    // A service with opening hours of its own uses only those; otherwise the office's.
    const own = config.hours.filter((h) => h.serviceId === service.id);
    const hours = own.length > 0 ? own : config.hours.filter((h) => h.serviceId === null);
    return {
      office: config.office,
      service,
      settings: config.settings,
      rules: this.rules(config.settings),
      hours,
      closures: config.closures,
      version: config.version,
    };
  }

  /**
   * The office's rules from memory, reloaded when the database's configuration counter for
   * the office has moved (one small query per call instead of five).
   */
  private async requireConfig(officeId: string): Promise<OfficeConfig> {
    const version = await this.repository.configVersion(officeId);
    if (version === null) throw ApiError.notFound('office.notFound', 'officeId');
    const cached = this.configs.get(officeId);
    if (cached?.version === version) return cached;
    // Read after the counter: a change in between makes the next call reload again.
    const [office, settings, services, hours, closures] = await Promise.all([
      this.repository.findOffice(officeId),
      this.repository.findSettings(officeId),
      this.repository.listActiveServices(officeId),
      this.repository.listOpeningHours([officeId]),
      this.repository.listClosuresFrom(officeId, new Date(this.clock.now().getTime() - 86_400_000)),
    ]);
    if (!office) throw ApiError.notFound('office.notFound', 'officeId');
    const config: OfficeConfig = { version, office, settings, services, hours, closures };
    this.configs.set(officeId, config);
    return config;
  }

  /**
   * GET /api/availability, serialised. One query reads the configuration counter and the
   * places taken; the answer built for the same rules, dates and minute is reused while
   * those places are the same (a month is hundreds of slots to build and serialise).
   */
  async availabilityAnswer(query: AvailabilityQuery): Promise<JsonAnswer> {
    const { target, result: taken } = await this.withCurrentRules(query.officeId, query.serviceId, (t) => {
      const window = closureForLocalDates(query.from, query.to, t.office.timeZone);
      return this.repository.takenSignature(t.office.id, t.service.id, new Date(window.start), new Date(window.end), t.service.capacity);
    });
    const schedule = this.schedule(target, query.from, query.to);
    const key = `${target.version}|${target.service.id}|${query.from}|${query.to}`;
    const cached = this.answers.get(key);
    if (cached && cached.schedule === schedule && cached.taken === taken.signature) return cached.answer;
    const takenBySlot = parseTakenSignature(taken.signature);
    const days = new Map<string, AvailabilityDto['days'][number]>();
    for (const { slot, startMs } of schedule) {
      const remaining = slot.capacity - (takenBySlot.get(startMs) ?? 0);
      if (remaining <= 0) continue;
      const day = days.get(slot.date) ?? { date: slot.date, slots: [] };
      day.slots.push({ start: slot.start, end: slot.end, remaining });
      days.set(slot.date, day);
    }
    const dto: AvailabilityDto = { timeZone: target.office.timeZone, days: [...days.values()] };
    const answer = new JsonAnswer(JSON.stringify(dto));
    remember(this.answers, key, { schedule, taken: taken.signature, answer }, ANSWER_MEMO_SIZE);
    return answer;
  }

  /**
   * The office and service with rules current as of `read`, a query of the caller's that
   * also returns the office's configuration counter: the rules come from memory when the
   * counter matches (no query of their own) and are reloaded when it moved.
   */
  async withCurrentRules<T extends { version: string | null }>(
    officeId: string,
    serviceId: string,
    read: (target: OfficeService) => Promise<T>,
  ): Promise<{ target: OfficeService; result: T }> {
    const config = this.configs.get(officeId);
    let target = config ? this.officeService(config, serviceId) : null;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (target) {
        const result = await read(target);
        if (result.version === target.version) return { target, result };
      }
      target = await this.requireOfficeService(officeId, serviceId);
    }
    // The rules keep changing under us: go on with the latest, read once more.
    const current = target as OfficeService;
    return { target: current, result: await read(current) };
  }

  /**
   * The slot starting at `start` if the schedule offers it now (opening hours, closures,
   * holidays, notice, horizon), with its current free places; null otherwise.
   */
  async bookableSlot(target: OfficeService, start: Date): Promise<OpenSlot | null> {
    return (await this.bookableDay(target, start)).slot;
  }

  /**
   * The slot starting at `start` if the schedule offers it now, without counting free
   * places (no query): the seat claim decides that. For the booking path.
   */
  scheduledSlot(target: OfficeService, start: Date): Slot | null {
    const date = DateTime.fromJSDate(start, { zone: target.office.timeZone }).toISODate() as string;
    return this.schedule(target, date, date).find((s) => s.startMs === start.getTime())?.slot ?? null;
  }

  /** Like bookableSlot, with every slot of that local day (reused for alternatives). */
  async bookableDay(target: OfficeService, start: Date): Promise<{ slot: OpenSlot | null; day: OpenSlot[] }> {
    const date = DateTime.fromJSDate(start, { zone: target.office.timeZone }).toISODate() as string;
    const day = await this.openSlots(target, date, date);
    return { slot: day.find((slot) => slot.startMs === start.getTime()) ?? null, day };
  }

  /**
   * Up to `limit` free slots nearest in time to `around`, in ascending order. Looks on
   * the same and adjacent days first and widens only when fewer are free there.
   */
  async alternatives(target: OfficeService, around: Date, limit = 5, sameDay: OpenSlot[] = []): Promise<SlotAlternativeDto[]> {
    const distance = (s: OpenSlot) => Math.abs(s.startMs - around.getTime());
    const nearest = (slots: OpenSlot[]) =>
      slots
        .sort((a, b) => distance(a) - distance(b))
        .slice(0, limit)
        .sort((a, b) => a.startMs - b.startMs)
        .map((s) => ({ start: s.start, end: s.end }));
    // The day just read for the request usually has enough: no further queries. Any slot
    // on that day is nearer than one on another day, except across midnight, which a
    // public office does not open through.
    const freeSameDay = sameDay.filter((s) => s.remaining > 0 && s.startMs !== around.getTime());
    if (freeSameDay.length >= limit) return nearest(freeSameDay);
    const zone = target.office.timeZone;
    const today = localToday(this.clock.now(), zone);
    const asked = DateTime.fromJSDate(around, { zone }).toISODate() as string;
    const centre = daysBetween(today, asked) < 0 ? today : asked;
    let free: OpenSlot[] = [];
    for (const reach of ALTERNATIVE_REACHES) {
      const from = daysBetween(today, addDays(centre, -reach)) < 0 ? today : addDays(centre, -reach);
      free = (await this.openSlots(target, from, addDays(centre, reach))).filter((s) => s.remaining > 0 && s.startMs !== around.getTime());
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
    const { office, service } = target;
    const window = closureForLocalDates(from, to, office.timeZone);
    const taken = parseTakenSignature(
      (await this.repository.takenSignature(office.id, service.id, new Date(window.start), new Date(window.end), service.capacity)).signature,
    );
    return this.schedule(target, from, to).map(({ slot, startMs }) => ({
      date: slot.date,
      start: slot.start,
      end: slot.end,
      capacity: slot.capacity,
      startMs,
      remaining: Math.max(0, slot.capacity - (taken.get(startMs) ?? 0)),
    }));
  }

  /**
   * The slots the schedule offers, generated once per configuration version, service,
   * date range and minute ("now" rounded up to the next minute: notice is kept, at the
   * cost of hiding a slot up to a minute early).
   */
  private schedule(target: OfficeService, from: string, to: string): ScheduledSlot[] {
    const now = Math.ceil(this.clock.now().getTime() / 60_000) * 60_000;
    const key = `${target.version}|${target.service.id}|${from}|${to}|${now}`;
    const memo = this.schedules.get(key);
    if (memo) return memo;
    const slots = generateSlots(this.rulesFor(target, from, to), { from, to }, new Date(now)).map((slot) => ({ slot, startMs: Date.parse(slot.start) }));
    remember(this.schedules, key, slots, SCHEDULE_MEMO_SIZE);
    return slots;
  }

  /** The calendar rules of a service for a range of local dates (closures in that range only). */
  private rulesFor(target: OfficeService, from: string, to: string): CalendarRules {
    const { office, service, hours } = target;
    const { minNoticeMinutes, horizonDays } = target.rules;
    const window = closureForLocalDates(from, to, office.timeZone);
    const [windowStart, windowEnd] = [new Date(window.start), new Date(window.end)];
    const closures = target.closures.filter((c) => (c.serviceId === null || c.serviceId === service.id) && c.startsAt < windowEnd && c.endsAt > windowStart);
    return {
      timeZone: office.timeZone,
      openingHours: hours.map((h) => ({ weekday: h.weekday as IsoWeekday, start: hhmm(h.startTime), end: hhmm(h.endTime) })),
      durationMinutes: service.durationMinutes,
      capacity: service.capacity,
      minNoticeMinutes,
      horizonDays,
      closures: closures.map((c) => ({ start: c.startsAt.toISOString(), end: c.endsAt.toISOString() })),
      patronSaintDay: patronSaintOf(office),
    };
  }

  /**
   * Whether the office is open now — or one service, with its own hours when it has some
   * and its closures too: inside today's hours, not a holiday, not in a closure.
   */
  async openNow(officeId: string, serviceId: string | null = null): Promise<OpenNow> {
    const config = await this.requireConfig(officeId);
    const own = serviceId ? config.hours.filter((h) => h.serviceId === serviceId) : [];
    const hours = own.length > 0 ? own : config.hours.filter((h) => h.serviceId === null);
    const closures = config.closures.filter((c) => c.serviceId === null || (serviceId !== null && c.serviceId === serviceId));
    return openNow(
      {
        timeZone: config.office.timeZone,
        openingHours: hours.map((h) => ({ weekday: h.weekday as IsoWeekday, start: hhmm(h.startTime), end: hhmm(h.endTime) })),
        closures: closures.map((c) => ({ start: c.startsAt.toISOString(), end: c.endsAt.toISOString(), reason: c.reason })),
        patronSaintDay: patronSaintOf(config.office),
      },
      this.clock.now(),
    );
  }

  /** The office, or 404 naming the field. */
  async requireOffice(officeId: string): Promise<Office> {
    return (await this.requireConfig(officeId)).office;
  }

  /** The office with its rules, as requireOfficeService gives them, whatever the service (a deactivated one too). */
  async requireOfficeRules(officeId: string): Promise<{ office: Office; rules: OfficeRules }> {
    const config = await this.requireConfig(officeId);
    return { office: config.office, rules: this.rules(config.settings) };
  }
}

function patronSaintOf(office: Office): MonthDay | null {
  return office.patronSaintMonth !== null && office.patronSaintDay !== null ? { month: office.patronSaintMonth, day: office.patronSaintDay } : null;
}
