import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AdminController } from './admin.controller.js';
import { OperationsQueuesModule } from './operations-queues.module.js';
import { ReleaseParkedTransferHandler } from './release-parked-transfer.command.js';
import { RetryJobHandler } from './retry-job.command.js';
import { SyncOverviewService } from './sync-overview.service.js';
import { GetSyncHistoryHandler, GetSyncStatusHandler } from './sync-status.query.js';

/** /admin: the sync's ops view and dead-letter retry; SyncOverviewService also feeds readiness. */
@Module({
  imports: [CqrsModule, OperationsQueuesModule],
  controllers: [AdminController],
  providers: [SyncOverviewService, GetSyncStatusHandler, GetSyncHistoryHandler, RetryJobHandler, ReleaseParkedTransferHandler],
  exports: [SyncOverviewService],
})
export class OperationsModule {}
