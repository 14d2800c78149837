/**
 * The schemas of the api's answers (and of the error body): their TypeScript types are
 * `z.infer` of these, exported by `@sportello/contracts`; the OpenAPI document uses them.
 */
import * as z from 'zod';
import { AUDIT_ACTIONS } from '../admin';
import { STAFF_ROLES } from '../auth';
import { LANGUAGES } from '../calendar';
import { ERROR_CODES } from '../errors';
import { AGENDA_STATUSES, TICKET_EVENT_TYPES, TICKET_STATUSES } from '../frontdesk';
import { STATS_METRICS, STATS_PRESETS } from '../stats';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, NOTIFICATION_STATUSES } from '../notifications';

export const FieldErrorSchema = z.object({ field: z.string(), message: z.string() }).meta({ id: 'FieldError' });
export const ApiErrorBodySchema = z
  .object({ statusCode: z.number(), code: z.enum(ERROR_CODES), message: z.string(), errors: z.array(FieldErrorSchema).optional() })
  .meta({ id: 'ApiErrorBody' });
export const LocalizedTextSchema = z.object({ it: z.string(), en: z.string() }).meta({ id: 'LocalizedText' });
export const OpeningIntervalDtoSchema = z.object({ weekday: z.number(), start: z.string(), end: z.string() }).meta({ id: 'OpeningIntervalDto' });
export const OfficeDtoSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    address: z.string(),
    city: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
    mapUrl: z.string(),
    timeZone: z.string(),
    retentionDays: z.number(),
    cancelCutoffHours: z.number(),
    openingHours: z.array(OpeningIntervalDtoSchema),
  })
  .meta({ id: 'OfficeDto' });
export const OnlineAlternativeDtoSchema = z.object({ url: z.string(), description: LocalizedTextSchema }).meta({ id: 'OnlineAlternativeDto' });
export const ServiceSuspensionDtoSchema = z
  .object({ reason: z.string().nullable(), until: z.string(), lastClosedDate: z.string() })
  .meta({ id: 'ServiceSuspensionDto' });
export const ServiceDtoSchema = z
  .object({
    id: z.string(),
    officeId: z.string(),
    code: z.string(),
    name: z.string(),
    names: LocalizedTextSchema,
    description: LocalizedTextSchema,
    durationMinutes: z.number(),
    capacity: z.number(),
    documents: z.array(z.string()),
    documentsByLanguage: z.object({ it: z.array(z.string()), en: z.array(z.string()) }),
    feeCents: z.number().nullable(),
    feeNote: LocalizedTextSchema.nullable(),
    onlineAlternative: OnlineAlternativeDtoSchema.nullable(),
    suspension: ServiceSuspensionDtoSchema.nullable(),
    signInRequired: z.boolean().meta({ description: 'Only citizens signed in with SPID/CIE book it (anonymous holds and bookings: 401 SIGN_IN_REQUIRED)' }),
  })
  .meta({ id: 'ServiceDto' });
export const AccessibilityNoteDtoSchema = z
  .object({ declarationUrl: z.string().nullable(), feedbackEmail: z.string().nullable() })
  .meta({ id: 'AccessibilityNoteDto' });
