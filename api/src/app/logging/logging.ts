import { Logger as NestLogger } from '@nestjs/common';
import { Logger, Params, PinoLogger } from 'nestjs-pino';
import { loggerParams } from './pino-options';
import type { LogSettings } from './settings';

/**
 * The api's logger, before Nest starts (migrations, the demo seed, a refused start-up) and
 * after (the app uses the same pino instance through nestjs-pino).
 */
let started: { params: Params; logger: Logger } | null = null;
export function startLogging(settings: LogSettings): { params: Params; logger: Logger } {
  if (started) return started;
  const params = loggerParams(settings);
  const logger = new Logger(new PinoLogger(params), params);
  NestLogger.overrideLogger(logger);
  started = { params, logger };
  return started;
}
