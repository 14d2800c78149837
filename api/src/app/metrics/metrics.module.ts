import { DynamicModule, Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsRepository } from './metrics.repository';
import { MetricsService } from './metrics.service';

/**
 * The Prometheus metrics. Global: booking, the challenge guard and the event streams count
 * into MetricsService. The endpoint exists only with METRICS_TOKEN.
 */
@Global()
@Module({})
export class MetricsModule {
  static forConfig(config: { metricsToken: string | null }): DynamicModule {
    return {
      module: MetricsModule,
      controllers: config.metricsToken ? [MetricsController] : [],
      providers: [MetricsRepository, MetricsService],
      exports: [MetricsService],
    };
  }
}
