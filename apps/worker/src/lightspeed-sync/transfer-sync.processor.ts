import { randomUUID } from 'node:crypto';
import { InjectQueue, OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { LightspeedClient } from '#lightspeed';
import { SyncMetrics } from '#observability';
import { Database, markSyncFailure, TransferCommandExecutor } from '#persistence';
import { ConsignmentReconciler } from '../lightspeed-inbound/consignment-reconciler.js';
import { TransferBusyError } from './transfer-busy.error.js';
import { SYNC_QUEUE, SYNC_TRANSFER_JOB, syncJobOptions, type SyncTransferJob } from './sync.queue.js';
import { TransferSynchronizer, type SyncOutcome } from './transfer-synchronizer.js';

/** How long a job for a transfer another worker is syncing waits before it runs again. */
const BUSY_REQUEUE_DELAY_MS = 500;

/** Runs sync jobs; jobs of different transfers in parallel, one transfer at a time (advisory lock). */
@Processor(SYNC_QUEUE)
export class TransferSyncProcessor {
  private readonly logger = new Logger(TransferSyncProcessor.name);
  private readonly synchronizer: TransferSynchronizer;

  constructor(
    private readonly database: Database,
    lightspeed: LightspeedClient,
    private readonly metrics: SyncMetrics,
    @InjectQueue(SYNC_QUEUE) private readonly queue: Queue<SyncTransferJob>,
    executor: TransferCommandExecutor,
  ) {
    this.synchronizer = new TransferSynchronizer(database, lightspeed, new ConsignmentReconciler(database, executor));
  }

  @Process({ name: SYNC_TRANSFER_JOB, concurrency: 4 })
  sync(job: Job<SyncTransferJob>): Promise<SyncOutcome | { requeued: string }> {
    return this.metrics.timeJob(SYNC_QUEUE, async () => {
      try {
        return await this.synchronizer.sync(job.data.transferId);
      } catch (error) {
        if (!(error instanceof TransferBusyError)) throw error;
        return { requeued: await this.requeue(job) };
      }
    });
  }

  /**
   * Another worker holds the transfer: this job is done, and a fresh one (with every attempt left)
   * follows shortly — it may carry a version the other worker had not read. Being busy never
   * costs an attempt, so it never dead-letters a transfer.
   */
  private async requeue(job: Job<SyncTransferJob>): Promise<string> {
    const requeued = await this.queue.add(SYNC_TRANSFER_JOB, job.data, {
      ...syncJobOptions(job.opts.attempts),
      jobId: `busy-${randomUUID()}`,
      delay: BUSY_REQUEUE_DELAY_MS,
    });
    return String(requeued.id);
  }

  /** Every failed attempt is visible on the transfer; the last one marks it FAILED (dead letter). */
  @OnQueueFailed()
  async failed(job: Job<SyncTransferJob>, error: Error): Promise<void> {
    const final = await isDeadLetter(job);
    this.metrics.jobFailed(SYNC_QUEUE, final);
    if (final) this.logger.error(`sync of transfer ${job.data.transferId} dead-lettered: ${error.message}`);
    // Bull does not await event handlers: a rejection here (PostgreSQL down, the likely reason the
    // job failed) would be unhandled and end the worker. The note is best effort; Bull keeps the attempt.
    await this.database
      .withClient((client) => markSyncFailure(client, job.data.transferId, { error: error.message, final, calls: 0 }))
      .catch((noted: Error) => this.logger.warn(`could not note the failed sync of ${job.data.transferId}: ${noted.message}`));
  }
}

/**
 * Whether Bull will run the job again. Not only when its attempts are used up: a job that stalled
 * more often than the queue's maxStalledCount goes straight to the failed set with attempts left
 * (seen in the fault suite: workers killed while the same job ran), and must show as FAILED too.
 */
async function isDeadLetter(job: Job<SyncTransferJob>): Promise<boolean> {
  if (job.attemptsMade >= (job.opts.attempts ?? 1)) return true;
  return (await job.getState().catch(() => 'unknown')) === 'failed';
}
