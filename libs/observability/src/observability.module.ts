import { Global, Module } from '@nestjs/common';
import { SyncMetrics } from './sync-metrics.js';

/** One SyncMetrics per process, for every module of the API or the worker. */
@Global()
@Module({
  providers: [{ provide: SyncMetrics, useFactory: () => new SyncMetrics() }],
  exports: [SyncMetrics],
})
export class ObservabilityModule {}
