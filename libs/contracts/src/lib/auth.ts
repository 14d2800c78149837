/** Shapes of the staff authentication API (`/api/auth/*`). */
import type { StaffOfficeDtoSchema, StaffSessionDtoSchema, StaffUserDtoSchema } from './schema/answers';
import type * as z from 'zod';
import type { LoginRequestSchema } from './schema/staff';

/**
 * Staff roles. `operator` works a desk, `manager` runs an office (settings, statistics,
 * the e-mail log), `admin` may do everything everywhere, `kiosk` is a totem's account
 * (check-in and walk-in tickets only).
 */
export const STAFF_ROLES = ['operator', 'manager', 'admin', 'kiosk'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export type LoginRequest = z.input<typeof LoginRequestSchema>;

export type StaffOfficeDto = z.infer<typeof StaffOfficeDtoSchema>;

export type StaffUserDto = z.infer<typeof StaffUserDtoSchema>;

/** Answer of `POST /api/auth/login` and `GET /api/auth/me`. */
export type StaffSessionDto = z.infer<typeof StaffSessionDtoSchema>;

/** Cookie and header of the CSRF double-submit (Angular's HttpClient defaults). */
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'X-XSRF-TOKEN';
