import { RecoverThrottleGuard } from './booking/recover-throttle.guard';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { Type } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { ApiExceptionFilter, sendApiError } from './common/api-exception.filter';
import { rememberRouteMethods } from './common/allowed-methods';
import { documentedRoutes, openApiDocument } from './common/openapi';
import { LoginThrottleGuard } from './auth/login-throttle.guard';
import { StaffGuard } from './auth/staff.guard';
import { ChallengeGuard } from './security/challenge.guard';
import { EXPRESS_BODY_LIMIT, ignoreBody, parseJson, parseText, tagAndCheckFreshness } from './common/express-compat';
import { inlineScriptHashes, registerSecurityHeaders } from './security/security-headers';
import { AppConfig, ConfigError } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { startLogging } from './logging/logging';
import { requestId, routeOf, setRoute } from './logging/pino-options';
import { isEventStream, MetricsService } from './metrics/metrics.service';
import { seedDemoHistory } from './demo/demo-history';
import { seedDemoData } from './demo/demo-seed';
import { activeAccountsWithDemoPassword, seedDemoStaff } from './demo/demo-staff';

/**
 * Applies pending migrations and, in demo mode, seeds an empty database. With
 * `refuseDemoPassword` (production rules outside demo mode) it refuses to go on while an
 * active account still has the demo password.
 */
export async function prepareDatabase(config: AppConfig, options: { migrate: boolean; seed: boolean; refuseDemoPassword?: boolean }): Promise<void> {
  const logger = new Logger('Database');
  const db = new DataSource(dataSourceOptions(config.databaseUrl, { extra: { max: 2 } }));
  await db.initialize();
  try {
    if (options.migrate) {
      const applied = await db.runMigrations({ transaction: 'each' });
      logger.log(applied.length > 0 ? `applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}` : 'schema up to date');
    }
    if (options.seed && (await seedDemoData(db))) logger.log('seeded the demo office (Comune di Calderara di Reno, URP)');
    if (options.seed && (await seedDemoHistory(db))) logger.log('loaded the published figures of the mandate June 2019 – May 2024 as monthly history');
    if (options.seed) {
      const created = await seedDemoStaff(db);
      if (created.length > 0) logger.log(`created the demo staff accounts: ${created.join(', ')}`);
    }
    if (options.refuseDemoPassword) await refuseDemoPassword(db, config, logger);
  } finally {
    await db.destroy();
  }
}

async function refuseDemoPassword(db: DataSource, config: AppConfig, logger: Logger): Promise<void> {
  const started = performance.now();
  const { checked, found } = await activeAccountsWithDemoPassword(db);
  logger.log(`checked ${checked} active account(s) against the demo password in ${Math.round(performance.now() - started)} ms`);
  if (found.length > 0) {
    throw new ConfigError(
      `DEMO_MODE is off under the production rules (${config.productionRules}), but the active account(s) ${found.join(', ')} still have the public demo password. ` +
        'Give each a new password or deactivate it (Amministrazione → Utenti: start once with DEMO_MODE=true to log in), then start again.',
    );
  }
}

