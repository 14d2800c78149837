import { applyDecorators, CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { StaffRole } from '@sportello/contracts';
import type { FastifyRequest } from 'fastify';
import { readCookie, SESSION_COOKIE } from './auth.cookies';
import type { StaffPrincipal } from './auth.repository';
import { AuthService } from './auth.service';
import { authorise } from './staff-access';

export type { StaffPrincipal } from './auth.repository';
export { assertCsrf, assertOfficeAccess, canAccessOffice } from './staff-access';

/** A request that passed `@Staff(...)`. */
export type StaffRequest = FastifyRequest & { staff?: StaffPrincipal };

const STAFF_ROLES_KEY = 'sportello:staff-roles';

/**
 * Staff-only endpoints. Put it on a controller class or a handler:
 *
 * ```ts
 * @Controller()
 * export class TicketController {
 *   @Post('offices/:officeId/tickets')
 *   @Staff('operator', 'kiosk')          // admin is always allowed; @Staff() = any role
 *   issue(@CurrentStaff() staff: StaffPrincipal, @Param('officeId') officeId: string, @Body() body: unknown) {
 *     // A route parameter named :officeId is checked by the guard against staff.officeIds.
 *   }
 *
 *   @Post('desks/:deskId/call-next')
 *   @Staff('operator')
 *   async callNext(@CurrentStaff() staff: StaffPrincipal, @Param('deskId') deskId: string) {
 *     const desk = await this.desks.find(deskId);
 *     assertOfficeAccess(staff, desk.officeId);   // the office is known only after a lookup
 *   }
 * }
 * ```
 *
 * Use it once per handler (on the class or on the method: the method's roles win).
 * In this order it answers:
 * - 401 `UNAUTHORIZED` without a live session (cookie `sportello_session`);
 * - 403 `CSRF_TOKEN_INVALID` on POST/PUT/PATCH/DELETE without header `X-XSRF-TOKEN`
 *   equal to the `XSRF-TOKEN` cookie of this session (double submit);
 * - 403 `FORBIDDEN` when the role is not listed (admin always passes);
 * - 403 `FORBIDDEN_OFFICE` when the route has an `:officeId` parameter for another office.
 * Then `request.staff` holds the principal, read with `@CurrentStaff()`.
 */
export function Staff(...roles: StaffRole[]): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(STAFF_ROLES_KEY, roles), UseGuards(StaffGuard));
}

/** The logged-in staff member of a `@Staff(...)` endpoint. */
export const CurrentStaff = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffPrincipal => {
  const staff = ctx.switchToHttp().getRequest<StaffRequest>().staff;
  // Only reachable when the handler forgot @Staff(): a programming error, not a 401.
  if (!staff) throw new Error('@CurrentStaff() needs @Staff() on the handler or its controller');
  return staff;
});

@Injectable()
export class StaffGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<StaffRequest>();
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(STAFF_ROLES_KEY, [context.getHandler(), context.getClass()]) ?? [];
    const staff = await this.auth.principal(readCookie(request, SESSION_COOKIE));
    request.staff = authorise(request, staff, roles);
    return true;
  }
}
