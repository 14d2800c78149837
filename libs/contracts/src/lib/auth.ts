/** Shapes of the staff authentication API (`/api/auth/*`). */
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

export interface StaffOfficeDto {
  id: string;
  name: string;
}

export interface StaffUserDto {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  /** The offices this account works for; an admin gets every office. */
  offices: StaffOfficeDto[];
}

/** Answer of `POST /api/auth/login` and `GET /api/auth/me`. */
export interface StaffSessionDto {
  user: StaffUserDto;
}

/** Cookie and header of the CSRF double-submit (Angular's HttpClient defaults). */
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'X-XSRF-TOKEN';
