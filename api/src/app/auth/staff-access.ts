import type { StaffRole } from '@sportello/contracts';
import { XSRF_COOKIE, XSRF_HEADER } from '@sportello/contracts';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../common/api-error';
import { readCookie, SESSION_COOKIE } from './auth.cookies';
import type { StaffPrincipal } from './auth.repository';
import { sameToken, xsrfTokenFor } from './session-token';

// The rules of staff access, without Nest (unit-tested as plain functions); the guard
// and the decorators that apply them are in staff.guard.ts.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type AccessRequest = Pick<FastifyRequest, 'method' | 'headers' | 'params'>;

/** May this staff member act for this office? An admin may act for every office. */
export function canAccessOffice(staff: StaffPrincipal, officeId: string): boolean {
  return staff.role === 'admin' || staff.officeIds.includes(officeId.toLowerCase());
}

/** Throws 403 `FORBIDDEN_OFFICE` unless the staff member may act for the office. */
export function assertOfficeAccess(staff: StaffPrincipal, officeId: string): void {
  if (!canAccessOffice(staff, officeId)) throw new ApiError(403, 'FORBIDDEN_OFFICE', 'auth.office');
}

/** Throws 403 `CSRF_TOKEN_INVALID` unless header and cookie both carry this session's CSRF token. */
export function assertCsrf(request: AccessRequest, sessionToken: string): void {
  const header = request.headers[XSRF_HEADER.toLowerCase()];
  const cookie = readCookie(request, XSRF_COOKIE);
  const expected = xsrfTokenFor(sessionToken);
  if (typeof header !== 'string' || !cookie || !sameToken(header, cookie) || !sameToken(header, expected)) {
    throw new ApiError(403, 'CSRF_TOKEN_INVALID', 'auth.csrf');
  }
}

export function isUnsafeMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Decides a request to a `@Staff(...roles)` endpoint, given the principal found for its
 * session cookie (null: none). Returns the principal or throws, in this order: 401
 * UNAUTHORIZED, 403 CSRF_TOKEN_INVALID (unsafe methods), 403 FORBIDDEN (role; admin
 * always passes; no roles = every role), 403 FORBIDDEN_OFFICE (`:officeId` parameter).
 */
export function authorise(request: AccessRequest, staff: StaffPrincipal | null, roles: readonly StaffRole[]): StaffPrincipal {
  const token = readCookie(request, SESSION_COOKIE);
  if (!staff || !token) throw new ApiError(401, 'UNAUTHORIZED', 'auth.required');
  if (isUnsafeMethod(request.method)) assertCsrf(request, token);
  if (roles.length > 0 && staff.role !== 'admin' && !roles.includes(staff.role)) throw new ApiError(403, 'FORBIDDEN', 'auth.role');
  const officeId = (request.params as Record<string, string | undefined> | undefined)?.['officeId'];
  if (officeId !== undefined) assertOfficeAccess(staff, String(officeId));
  return staff;
}
