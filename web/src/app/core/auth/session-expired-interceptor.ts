import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { tap } from 'rxjs';
import { STAFF_LOGIN_PATH } from './staff-guard';
import { StaffAuth } from './staff-auth';

/**
 * A staff session can end while a page is open (expired, logged out elsewhere, account
 * deactivated): an api answer 401 UNAUTHORIZED then forgets the account and, on a staff
 * page, goes to the login page, which comes back afterwards.
 */
export const sessionExpiredInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(StaffAuth);
  const router = inject(Router);
  return next(request).pipe(
    tap({
      error: (error: unknown) => {
        if (!(error instanceof HttpErrorResponse) || error.status !== 401) return;
        // The citizen's sign-in (/api/citizen/…) is another session: its 401 says nothing of the staff's.
        if (!request.url.startsWith('/api/') || request.url.startsWith('/api/auth/') || request.url.startsWith('/api/citizen/')) return;
        if ((error.error as { code?: unknown } | null)?.code !== 'UNAUTHORIZED') return;
        auth.signedOut();
        const url = router.url;
        if (/^\/staff(?:[/?#]|$)/.test(url) && !url.startsWith(STAFF_LOGIN_PATH)) {
          void router.navigate([STAFF_LOGIN_PATH], { queryParams: { returnUrl: url } });
        }
      },
    }),
  );
};
