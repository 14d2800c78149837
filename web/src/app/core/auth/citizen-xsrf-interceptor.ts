import { DOCUMENT } from '@angular/common';
import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { CITIZEN_XSRF_COOKIE, XSRF_HEADER } from '@sportello/contracts';
import { readCookie } from './citizen-auth';

/**
 * The api writes that know the signed-in citizen: the citizen's own endpoints, holds,
 * bookings, the recovery and the waiting list. Only these carry the citizen's CSRF token;
 * every other write keeps the staff session's (HttpClient's XSRF-TOKEN), so one browser
 * can be both without either token reaching the other's endpoints.
 */
const CITIZEN_WRITES = /^\/api\/(?:citizen\/|holds(?:[/?]|$)|appointments(?:\/recover)?(?:\?|$)|waitlist(?:\?|$))/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Signed in with SPID/CIE: the CITIZEN-XSRF-TOKEN cookie goes back as X-XSRF-TOKEN on those writes. */
export const citizenXsrfInterceptor: HttpInterceptorFn = (request, next) => {
  if (SAFE_METHODS.has(request.method) || !CITIZEN_WRITES.test(request.url)) return next(request);
  const token = readCookie(inject(DOCUMENT), CITIZEN_XSRF_COOKIE);
  return next(token ? request.clone({ setHeaders: { [XSRF_HEADER]: token } }) : request);
};