export const PrivacyNoticeDtoSchema = z
  .object({
    controller: z.string().nullable(),
    controllerEmail: z.string().nullable(),
    dpoName: z.string().nullable(),
    dpoEmail: z.string().nullable(),
    purposes: LocalizedTextSchema.nullable(),
    legalBasis: LocalizedTextSchema.nullable(),
    recipients: LocalizedTextSchema.nullable(),
    retentionDays: z.number(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
    channels: z
      .array(z.enum(NOTIFICATION_CHANNELS))
      .meta({ description: 'How the office sends messages: EMAIL always, IO where App IO is configured for it (the notice names each)' }),
  })
  .meta({ id: 'PrivacyNoticeDto' });
export const LegalNotesDtoSchema = z
  .object({ officeId: z.string(), officeName: z.string(), privacy: PrivacyNoticeDtoSchema, accessibility: AccessibilityNoteDtoSchema })
  .meta({ id: 'LegalNotesDto' });
export const SlotDtoSchema = z.object({ start: z.string(), end: z.string(), remaining: z.number() }).meta({ id: 'SlotDto' });
export const AvailabilityDayDtoSchema = z.object({ date: z.string(), slots: z.array(SlotDtoSchema) }).meta({ id: 'AvailabilityDayDto' });
export const AvailabilityDtoSchema = z.object({ timeZone: z.string(), days: z.array(AvailabilityDayDtoSchema) }).meta({ id: 'AvailabilityDto' });
export const HoldLimitBodySchema = z
  .object({ statusCode: z.literal(429), code: z.literal('HOLD_LIMIT_REACHED'), message: z.string(), retryAt: z.string() })
  .meta({ id: 'HoldLimitBody' });
export const HoldDtoSchema = z.object({ holdId: z.string(), expiresAt: z.string() }).meta({ id: 'HoldDto' });
export const AppointmentCreatedDtoSchema = z
  .object({
    code: z.string(),
    start: z.string(),
    end: z.string(),
    officeId: z.string(),
    serviceId: z.string(),
    status: z.literal('BOOKED'),
    manageUrl: z.string(),
    changeableUntil: z.string(),
  })
  .meta({ id: 'AppointmentCreatedDto' });
export const AttendanceDtoSchema = z
  .object({ status: z.enum(['NOT_REQUIRED', 'PENDING', 'CONFIRMED']), confirmBy: z.string().nullable(), confirmedAt: z.string().nullable() })
  .meta({ id: 'AttendanceDto' });
export const ManagedAppointmentDtoSchema = z
  .object({
    code: z.string(),
    status: z.enum(['BOOKED', 'CANCELLED']),
    start: z.string(),
    end: z.string(),
    timeZone: z.string(),
    officeId: z.string(),
    serviceId: z.string(),
    serviceCode: z.string(),
    serviceName: z.object({ it: z.string(), en: z.string() }),
    officeName: z.string(),
    officeAddress: z.string(),
    officePhone: z.string().nullable(),
    officeEmail: z.string().nullable(),
    officeMapUrl: z.string(),
    feeCents: z.number().nullable(),
    feeNote: z.object({ it: z.string(), en: z.string() }).nullable(),
    bookedAt: z.string(),
    citizen: z.object({ firstName: z.string(), lastName: z.string(), email: z.string() }),
    documents: z.array(z.string()),
    language: z.enum(LANGUAGES),
    changeableUntil: z.string(),
    canChange: z.boolean(),
    attendance: AttendanceDtoSchema,
  })
  .meta({ id: 'ManagedAppointmentDto' });
export const SlotAlternativeDtoSchema = z.object({ start: z.string(), end: z.string() }).meta({ id: 'SlotAlternativeDto' });
export const SlotUnavailableBodySchema = z
  .object({ statusCode: z.literal(409), code: z.literal('SLOT_UNAVAILABLE'), message: z.string(), alternatives: z.array(SlotAlternativeDtoSchema) })
  .meta({ id: 'SlotUnavailableBody' });
export const WaitlistEntryCreatedDtoSchema = z
  .object({ officeId: z.string(), serviceId: z.string(), expiresAt: z.string() })
  .meta({ id: 'WaitlistEntryCreatedDto' });
export const WaitlistUnsubscribedDtoSchema = z.object({ status: z.literal('UNSUBSCRIBED') }).meta({ id: 'WaitlistUnsubscribedDto' });
export const StaffOfficeDtoSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: 'StaffOfficeDto' });
export const StaffUserDtoSchema = z
  .object({ id: z.string(), username: z.string(), displayName: z.string(), role: z.enum(STAFF_ROLES), offices: z.array(StaffOfficeDtoSchema) })
  .meta({ id: 'StaffUserDto' });
export const StaffSessionDtoSchema = z.object({ user: StaffUserDtoSchema }).meta({ id: 'StaffSessionDto' });
export const HealthDtoSchema = z
  .object({ status: z.enum(['ok', 'error']), checks: z.record(z.string(), z.enum(['ok', 'error'])).optional() })
  .meta({ id: 'HealthDto' });