export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const webIndex = config.webDist ? webAppIndex(config.webDist) : null;
  const adapter = new FastifyAdapter({
    // The client address (request.ip, which every per-client limit uses): the socket's,
    // unless TRUST_PROXY vouches for the proxies whose X-Forwarded-For is then believed.
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // JSON and form bodies up to 100 kB, as Express's body parsers; the CSV upload has its own limit.
    bodyLimit: EXPRESS_BODY_LIMIT,
    // Node's own timeouts, which Express kept (Fastify's defaults: 72 s keep-alive, no request timeout).
    keepAliveTimeout: 5_000,
    requestTimeout: 300_000,
    // As Express routes: /api/health/live/ is /api/health/live, and a parameter may be as long
    // as the URL (a long manage token is an unknown one, 404, not a 414).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 16 * 1024 },
    // A URL the router cannot read (bad %-encoding) gets the api's error body, as in Express.
    // The proxy's X-Request-Id when TRUST_PROXY names one and it is sane, else a UUID: on every log line and echoed.
    genReqId: (req: IncomingMessage) => requestId(req, config.trustProxy !== false),
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => sendApiError(error, request, reply),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config), adapter, {
    // pino through nestjs-pino (LOG_FORMAT, LOG_LEVEL); the same instance main.ts logs with.
    logger: startLogging(config.log).logger,
  });
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ApiExceptionFilter());
  // Hooks and plugins before any route, so that they apply to every one, swagger's and the web app's too.
  const fastify = app.getHttpAdapter().getInstance();
  // The route template for the request's log line (never the URL: manage tokens live in paths).
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    setRoute(request.raw, request.is404 ? '(no route)' : (request.routeOptions.url ?? '(no route)'));
    done();
  });
  // Every answer counts under its route template and status (GET /api/metrics). On the raw
  // response's close, not Fastify's onResponse: Nest writes event streams to the raw response.
  const metrics = app.get(MetricsService);
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.raw.once('close', () => {
      const status = reply.raw.headersSent ? reply.raw.statusCode : null;
      metrics.httpAnswered(request.method, routeOf(request.raw), status, reply.elapsedTime / 1000, isEventStream(request.raw));
    });
    done();
  });
  await registerSecurityHeaders(app, {
    https: config.publicUrl.startsWith('https://'),
    inlineScripts: webIndex ? inlineScriptHashes(readFileSync(webIndex, 'utf8')) : [],
  });
  fastify.addHook('onSend', tagAndCheckFreshness);
  // gzip/br for pages, bundles and JSON. Never for event streams, which must flow at once: text/event-stream
  // is not a compressible type for @fastify/compress, and Nest writes SSE to the raw response anyway.
  await app.register(fastifyCompress);
  // The request bodies Express accepted, read as Express read them.
  fastify.removeAllContentTypeParsers();
  app.useBodyParser('application/json', { bodyLimit: EXPRESS_BODY_LIMIT }, parseJson);
  // CSV uploads (POST /api/stats/history) arrive as text.
  app.useBodyParser('text/csv', { bodyLimit: 1024 * 1024 }, parseText);
  // Any other type is left unread (the body is undefined), as in Express: no 415 from the framework.
  fastify.addContentTypeParser('*', ignoreBody);
  app.enableShutdownHooks();

  // The OpenAPI document, generated from the schemas of libs/contracts (common/openapi.ts); Swagger UI serves it.
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()].map((wrapper) => wrapper.metatype as Type));
  const routes = documentedRoutes(controllers, {
    staff: [StaffGuard],
    throttled: [ThrottlerGuard, LoginThrottleGuard, RecoverThrottleGuard],
    challenge: [ChallengeGuard],
  });
  rememberRouteMethods(routes);
  // A factory: the document is built on the first request for it (and kept), not at every start-up.
  SwaggerModule.setup('api/docs', app, () => openApiDocument(routes) as unknown as OpenAPIObject, { jsonDocumentUrl: 'api/docs-json' });

  if (config.webDist) await serveWebApp(app, config.webDist);
  return app;
}

/**
 * Fastify's trustProxy for TRUST_PROXY: false, "addr, cidr, …", or for a number of hops the
 * function Fastify itself builds for one (the nearest `hops` addresses are proxies).
 */
export function fastifyTrustProxy(trust: AppConfig['trustProxy']): false | string | ((address: string, hop: number) => boolean) {
  if (Array.isArray(trust)) return trust.join(',');
  if (trust === false) return false;
  return (_address: string, hop: number) => hop < trust;
}

/** The built web app's index.html (whose inline scripts the Content-Security-Policy lists by hash). */
function webAppIndex(webDist: string): string {
  const index = path.join(path.resolve(webDist), 'index.html');
  if (!existsSync(index)) throw new Error(`WEB_DIST has no index.html: ${path.resolve(webDist)}`);
  return index;
}

/** Serves the built Angular app on the same port; unknown non-api paths get index.html. */
async function serveWebApp(app: NestFastifyApplication, webDist: string): Promise<void> {
  const root = path.resolve(webDist);
  webAppIndex(webDist);
  // One route per file of the build (wildcard: false; dotfiles are left out), so that every other
  // path is free for the index.html fallback below; the build does not change while the api runs.
  await app.register(fastifyStatic, { root, wildcard: false, index: false, maxAge: '1y', immutable: true, setHeaders: noCacheForHtml });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request: FastifyRequest, reply: FastifyReply) => {
      if (request.url.startsWith('/api')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
}

function noCacheForHtml(reply: FastifyReply, file: string): void {
  // Hashed bundles are immutable; index.html and robots.txt (names without a hash) must be
  // revalidated to pick up new builds.
  if (file.endsWith('.html') || file.endsWith('.txt')) reply.header('Cache-Control', 'no-cache');
}
