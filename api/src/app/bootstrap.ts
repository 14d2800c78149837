import { Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { seedDemoHistory } from './demo/demo-history';
import { seedDemoData } from './demo/demo-seed';
import { seedDemoStaff } from './demo/demo-staff';

const LOG_LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};

/** Applies pending migrations and, in demo mode, seeds an empty database. */
export async function prepareDatabase(config: AppConfig, options: { migrate: boolean; seed: boolean }): Promise<void> {
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
  } finally {
    await db.destroy();
  }
}

export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    logger: LOG_LEVELS[config.logLevel],
  });
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ApiExceptionFilter());
  // gzip for pages, bundles and JSON; never for event streams, which must flow at once.
  app.use(compression({ filter: (request, response) => !String(response.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(request, response) }));
  // CSV uploads (POST /api/stats/history) arrive as text; JSON stays the default elsewhere.
  app.useBodyParser('text', { type: 'text/csv', limit: '1mb' });
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');

  const openApi = new DocumentBuilder()
    .setTitle('Sportello API')
    .setDescription('Appointment booking and front-desk queue for the URP of an Italian comune. Errors: `{ statusCode, code, message, errors?: [{ field, message }] }`, in Italian or English by Accept-Language.')
    .setVersion('0.1.0')
    .addCookieAuth('sportello_session', { type: 'apiKey', in: 'cookie', description: 'Staff session from POST /api/auth/login; unsafe methods also need the X-XSRF-TOKEN header' }, 'staff-session')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'api/docs-json' });

  if (config.webDist) serveWebApp(app, config.webDist);
  return app;
}

/** Serves the built Angular app on the same port; unknown non-api paths get index.html. */
function serveWebApp(app: NestExpressApplication, webDist: string): void {
  const root = path.resolve(webDist);
  const index = path.join(root, 'index.html');
  if (!existsSync(index)) throw new Error(`WEB_DIST has no index.html: ${root}`);
  app.useStaticAssets(root, { index: false, maxAge: '1y', immutable: true, setHeaders: noCacheForHtml });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.path.startsWith('/api');
    if (!isPage) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}

function noCacheForHtml(response: Response, file: string): void {
  // Hashed bundles are immutable; index.html must be revalidated to pick up new builds.
  if (file.endsWith('.html')) response.setHeader('Cache-Control', 'no-cache');
}
