/** Shapes of the administration API (`/api/admin/*`, `/api/audit`): managers and admins. */
import type {
  AdminDeskChangeDtoSchema,
  AdminDeskDtoSchema,
  AdminOfficeDtoSchema,
  AdminServiceChangeDtoSchema,
  AdminServiceDtoSchema,
  AdminStaffUserDtoSchema,
  AffectedItemDtoSchema,
  AuditEntryDtoSchema,
  AuditPageDtoSchema,
  ChangeOutcomeDtoSchema,
  ClosureDtoSchema,
  ConfirmationRequiredDtoSchema,
  OfficeRuleDefaultsSchema,
  OfficeSettingsDtoSchema,
  OpeningHoursChangeDtoSchema,
  OpeningHoursDtoSchema,
  PrivacySettingsDtoSchema,
  ServiceOutcomeInputSchema,
} from './schema/answers';
import type * as z from 'zod';
import type {
  DeskRequestSchema,
  OfficeRequestSchema,
  OfficeSettingsRequestSchema,
  OpeningHoursRequestSchema,
  PasswordResetRequestSchema,
  ServiceRequestSchema,
  StaffUserCreateRequestSchema,
  StaffUserUpdateRequestSchema,
} from './schema/admin';
import type { ClosureRequestSchema } from './schema/staff';

/** The privacy notice's texts an admin edits (retention and contacts come from elsewhere). */
export type PrivacySettingsDto = z.infer<typeof PrivacySettingsDtoSchema>;

// ---- Offices ------------------------------------------------------------------------

export type AdminOfficeDto = z.infer<typeof AdminOfficeDtoSchema>;

/** `POST /api/admin/offices` (admin) and `PUT /api/admin/offices/{officeId}` (timeZone only when creating). */
export type OfficeInput = z.infer<typeof OfficeRequestSchema> & {
  /** IANA zone, default Europe/Rome; fixed once the office exists. */
  timeZone?: string;
};

// ---- Settings -----------------------------------------------------------------------

/** The rules that fall back to the installation's environment variables when not set. */
export type OfficeRuleDefaults = z.infer<typeof OfficeRuleDefaultsSchema>;

export type OfficeSettingsDto = z.infer<typeof OfficeSettingsDtoSchema>;

/** `PUT /api/admin/offices/{officeId}/settings`: every field; null resets to the default. */
export type OfficeSettingsInput = z.infer<typeof OfficeSettingsRequestSchema>;

// ---- Services -----------------------------------------------------------------------

/** An outcome a desk records when completing a ticket of the service. */
export type ServiceOutcomeInput = z.infer<typeof ServiceOutcomeInputSchema>;

export type AdminServiceDto = z.infer<typeof AdminServiceDtoSchema>;

/**
 * `POST`/`PUT` of a service; `confirm` accepts the stranded appointments (see
 * ConfirmationRequired). `names.en` may be empty: the Italian name is used.
 */
export type ServiceInput = Omit<z.infer<typeof ServiceRequestSchema>, 'confirm' | 'signInRequired'> & { confirm?: boolean; signInRequired?: boolean };

// ---- Opening hours ------------------------------------------------------------------

export type OpeningHoursDto = z.infer<typeof OpeningHoursDtoSchema>;

/** `PUT /api/admin/offices/{officeId}/opening-hours`: replaces one week (the office's or a service's). */
export type OpeningHoursInput = z.input<typeof OpeningHoursRequestSchema>;

export type OpeningHoursChangeDto = z.infer<typeof OpeningHoursChangeDtoSchema>;

// ---- Desks --------------------------------------------------------------------------

export type AdminDeskDto = z.infer<typeof AdminDeskDtoSchema>;

export type DeskInput = Omit<z.infer<typeof DeskRequestSchema>, 'confirm'> & { confirm?: boolean };

// ---- The stranding check ------------------------------------------------------------

/** One thing a change would strand: a booked appointment, or a ticket waiting in today's queue. */
export type AffectedItemDto = z.infer<typeof AffectedItemDtoSchema>;

/**
 * Body of 409 CONFIRMATION_REQUIRED: nothing was written. Repeat the same request with
 * `confirm: true` to go ahead: stranded appointments are then cancelled, each citizen told
 * by e-mail; tickets stay in the queue (staff can transfer them).
 */
export type ConfirmationRequiredDto = z.infer<typeof ConfirmationRequiredDtoSchema>;

/** What a confirmed change did to the affected items. */
export type ChangeOutcomeDto = z.infer<typeof ChangeOutcomeDtoSchema>;

export type AdminServiceChangeDto = z.infer<typeof AdminServiceChangeDtoSchema>;
export type AdminDeskChangeDto = z.infer<typeof AdminDeskChangeDtoSchema>;

// ---- Closures (`/api/offices/{officeId}/closures`) ------------------------------------

export type ClosureDto = z.infer<typeof ClosureDtoSchema>;

export type ClosureInput = z.input<typeof ClosureRequestSchema>;

// ---- Staff accounts -----------------------------------------------------------------

export type AdminStaffUserDto = z.infer<typeof AdminStaffUserDtoSchema>;

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
export const AUDIT_ACTIONS = [
  'CREATE',
  'UPDATE',
  'DELETE',
  'VIEW',
  'EXPORT',
  'CHECK_IN',
  'PASSWORD_RESET',
  'LOGIN',
  'LOGOUT',
  'LOGIN_FAILED',
  'LOCKED_OUT',
  'UNDO',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an audit row is about. `agenda`: a day's appointments viewed or searched. */
export const AUDIT_ENTITIES = [
  'office',
  'office_settings',
  'service',
  'opening_hours',
  'desk',
  'closure',
  'notice',
  'staff_user',
  'agenda',
  'appointment',
  'statistics',
  'ticket',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export type AuditEntryDto = z.infer<typeof AuditEntryDtoSchema>;

/** `GET /api/audit?from=&to=&actor=&action=&entity=&officeId=&page=&pageSize=` (admins). */
export type AuditPageDto = z.infer<typeof AuditPageDtoSchema>;
