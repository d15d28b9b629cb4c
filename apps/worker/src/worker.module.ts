import { BullModule } from '@nestjs/bull';
import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { INBOUND_QUEUE } from '#lightspeed';
import { configImports, type ConfigImportOptions, type EnvironmentVariables } from '#config';
import { ObservabilityModule } from '#observability';
import { PersistenceModule, typeOrmImport } from '#persistence';
import { BookingRunnerService } from './freight/booking-runner.service.js';
import { LightspeedInboundProcessor } from './lightspeed-inbound/lightspeed-inbound.processor.js';
import { LIGHTSPEED_PROVIDERS } from './lightspeed-sync/lightspeed-client.provider.js';
import { SyncRelayRunner } from './lightspeed-sync/sync-relay.runner.js';
import { SYNC_QUEUE } from './lightspeed-sync/sync.queue.js';
import { TransferSyncProcessor } from './lightspeed-sync/transfer-sync.processor.js';
import { MAINTENANCE_QUEUE } from './maintenance/maintenance.queue.js';
import { PurgeIdempotencyKeysProcessor } from './maintenance/purge-idempotency-keys.processor.js';
import { WorkerHeartbeatService } from './observability/worker-heartbeat.service.js';
import { WorkerMetricsServer } from './observability/worker-metrics.server.js';

/** How often a sync job may be found stalled (its worker gone or its lock renewed late) before it is dead-lettered. */
const MAX_STALLS = 5;

export type WorkerModuleOptions = ConfigImportOptions;

/** Background processing on Bull queues in REDIS_URL; any number of worker processes may run. */
@Module({})
export class WorkerModule {
  static forRoot(options: WorkerModuleOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ...configImports(options),
        typeOrmImport(),
        BullModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<EnvironmentVariables, true>) => ({
            url: config.get('REDIS_URL', { infer: true }),
            prefix: config.get('QUEUE_PREFIX', { infer: true }),
          }),
        }),
        BullModule.registerQueue({ name: MAINTENANCE_QUEUE }, { name: INBOUND_QUEUE }),
        BullModule.registerQueueAsync({
          name: SYNC_QUEUE,
          inject: [ConfigService],
          // A killed worker's job is taken over once its lock lapses.
          useFactory: (config: ConfigService<EnvironmentVariables, true>) => {
            const lockMs = config.get('SYNC_JOB_LOCK_MS', { infer: true });
            // A job is level-triggered, so running a stalled one again is safe; a busy event loop that
            // renews a lock late, or a few crashes mid-job, must not dead-letter it (Bull's default is 1).
            return { settings: { lockDuration: lockMs, stalledInterval: lockMs, maxStalledCount: MAX_STALLS } };
          },
        }),
        PersistenceModule,
        ObservabilityModule,
      ],
      providers: [PurgeIdempotencyKeysProcessor, ...LIGHTSPEED_PROVIDERS, TransferSyncProcessor, SyncRelayRunner, BookingRunnerService, LightspeedInboundProcessor, WorkerHeartbeatService, WorkerMetricsServer],
    };
  }
}
