/** Shapes of the administration API (`/api/admin/*`, `/api/audit`): managers and admins. */
import type * as z from 'zod';
import type { StaffOfficeDto, StaffRole } from './auth';
import type { DeskRequestSchema, OfficeRequestSchema, OfficeSettingsRequestSchema, OpeningHoursRequestSchema, PasswordResetRequestSchema, ServiceRequestSchema, StaffUserCreateRequestSchema, StaffUserUpdateRequestSchema } from './schema/admin';
import type { ClosureRequestSchema } from './schema/staff';
import type { AccessibilityNoteDto, LocalizedText, OpeningIntervalDto, PrivacyNoticeDto } from './calendar';

/** The privacy notice's texts an admin edits (retention and contacts come from elsewhere). */
export type PrivacySettingsDto = Pick<PrivacyNoticeDto, 'controller' | 'controllerEmail' | 'dpoName' | 'dpoEmail' | 'purposes' | 'legalBasis' | 'recipients'>;

// ---- Offices ------------------------------------------------------------------------

export interface AdminOfficeDto {
  id: string;
  code: string;
  name: string;
  address: string;
  city: string;
  phone: string | null;
  email: string | null;
  latitude: number | null;
  longitude: number | null;
  timeZone: string;
}

/** `POST /api/admin/offices` (admin) and `PUT /api/admin/offices/{officeId}` (timeZone only when creating). */
export type OfficeInput = z.infer<typeof OfficeRequestSchema> & {
  /** IANA zone, default Europe/Rome; fixed once the office exists. */
  timeZone?: string;
};

// ---- Settings -----------------------------------------------------------------------

/** The rules that fall back to the installation's environment variables when not set. */
export interface OfficeRuleDefaults {
  holdMinutes: number;
  cancelCutoffHours: number;
  reminderHoursBefore: number;
  maxActivePerFiscalCode: number;
  retentionDays: number;
}

export interface OfficeSettingsDto {
  officeId: string;
  bookingHorizonDays: number;
  minNoticeMinutes: number;
  reconfirmRequired: boolean;
  /** null: the installation default (see `defaults`). */
  holdMinutes: number | null;
  cancelCutoffHours: number | null;
  reminderHoursBefore: number | null;
  maxActivePerFiscalCode: number | null;
  retentionDays: number | null;
  /** YYYY-MM-DD, first and last day of the administration's mandate. */
  mandateStart: string | null;
  mandateEnd: string | null;
  patronSaint: { month: number; day: number } | null;
  /** The privacy notice (GDPR art. 13) and the accessibility page; see LegalNotesDto. */
  privacy: PrivacySettingsDto;
  accessibility: AccessibilityNoteDto;
  /** The environment's values, used where the office sets none. */
  defaults: OfficeRuleDefaults;
  /** The reminder must come before the reconfirmation deadline (RECONFIRM_DEADLINE_HOURS). */
  reconfirmDeadlineHours: number;
}

/** `PUT /api/admin/offices/{officeId}/settings`: every field; null resets to the default. */
export type OfficeSettingsInput = z.infer<typeof OfficeSettingsRequestSchema>;

// ---- Services -----------------------------------------------------------------------

/** An outcome a desk records when completing a ticket of the service. */
export interface ServiceOutcomeInput {
  code: string;
  it: string;
  en: string;
}

export interface AdminServiceDto {
  id: string;
  officeId: string;
  code: string;
  names: LocalizedText;
  descriptions: LocalizedText;
  durationMinutes: number;
  capacity: number;
  documents: { it: string[]; en: string[] };
  feeCents: number | null;
  feeNote: LocalizedText | null;
  onlineAlternative: { url: string; description: LocalizedText } | null;
  sortOrder: number;
  active: boolean;
  ticketPrefix: string;
  outcomes: ServiceOutcomeInput[];
  /**
   * Active desks that serve it. 0: nobody can call its tickets, so it takes no walk-ins
   * (kiosk and desk) and the admin page warns.
   */
  desks: number;
}

/**
 * `POST`/`PUT` of a service; `confirm` accepts the stranded appointments (see
 * ConfirmationRequired). `names.en` may be empty: the Italian name is used.
 */
export type ServiceInput = Omit<z.infer<typeof ServiceRequestSchema>, 'confirm'> & { confirm?: boolean };

// ---- Opening hours ------------------------------------------------------------------

export interface OpeningHoursDto {
  /** The office's weekly hours (for every service without hours of its own). */
  office: OpeningIntervalDto[];
  /** Services with hours of their own, by service id. */
  services: Record<string, OpeningIntervalDto[]>;
}

