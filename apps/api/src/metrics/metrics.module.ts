import { Module, type OnModuleInit } from '@nestjs/common';
import { collectProcessMetrics, ObservabilityModule } from '#observability';
import { MetricsController } from './metrics.controller.js';

/**
 * `/metrics` for Prometheus: process metrics, HTTP durations and the sync counters this process
 * keeps. prom-client directly: @willsoto/nestjs-prometheus is CommonJS requiring the ESM-only
 * @nestjs/common 12, which Node runs but Jest (before Node 24.9) cannot load.
 */
@Module({
  imports: [ObservabilityModule],
  controllers: [MetricsController],
})
export class MetricsModule implements OnModuleInit {
  onModuleInit(): void {
    collectProcessMetrics();
  }
}
