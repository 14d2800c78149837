import type { StaffRole } from '@sportello/contracts';
import { ApiError } from '../common/api-error';
import { xsrfTokenFor } from './session-token';
import { AccessRequest, assertOfficeAccess, authorise, canAccessOffice } from './staff-access';
import type { StaffPrincipal } from './auth.repository';

// The decisions of StaffGuard (`@Staff(...)`), as plain functions: Nest 12 is ESM-only and
// is exercised by the integration tests (api/test/auth.int-spec.ts).

const TOKEN = 'a'.repeat(43);
const XSRF = xsrfTokenFor(TOKEN);
const OFFICE_A = '11111111-1111-4111-8111-111111111111';
const OFFICE_B = '22222222-2222-4222-8222-222222222222';

const principal = (role: StaffRole, officeIds = [OFFICE_A]): StaffPrincipal => ({ id: 'u1', username: 'mario', role, officeIds });
const get = (params: Record<string, string> = {}): AccessRequest => ({ method: 'GET', headers: { cookie: `sportello_session=${TOKEN}` }, params });
const post = (headers: Record<string, string>, params: Record<string, string> = {}): AccessRequest => ({ method: 'POST', headers, params });

function outcome(request: AccessRequest, staff: StaffPrincipal | null, roles: StaffRole[]): string {
  try {
    authorise(request, staff, roles);
    return 'ok';
  } catch (error) {
    if (error instanceof ApiError) return `${error.statusCode} ${error.code}`;
    throw error;
  }
}

describe('staff access (@Staff guard)', () => {
  it('answers 401 without a session', () => {
    expect(outcome(get(), null, ['manager'])).toBe('401 UNAUTHORIZED');
    expect(outcome({ method: 'GET', headers: {}, params: {} }, principal('manager'), ['manager'])).toBe('401 UNAUTHORIZED');
  });

  it('checks the role; admin always passes; no roles lets every role in', () => {
    expect(outcome(get(), principal('operator'), ['manager'])).toBe('403 FORBIDDEN');
    expect(outcome(get(), principal('kiosk'), ['manager'])).toBe('403 FORBIDDEN');
    expect(outcome(get(), principal('manager'), ['manager'])).toBe('ok');
    expect(outcome(get(), principal('operator'), ['operator', 'kiosk'])).toBe('ok');
    expect(outcome(get(), principal('admin', []), ['manager'])).toBe('ok');
    expect(outcome(get(), principal('kiosk'), [])).toBe('ok');
    expect(authorise(get(), principal('manager'), ['manager'])).toEqual(principal('manager'));
  });

  it('requires the CSRF header equal to the cookie and to the session on unsafe methods, before the role', () => {
    const cookie = `sportello_session=${TOKEN}; XSRF-TOKEN=${XSRF}`;
    const operator = principal('operator');
    expect(outcome(post({ cookie }), operator, ['operator'])).toBe('403 CSRF_TOKEN_INVALID');
    expect(outcome(post({ cookie, 'x-xsrf-token': 'forged' }), operator, ['operator'])).toBe('403 CSRF_TOKEN_INVALID');
    // A planted pair that matches itself but not the session is refused too.
    expect(outcome(post({ cookie: `sportello_session=${TOKEN}; XSRF-TOKEN=planted`, 'x-xsrf-token': 'planted' }), operator, ['operator'])).toBe(
      '403 CSRF_TOKEN_INVALID',
    );
    expect(outcome(post({ cookie: `sportello_session=${TOKEN}`, 'x-xsrf-token': XSRF }), operator, ['operator'])).toBe('403 CSRF_TOKEN_INVALID');
    expect(outcome(post({ cookie, 'x-xsrf-token': XSRF }), operator, ['operator'])).toBe('ok');
    expect(outcome(post({ cookie }), principal('manager'), ['operator'])).toBe('403 CSRF_TOKEN_INVALID');
    for (const method of ['PUT', 'PATCH', 'DELETE']) expect(outcome({ ...post({ cookie }), method }, operator, [])).toBe('403 CSRF_TOKEN_INVALID');
    expect(outcome({ ...get(), method: 'HEAD' }, operator, [])).toBe('ok');
  });

  it('checks an :officeId route parameter against the offices of the account', () => {
    const manager = principal('manager', [OFFICE_A]);
    expect(outcome(get({ officeId: OFFICE_A }), manager, ['manager'])).toBe('ok');
    expect(outcome(get({ officeId: OFFICE_A.toUpperCase() }), manager, ['manager'])).toBe('ok');
    expect(outcome(get({ officeId: OFFICE_B }), manager, ['manager'])).toBe('403 FORBIDDEN_OFFICE');
    expect(outcome(get({ officeId: OFFICE_B }), principal('operator'), ['manager'])).toBe('403 FORBIDDEN');
    expect(outcome(get({ officeId: OFFICE_B }), principal('admin', []), ['manager'])).toBe('ok');
  });
});

describe('office access', () => {
  it('allows the offices of the account, and every office to an admin', () => {
    expect(canAccessOffice(principal('operator'), OFFICE_A)).toBe(true);
    expect(canAccessOffice(principal('operator'), OFFICE_B)).toBe(false);
    expect(canAccessOffice(principal('admin', []), OFFICE_B)).toBe(true);
    expect(() => assertOfficeAccess(principal('kiosk'), OFFICE_B)).toThrow(expect.objectContaining({ statusCode: 403, code: 'FORBIDDEN_OFFICE' }));
    expect(() => assertOfficeAccess(principal('kiosk'), OFFICE_A)).not.toThrow();
  });
});
