import { Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { TransferChanged } from './transfer-changed.event.js';

/** One log line per committed change, for ops following a transfer through the logs. */
@EventsHandler(TransferChanged)
export class LogTransferChangedHandler implements IEventHandler<TransferChanged> {
  private readonly logger = new Logger('Transfers');

  handle(change: TransferChanged): void {
    this.logger.log({
      msg: `transfer ${change.transferId} is at version ${change.version}`,
      transferId: change.transferId,
      version: change.version,
      events: change.eventTypes,
      correlationId: change.correlationId,
    });
  }
}