export const TicketDtoSchema = z
  .object({
    id: z.string(),
    officeId: z.string(),
    serviceId: z.string(),
    serviceName: z.object({ it: z.string(), en: z.string() }),
    number: z.string(),
    kind: z.enum(['APPOINTMENT', 'WALK_IN']),
    priority: z.boolean(),
    holderName: z.string().nullable(),
    status: z.enum(TICKET_STATUSES),
    queuedAt: z.string(),
    calledAt: z.string().nullable(),
    startedAt: z.string().nullable(),
    deskId: z.string().nullable(),
    deskName: z.string().nullable(),
    appointmentCode: z.string().nullable(),
    appointmentStart: z.string().nullable(),
    position: z.number().nullable(),
    estimatedWaitMinutes: z.number().nullable(),
    publicUrl: z.string(),
    undoUntil: z.string().optional(),
  })
  .meta({ id: 'TicketDto' });
export const PublicTicketDtoSchema = z
  .object({
    id: z.string(),
    officeId: z.string(),
    officeName: z.string(),
    number: z.string(),
    serviceName: z.object({ it: z.string(), en: z.string() }),
    status: z.enum(TICKET_STATUSES),
    position: z.number().nullable(),
    estimatedWaitMinutes: z.number().nullable(),
    deskName: z.string().nullable(),
    queuedAt: z.string(),
  })
  .meta({ id: 'PublicTicketDto' });
export const ServiceOutcomeDtoSchema = z.object({ code: z.string(), label: z.object({ it: z.string(), en: z.string() }) }).meta({ id: 'ServiceOutcomeDto' });
export const DeskDtoSchema = z
  .object({
    id: z.string(),
    officeId: z.string(),
    number: z.number(),
    name: z.string(),
    paused: z.boolean(),
    services: z.array(
      z.object({ id: z.string(), name: z.object({ it: z.string(), en: z.string() }), ticketPrefix: z.string(), outcomes: z.array(ServiceOutcomeDtoSchema) }),
    ),
    current: TicketDtoSchema.nullable(),
    waiting: z.number(),
  })
  .meta({ id: 'DeskDto' });
export const DisplayCallDtoSchema = z
  .object({ eventId: z.string(), ticketId: z.string(), number: z.string(), deskName: z.string(), at: z.string(), recall: z.boolean() })
  .meta({ id: 'DisplayCallDto' });
export const OpenStateDtoSchema = z
  .discriminatedUnion('open', [
    z.object({ open: z.literal(true), closesAt: z.string() }),
    z.object({ open: z.literal(false), reason: z.enum(['HOURS', 'HOLIDAY', 'CLOSURE']), closureReason: z.string().nullable(), opensAt: z.string().nullable() }),
  ])
  .meta({ id: 'OpenStateDto' });
export const DisplayDtoSchema = z
  .object({
    officeId: z.string(),
    officeName: z.string(),
    current: z.array(DisplayCallDtoSchema),
    recent: z.array(DisplayCallDtoSchema),
    waits: z.array(
      z.object({
        serviceId: z.string(),
        name: z.object({ it: z.string(), en: z.string() }),
        ticketPrefix: z.string(),
        waiting: z.number(),
        estimatedWaitMinutes: z.number().nullable(),
        open: z.boolean(),
        desks: z.number(),
      }),
    ),
    rules: z.object({ toleranceMinutes: z.number(), maxWaitMinutes: z.number() }),
    open: OpenStateDtoSchema,
  })
  .meta({ id: 'DisplayDto' });
export const AgendaEntryDtoSchema = z
  .object({
    appointmentId: z.string(),
    code: z.string(),
    start: z.string(),
    end: z.string(),
    serviceId: z.string(),
    serviceName: z.object({ it: z.string(), en: z.string() }),
    citizenName: z.string(),
    fiscalCode: z.string(),
    phone: z.string().nullable(),
    status: z.enum(AGENDA_STATUSES),
    ticketId: z.string().nullable(),
    ticketNumber: z.string().nullable(),
  })
  .meta({ id: 'AgendaEntryDto' });
export const TodayOfficeDtoSchema = z
  .object({
    officeId: z.string(),
    officeName: z.string(),
    date: z.string(),
    booked: z.number(),
    arrived: z.number(),
    walkIns: z.number(),
    waiting: z.number(),
    served: z.number(),
    open: OpenStateDtoSchema,
  })
  .meta({ id: 'TodayOfficeDto' });