/** `PUT /api/admin/offices/{officeId}/opening-hours`: replaces one week (the office's or a service's). */
export type OpeningHoursInput = z.input<typeof OpeningHoursRequestSchema>;

export interface OpeningHoursChangeDto extends OpeningHoursDto {
  /** Booking codes cancelled because their slot no longer exists (each citizen told). */
  cancelled: string[];
  /** Waiting-list entries told about new places. */
  waitlistNotified: number;
}

// ---- Desks --------------------------------------------------------------------------

export interface AdminDeskDto {
  id: string;
  officeId: string;
  number: number;
  name: string;
  active: boolean;
  serviceIds: string[];
}

export type DeskInput = Omit<z.infer<typeof DeskRequestSchema>, 'confirm'> & { confirm?: boolean };

// ---- The stranding check ------------------------------------------------------------

/** One thing a change would strand: a booked appointment, or a ticket waiting in today's queue. */
export interface AffectedItemDto {
  kind: 'APPOINTMENT' | 'TICKET';
  id: string;
  /** Booking code (appointment) or ticket number ("C012"). */
  code: string;
  /** Appointment start, or when the ticket joined the queue (ISO). */
  start: string;
  serviceId: string;
  serviceName: string;
}

/**
 * Body of 409 CONFIRMATION_REQUIRED: nothing was written. Repeat the same request with
 * `confirm: true` to go ahead: stranded appointments are then cancelled, each citizen told
 * by e-mail; tickets stay in the queue (staff can transfer them).
 */
export interface ConfirmationRequiredDto {
  statusCode: 409;
  code: 'CONFIRMATION_REQUIRED';
  message: string;
  affected: AffectedItemDto[];
}

/** What a confirmed change did to the affected items. */
export interface ChangeOutcomeDto {
  /** Booking codes cancelled (each citizen got an e-mail). */
  cancelled: string[];
  /** Ticket numbers left in the queue of a service fewer desks now serve. */
  ticketsLeft: string[];
}

export type AdminServiceChangeDto = AdminServiceDto & ChangeOutcomeDto;
export type AdminDeskChangeDto = AdminDeskDto & ChangeOutcomeDto;

// ---- Closures (`/api/offices/{officeId}/closures`) ------------------------------------

export interface ClosureDto {
  id: string;
  officeId: string;
  /** Closed for this service only; null: the whole office. */
  serviceId: string | null;
  /** ISO instants, half-open [start, end). */
  start: string;
  end: string;
  reason: string | null;
  /** Booking codes cancelled by this closure (each citizen got the closure notice). */
  cancelled: string[];
}

export type ClosureInput = z.input<typeof ClosureRequestSchema>;

// ---- Staff accounts -----------------------------------------------------------------

export interface AdminStaffUserDto {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  active: boolean;
  offices: StaffOfficeDto[];
  /** Locked by wrong passwords right now (a password reset unlocks). */
  locked: boolean;
  createdAt: string;
}

export type StaffUserCreateInput = z.infer<typeof StaffUserCreateRequestSchema>;

export type StaffUserUpdateInput = z.infer<typeof StaffUserUpdateRequestSchema>;

export type PasswordResetInput = z.input<typeof PasswordResetRequestSchema>;

// ---- Audit log ----------------------------------------------------------------------

/**
 * Actions written by this version. Readers (the audit page) must not assume the list is
 * closed: a row of an action they do not know is shown by its code. `LOGIN`, `LOGOUT`,
 * `LOGIN_FAILED` and `LOCKED_OUT` are staff sign-ins (entity `staff_user`; never the
 * password, never an address).
 */
export const AUDIT_ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'VIEW', 'EXPORT', 'CHECK_IN', 'PASSWORD_RESET', 'LOGIN', 'LOGOUT', 'LOGIN_FAILED', 'LOCKED_OUT', 'UNDO'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an audit row is about. `agenda`: a day's appointments viewed or searched. */
export const AUDIT_ENTITIES = ['office', 'office_settings', 'service', 'opening_hours', 'desk', 'closure', 'staff_user', 'agenda', 'appointment', 'statistics', 'ticket'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export interface AuditEntryDto {
  id: string;
  at: string;
  actor: { id: string | null; username: string | null; role: string | null };
  /** One of AUDIT_ACTIONS, or an action of a later version. */
  action: AuditAction | (string & {});
  entity: string;
  entityId: string | null;
  officeId: string | null;
  details: Record<string, unknown>;
}

/** `GET /api/audit?from=&to=&actor=&action=&entity=&officeId=&page=&pageSize=` (admins). */
export interface AuditPageDto {
  items: AuditEntryDto[];
  total: number;
  page: number;
  pageSize: number;
}
