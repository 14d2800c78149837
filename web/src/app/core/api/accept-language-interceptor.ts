import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { I18n } from '../i18n/i18n';

/** Asks the api to answer in the visitor's language (service names, error messages). */
export const acceptLanguageInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiUrl(request.url) || request.headers.has('Accept-Language')) {
    return next(request);
  }
  const lang = inject(I18n).lang();
  return next(request.clone({ setHeaders: { 'Accept-Language': lang } }));
};

function isApiUrl(url: string): boolean {
  return url.startsWith('/api/') || url === '/api';
}