export const TodayDtoSchema = z.object({ offices: z.array(TodayOfficeDtoSchema) }).meta({ id: 'TodayDto' });
export const OfficeEventDtoSchema = z
  .object({
    type: z.enum(['ticket', 'desk', 'notice', 'resync']),
    officeId: z.string(),
    noticeId: z.string().optional().meta({ description: 'type notice: the notice (absent for a closure)' }),
    ticketId: z.string().optional(),
    deskId: z.string().optional(),
    event: z.enum(TICKET_EVENT_TYPES).optional(),
  })
  .meta({ id: 'OfficeEventDto' });
export const AdminOfficeDtoSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    address: z.string(),
    city: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    timeZone: z.string(),
  })
  .meta({ id: 'AdminOfficeDto' });
export const OfficeRuleDefaultsSchema = z
  .object({
    holdMinutes: z.number(),
    cancelCutoffHours: z.number(),
    reminderHoursBefore: z.number(),
    maxActivePerFiscalCode: z.number(),
    retentionDays: z.number(),
  })
  .meta({ id: 'OfficeRuleDefaults' });
export const PrivacySettingsDtoSchema = PrivacyNoticeDtoSchema.pick({
  controller: true,
  controllerEmail: true,
  dpoName: true,
  dpoEmail: true,
  purposes: true,
  legalBasis: true,
  recipients: true,
}).meta({ id: 'PrivacySettingsDto' });
export const OfficeSettingsDtoSchema = z
  .object({
    officeId: z.string(),
    bookingHorizonDays: z.number(),
    minNoticeMinutes: z.number(),
    reconfirmRequired: z.boolean(),
    holdMinutes: z.number().nullable(),
    cancelCutoffHours: z.number().nullable(),
    reminderHoursBefore: z.number().nullable(),
    maxActivePerFiscalCode: z.number().nullable(),
    retentionDays: z.number().nullable(),
    mandateStart: z.string().nullable(),
    mandateEnd: z.string().nullable(),
    patronSaint: z.object({ month: z.number(), day: z.number() }).nullable(),
    privacy: PrivacySettingsDtoSchema,
    accessibility: AccessibilityNoteDtoSchema,
    defaults: OfficeRuleDefaultsSchema,
    reconfirmDeadlineHours: z.number(),
    io: z
      .object({
        apiKeySet: z.boolean().meta({ description: 'The office has its own App IO API key (the key itself is never returned)' }),
        installationKeySet: z.boolean().meta({ description: 'IO_API_KEY is set: offices without a key of their own use it' }),
      })
      .meta({ id: 'OfficeIoSettingsDto' }),
  })
  .meta({ id: 'OfficeSettingsDto' });
export const ServiceOutcomeInputSchema = z.object({ code: z.string(), it: z.string(), en: z.string() }).meta({ id: 'ServiceOutcomeInput' });
export const AdminServiceDtoSchema = z
  .object({
    id: z.string(),
    officeId: z.string(),
    code: z.string(),
    names: LocalizedTextSchema,
    descriptions: LocalizedTextSchema,
    durationMinutes: z.number(),
    capacity: z.number(),
    documents: z.object({ it: z.array(z.string()), en: z.array(z.string()) }),
    feeCents: z.number().nullable(),
    feeNote: LocalizedTextSchema.nullable(),
    onlineAlternative: z.object({ url: z.string(), description: LocalizedTextSchema }).nullable(),
    sortOrder: z.number(),
    active: z.boolean(),
    ticketPrefix: z.string(),
    outcomes: z.array(ServiceOutcomeInputSchema),
    signInRequired: z.boolean(),
    desks: z.number(),
  })
  .meta({ id: 'AdminServiceDto' });
export const OpeningHoursDtoSchema = z
  .object({ office: z.array(OpeningIntervalDtoSchema), services: z.record(z.string(), z.array(OpeningIntervalDtoSchema)) })
  .meta({ id: 'OpeningHoursDto' });
export const OpeningHoursChangeDtoSchema = OpeningHoursDtoSchema.extend({ cancelled: z.array(z.string()), waitlistNotified: z.number() }).meta({
  id: 'OpeningHoursChangeDto',
});
export const AdminDeskDtoSchema = z
  .object({ id: z.string(), officeId: z.string(), number: z.number(), name: z.string(), active: z.boolean(), serviceIds: z.array(z.string()) })
  .meta({ id: 'AdminDeskDto' });
