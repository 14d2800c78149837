import { Controller, Get, Headers, Res } from '@nestjs/common';
import { Undocumented } from '../common/openapi';
import type { FastifyReply } from 'fastify';
import { ApiError } from '../common/api-error';
import { MetricsService } from './metrics.service';

/**
 * GET /api/metrics for Prometheus. Registered only when METRICS_TOKEN is set (otherwise the
 * path is an unknown route, 404); never public, so not in the OpenAPI document.
 */
@Undocumented()
@Controller()
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get('metrics')
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    // Neither the figures nor a refusal may be kept by a cache on the way.
    reply.header('Cache-Control', 'no-store');
    if (!this.metrics.authorized(authorization))
      throw new ApiError(401, 'UNAUTHORIZED', 'metrics.token').withHeader('WWW-Authenticate', 'Bearer realm="metrics"');
    reply.header('Content-Type', this.metrics.contentType);
    reply.send(await this.metrics.render());
  }
}
