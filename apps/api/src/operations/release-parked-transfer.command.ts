import { InjectQueue } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Queue } from 'bull';
import type { EnvironmentVariables } from '#config';
import { enqueueWithin, SYNC_QUEUE_NAME, SYNC_RELAY_NAME, SYNC_TRANSFER_JOB, syncJobOptions, type SyncTransferJob } from '#observability';
import { Database, markSyncWanted, releaseParkedTransfer } from '#persistence';
import { ProblemException } from '../http/problem.exception.js';

export interface ReleasedTransfer {
  transferId: string;
  /** The parked events put back. */
  events: number;
  /** The version the new job syncs to (the transfer's newest). */
  version: number;
  jobId: string;
}

/** Put a transfer the relay parked back on the sync queue, once its cause is fixed. */
export class ReleaseParkedTransferCommand extends Command<ReleasedTransfer> {
  constructor(
    readonly transferId: string,
    readonly releasedBy: string,
  ) {
    super();
  }
}

@CommandHandler(ReleaseParkedTransferCommand)
export class ReleaseParkedTransferHandler implements ICommandHandler<ReleaseParkedTransferCommand> {
  private readonly logger = new Logger(ReleaseParkedTransferHandler.name);
  private readonly attempts: number;

  constructor(
    private readonly database: Database,
    @InjectQueue(SYNC_QUEUE_NAME) private readonly queue: Queue<SyncTransferJob>,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.attempts = config.get('SYNC_JOB_ATTEMPTS', { infer: true });
  }

  /**
   * The rows are released, the transfer marked PENDING and its job queued in one transaction: a
   * job Redis (or PostgreSQL) refuses releases nothing, and the answer says why.
   */
  async execute({ transferId, releasedBy }: ReleaseParkedTransferCommand): Promise<ReleasedTransfer> {
    const released = await this.database.transaction(async (client) => {
      const parked = await releaseParkedTransfer(client, SYNC_RELAY_NAME, transferId, releasedBy);
      if (!parked) throw new ProblemException(404, 'TRANSFER_NOT_PARKED', `Transfer ${transferId} has no parked sync events`, { transferId });
      await markSyncWanted(client, [{ transferId, version: parked.version }]);
      const jobId = `released-${transferId}-${parked.version}-${Date.now()}`;
      const job = this.queue.add(SYNC_TRANSFER_JOB, { transferId, version: parked.version }, { ...syncJobOptions(this.attempts), jobId });
      await enqueueWithin(job, 5_000, 'the sync job');
      return { transferId, ...parked, jobId };
    });
    this.logger.log(`parked transfer ${transferId} put back by ${releasedBy} (${released.events} event(s), job ${released.jobId})`);
    return released;
  }
}