export const AffectedItemDtoSchema = z
  .object({ kind: z.enum(['APPOINTMENT', 'TICKET']), id: z.string(), code: z.string(), start: z.string(), serviceId: z.string(), serviceName: z.string() })
  .meta({ id: 'AffectedItemDto' });
export const ConfirmationRequiredDtoSchema = z
  .object({ statusCode: z.literal(409), code: z.literal('CONFIRMATION_REQUIRED'), message: z.string(), affected: z.array(AffectedItemDtoSchema) })
  .meta({ id: 'ConfirmationRequiredDto' });
export const ChangeOutcomeDtoSchema = z.object({ cancelled: z.array(z.string()), ticketsLeft: z.array(z.string()) }).meta({ id: 'ChangeOutcomeDto' });
export const ClosureDtoSchema = z
  .object({
    id: z.string(),
    officeId: z.string(),
    serviceId: z.string().nullable(),
    start: z.string(),
    end: z.string(),
    reason: z.string().nullable(),
    cancelled: z.array(z.string()),
  })
  .meta({ id: 'ClosureDto' });
export const AdminStaffUserDtoSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(STAFF_ROLES),
    active: z.boolean(),
    offices: z.array(StaffOfficeDtoSchema),
    locked: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'AdminStaffUserDto' });
export const AuditEntryDtoSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.object({ id: z.string().nullable(), username: z.string().nullable(), role: z.string().nullable() }),
    action: z.union([z.enum(AUDIT_ACTIONS), z.string()]),
    entity: z.string(),
    entityId: z.string().nullable(),
    officeId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntryDto' });
export const AuditPageDtoSchema = z
  .object({ items: z.array(AuditEntryDtoSchema), total: z.number(), page: z.number(), pageSize: z.number() })
  .meta({ id: 'AuditPageDto' });
export const StatsPeriodDtoSchema = z.object({ from: z.string(), to: z.string() }).meta({ id: 'StatsPeriodDto' });
export const StatsOfficeDtoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    timeZone: z.string(),
    mandate: StatsPeriodDtoSchema.nullable(),
    presets: z.record(z.enum(STATS_PRESETS), StatsPeriodDtoSchema.nullable()),
  })
  .meta({ id: 'StatsOfficeDto' });
export const StatsOptionsDtoSchema = z.object({ offices: z.array(StatsOfficeDtoSchema) }).meta({ id: 'StatsOptionsDto' });
export const StatsCountsDtoSchema = z
  .object({
    appointmentsAttended: z.number(),
    walkIns: z.number(),
    receptionsTotal: z.number(),
    phoneCalls: z.number(),
    residencyOnline: z.number(),
    residencyDesk: z.number(),
    cieIssued: z.number(),
    spidIssued: z.number(),
  })
  .meta({ id: 'StatsCountsDto' });
export const StatsSummaryDtoSchema = StatsCountsDtoSchema.extend({
  noShows: z.number(),
  cancelled: z.number(),
  avgWaitMinutes: z.number().nullable(),
  p90WaitMinutes: z.number().nullable(),
  avgServiceMinutes: z.number().nullable(),
  appointmentsBooked: z.number(),
  p90ServiceMinutes: z.number().nullable(),
  waitSamples: z.number(),
  serviceSamples: z.number(),
  period: StatsPeriodDtoSchema,
  officeIds: z.array(z.string()),
  recorded: StatsCountsDtoSchema,
  monthly: StatsCountsDtoSchema,
  partialMonths: z.array(z.string()),
}).meta({ id: 'StatsSummaryDto' });
export const StatsServiceRowDtoSchema = z
  .object({
    officeId: z.string(),
    serviceId: z.string().nullable(),
    serviceCode: z.string().nullable(),
    serviceName: z.object({ it: z.string(), en: z.string() }),
    booked: z.number().nullable(),
    attended: z.number(),
    noShows: z.number().nullable(),
    cancelled: z.number().nullable(),
    walkInsServed: z.number(),
    receptions: z.number(),
    avgWaitMinutes: z.number().nullable(),
    p90WaitMinutes: z.number().nullable(),
    avgServiceMinutes: z.number().nullable(),
  })
  .meta({ id: 'StatsServiceRowDto' });
