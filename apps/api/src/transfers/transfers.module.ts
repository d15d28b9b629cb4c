import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandHttp } from '../http/command-http.js';
import { COMMAND_ROUTES } from './commands/command-routes.js';
import { TransferCommandService } from './commands/transfer-command-service.js';
import { ExportsController } from './exports.controller.js';
import { HistoryController } from './history.controller.js';
import { TRANSFER_QUERY_HANDLERS } from './queries/transfer-query.handlers.js';
import { TransferEvidenceController } from './transfer-evidence.controller.js';
import { TransferItemsController } from './transfer-items.controller.js';
import { TransferReceiptsController } from './transfer-receipts.controller.js';
import { TransferWorkflowController } from './transfer-workflow.controller.js';
import { ApprovalsController } from './approvals.controller.js';
import { TransfersController } from './transfers.controller.js';

/** Commands go through the CommandPipeline; reads through the QueryBus (CqrsModule). */
@Module({
  imports: [CqrsModule],
  controllers: [
    TransfersController,
    ApprovalsController,
    TransferItemsController,
    TransferWorkflowController,
    TransferReceiptsController,
    TransferEvidenceController,
    HistoryController,
    ExportsController,
    ...COMMAND_ROUTES,
  ],
  providers: [CommandHttp, TransferCommandService, ...TRANSFER_QUERY_HANDLERS],
})
export class TransfersModule {}
