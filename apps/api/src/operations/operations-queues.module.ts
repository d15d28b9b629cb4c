import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { INBOUND_QUEUE_NAME, SYNC_QUEUE_NAME } from '#observability';

/** Handles on the sync queues for the API's ops views; the API only reads them and retries dead letters. */
@Module({
  imports: [BullModule.registerQueue({ name: SYNC_QUEUE_NAME }, { name: INBOUND_QUEUE_NAME })],
  exports: [BullModule],
})
export class OperationsQueuesModule {}
