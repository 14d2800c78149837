import fastifyHelmet from '@fastify/helmet';
import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash } from 'node:crypto';

/**
 * The one place the camera is used is the kiosk's QR reader, on the site itself. Only
 * features Chromium knows: an unknown one is logged as an error in every page's console.
 */
export const PERMISSIONS_POLICY = 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()';

/** `'sha256-…'` sources of the inline `<script>` elements of an HTML page (those without `src`). */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(match[1])) continue;
    hashes.push(`'sha256-${createHash('sha256').update(match[2], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/**
 * Helmet's options: a Content-Security-Policy whose scripts are the site's own files and
 * the hashed inline scripts of index.html (no 'unsafe-inline', no 'unsafe-eval'; inline
 * event handlers are refused by script-src-attr 'none'); styles may be inline, which
 * Angular's component styles need; pages may be framed only by the site itself;
 * Referrer-Policy no-referrer, as manage links carry tokens; HSTS only behind https.
 */
export function helmetOptions(options: { https: boolean; inlineScripts: string[] }): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", ...options.inlineScripts],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        // The proof-of-work solvers run in workers loaded from the site (/altcha/*.js).
        'worker-src': ["'self'"],
        'media-src': ["'self'", 'blob:'],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'self'"],
        ...(options.https && { 'upgrade-insecure-requests': [] }),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'sameorigin' },
    hsts: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // The kiosk and display open no popups and embed nothing from elsewhere.
    crossOriginEmbedderPolicy: false,
  };
}

/** Registers the security headers on every answer: the api's, the web app's files and their errors. */
export async function registerSecurityHeaders(app: NestFastifyApplication, options: { https: boolean; inlineScripts: string[] }): Promise<void> {
  await app.register(fastifyHelmet, helmetOptions(options));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (_request, reply, done) => {
      reply.header('Permissions-Policy', PERMISSIONS_POLICY);
      done();
    });
}
