import { provideHttpClient, withFetch, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { XSRF_COOKIE, XSRF_HEADER } from '@sportello/contracts';
import { provideRouter, TitleStrategy, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { appRoutes } from './app.routes';
import { acceptLanguageInterceptor } from './core/api/accept-language-interceptor';
import { proofOfWorkInterceptor } from './core/api/proof-of-work';
import { citizenXsrfInterceptor } from './core/auth/citizen-xsrf-interceptor';
import { sessionExpiredInterceptor } from './core/auth/session-expired-interceptor';
import { I18nTitleStrategy } from './core/i18n/title-strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(appRoutes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'enabled' })),
    { provide: TitleStrategy, useClass: I18nTitleStrategy },
    provideHttpClient(
      withFetch(),
      withInterceptors([acceptLanguageInterceptor, sessionExpiredInterceptor, citizenXsrfInterceptor, proofOfWorkInterceptor]),
      // CSRF double submit for the staff session: the api's XSRF-TOKEN cookie goes back as
      // the X-XSRF-TOKEN header on every same-origin POST/PUT/PATCH/DELETE (the citizen's
      // writes carry the citizen's token instead: citizenXsrfInterceptor).
      withXsrfConfiguration({ cookieName: XSRF_COOKIE, headerName: XSRF_HEADER }),
    ),
  ],
};
