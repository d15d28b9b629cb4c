import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LogTransferChangedHandler } from './commands/log-transfer-changed.handler.js';
import { RunTransferHandler } from './commands/run-transfer.handler.js';
import { TransferCommandSender } from './commands/transfer-command-sender.js';
import { HistoryController } from './history.controller.js';
import { TRANSFER_QUERY_HANDLERS } from './queries/transfer-query.handlers.js';
import { TransferItemsController } from './transfer-items.controller.js';
import { TransferReceiptsController } from './transfer-receipts.controller.js';
import { TransferWorkflowController } from './transfer-workflow.controller.js';
import { TransfersController } from './transfers.controller.js';

@Module({
  imports: [CqrsModule],
  controllers: [
    TransfersController,
    TransferItemsController,
    TransferWorkflowController,
    TransferReceiptsController,
    HistoryController,
  ],
  providers: [TransferCommandSender, RunTransferHandler, LogTransferChangedHandler, ...TRANSFER_QUERY_HANDLERS],
})
export class TransfersModule {}