export const StatsServicesDtoSchema = z.object({ period: StatsPeriodDtoSchema, rows: z.array(StatsServiceRowDtoSchema) }).meta({ id: 'StatsServicesDto' });
export const StatsOutcomeRowDtoSchema = z
  .object({
    officeId: z.string(),
    serviceId: z.string().nullable(),
    serviceName: z.object({ it: z.string(), en: z.string() }),
    outcome: z.string(),
    label: z.object({ it: z.string(), en: z.string() }),
    count: z.number(),
  })
  .meta({ id: 'StatsOutcomeRowDto' });
export const StatsOutcomesDtoSchema = z.object({ period: StatsPeriodDtoSchema, rows: z.array(StatsOutcomeRowDtoSchema) }).meta({ id: 'StatsOutcomesDto' });
export const StatsHeatMapDtoSchema = z
  .object({ period: StatsPeriodDtoSchema, cells: z.array(z.array(z.number())), max: z.number(), total: z.number() })
  .meta({ id: 'StatsHeatMapDto' });
export const StatsTrendMonthDtoSchema = z
  .object({ month: z.string(), appointmentsAttended: z.number(), walkIns: z.number(), receptionsTotal: z.number(), includesMonthlyFigures: z.boolean() })
  .meta({ id: 'StatsTrendMonthDto' });
export const StatsTrendDtoSchema = z
  .object({ period: StatsPeriodDtoSchema, months: z.array(StatsTrendMonthDtoSchema), partialMonths: z.array(z.string()) })
  .meta({ id: 'StatsTrendDto' });
export const MonthlyFigureDtoSchema = z
  .object({ month: z.string(), metric: z.enum(STATS_METRICS), value: z.number(), source: z.enum(['import', 'manual']), updatedAt: z.string() })
  .meta({ id: 'MonthlyFigureDto' });
export const MonthlyFiguresDtoSchema = z.object({ officeId: z.string(), figures: z.array(MonthlyFigureDtoSchema) }).meta({ id: 'MonthlyFiguresDto' });
export const HistoryImportResultDtoSchema = z
  .object({ officeId: z.string(), imported: z.number(), replaced: z.number(), months: z.object({ from: z.string(), to: z.string() }) })
  .meta({ id: 'HistoryImportResultDto' });
export const HistoryLineProblemDtoSchema = z
  .object({ line: z.number(), field: z.enum(['month', 'metric', 'value', 'line']), message: z.string() })
  .meta({ id: 'HistoryLineProblemDto' });
export const CounterMonthDtoSchema = z
  .object({
    month: z.string(),
    phoneCalls: z.number().nullable(),
    residencyOnline: z.number().nullable(),
    phoneCallsSource: z.enum(['import', 'manual']).nullable(),
    residencyOnlineSource: z.enum(['import', 'manual']).nullable(),
  })
  .meta({ id: 'CounterMonthDto' });
export const CountersDtoSchema = z.object({ officeId: z.string(), year: z.number(), months: z.array(CounterMonthDtoSchema) }).meta({ id: 'CountersDto' });
export const AdminServiceChangeDtoSchema = AdminServiceDtoSchema.extend(ChangeOutcomeDtoSchema.shape).meta({ id: 'AdminServiceChangeDto' });
export const AdminDeskChangeDtoSchema = AdminDeskDtoSchema.extend(ChangeOutcomeDtoSchema.shape).meta({ id: 'AdminDeskChangeDto' });

/** GET /api/notifications: an e-mail of the outbox, without personal data. */
export const NotificationDtoSchema = z
  .object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    channel: z.enum(NOTIFICATION_CHANNELS).meta({ description: 'How the message goes: EMAIL, IO (App IO); never the address, chat id or phone' }),
    status: z.enum(NOTIFICATION_STATUSES),
    attempts: z.number(),
    lastError: z.string().nullable(),
    dueAt: z.string(),
    sentAt: z.string().nullable(),
    createdAt: z.string(),
    bookingCode: z.string().nullable(),
  })
  .meta({ id: 'NotificationDto' });

/** GET /api/challenge: an ALTCHA challenge (altcha-lib's own shape: `parameters` and `signature`). */
export const ChallengeDtoSchema = z
  .object({ parameters: z.record(z.string(), z.unknown()) })
  .loose()
  .meta({ id: 'ChallengeDto' });
