import { randomUUID } from 'node:crypto';
import { InjectQueue, OnQueueCompleted, OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { failedCallOf, LightspeedClient } from '#lightspeed';
import { enqueueWithin, recordAttempt, SyncMetrics, type AttemptOutcome } from '#observability';
import { CommandPipeline, countNeedingAttention, Database, markNeedsAttention, markSyncFailure, TransferAggregate } from '#persistence';
import { ConsignmentReconciler } from '../lightspeed-inbound/consignment-reconciler.js';
import { lineEditRecorder } from './line-edit-recorder.js';
import { LightspeedRefusalError } from './lightspeed-refusal.js';
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
    pipeline: CommandPipeline,
    transfers: TransferAggregate,
  ) {
    this.synchronizer = new TransferSynchronizer(
      database,
      lightspeed,
      lineEditRecorder(pipeline, transfers),
      new ConsignmentReconciler(database, pipeline, transfers),
    );
  }

  @Process({ name: SYNC_TRANSFER_JOB, concurrency: 4 })
  sync(job: Job<SyncTransferJob>): Promise<SyncOutcome | { requeued: string }> {
    return this.metrics.timeJob(SYNC_QUEUE, async () => {
      try {
        const outcome = await this.synchronizer.sync(job.data.transferId);
        await this.refreshAttentionGauge();
        return outcome;
      } catch (error) {
        if (error instanceof LightspeedRefusalError) await this.needsAttention(job, error);
        if (!(error instanceof TransferBusyError)) throw error;
        return { requeued: await this.requeue(job) };
      }
    });
  }

  /**
   * Lightspeed will refuse this write however often it is sent: no retry. The transfer shows NEEDS_ATTENTION with
   * the store's answer and what to do; the job fails at once (discarded: Bull keeps its attempts for nobody), so
   * it is listed among the failures and the admin retry can requeue it once an operator has acted.
   */
  private async needsAttention(job: Job<SyncTransferJob>, refusal: LightspeedRefusalError): Promise<void> {
    const { transferId } = job.data;
    const entered = await this.database.withClient((client) =>
      markNeedsAttention(client, transferId, { error: refusal.storeMessage, action: refusal.action, calls: 0 }),
    );
    if (entered) {
      this.metrics.needsAttentionEntered.inc();
      this.logger.warn(`sync of transfer ${transferId} needs attention: ${refusal.storeMessage} — ${refusal.action}`);
    }
    await this.refreshAttentionGauge();
    await job.discard();
  }

  /** Best effort: a gauge that could not be read must not fail a sync that is done. */
  private async refreshAttentionGauge(): Promise<void> {
    await this.database
      .withClient((client) => countNeedingAttention(client))
      .then((count) => this.metrics.needsAttention.set(count))
      .catch((error: Error) => this.logger.warn(`could not count the transfers needing attention: ${error.message}`));
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

  /**
   * A job Bull gave up on for stalling (workers killed while it ran, or a lock renewed late by a busy
   * event loop) still had attempts: it is run again as a fresh job with one attempt fewer, so
   * stalling costs an attempt, like any failure, instead of every attempt at once. Safe because a
   * sync is level-triggered. False when no attempt is left (a dead letter) or Redis refused the job.
   */
  private async requeueStalled(job: Job<SyncTransferJob>): Promise<boolean> {
    const attemptsLeft = (job.opts.attempts ?? 1) - job.attemptsMade - 1;
    if (attemptsLeft < 1) return false;
    return this.queue
      .add(SYNC_TRANSFER_JOB, job.data, { ...syncJobOptions(attemptsLeft), jobId: `stalled-${String(job.id)}-${job.attemptsMade}` })
      .then(() => true)
      .catch((error: Error) => {
        this.logger.warn(`could not run the stalled sync of ${job.data.transferId} again: ${error.message}`);
        return false;
      });
  }

  @OnQueueCompleted()
  completed(): Promise<void> {
    return this.countAttempt('completed');
  }

  /**
   * Every failed attempt is visible on the transfer and in one log line (the call and the store's
   * answer are in the error's message); the last one marks it FAILED (dead letter).
   */
  @OnQueueFailed()
  async failed(job: Job<SyncTransferJob>, error: Error): Promise<void> {
    // A refusal discarded its job on purpose (failed set, attempts left): that is no stall.
    const refused = error instanceof LightspeedRefusalError;
    const final = (await isDeadLetter(job)) && (refused || !(await this.requeueStalled(job)));
    this.metrics.jobFailed(SYNC_QUEUE, final);
    await this.countAttempt('failed');
    // Already noted as NEEDS_ATTENTION (with its own log line), which a dead letter's FAILED must not overwrite.
    if (refused) return;
    const attempt = `attempt ${job.attemptsMade}/${job.opts.attempts ?? 1}`;
    const fields = { transferId: job.data.transferId, jobId: String(job.id), ...failedCallOf(error) };
    if (final) this.logger.error(fields, `sync of transfer ${job.data.transferId} failed (${attempt}, dead-lettered): ${error.message}`);
    else this.logger.warn(fields, `sync of transfer ${job.data.transferId} failed (${attempt}, retried): ${error.message}`);
    // Bull does not await event handlers: a rejection here (PostgreSQL down, the likely reason the
    // job failed) would be unhandled and end the worker. The note is best effort; Bull keeps the attempt.
    await this.database
      .withClient((client) => markSyncFailure(client, job.data.transferId, { error: error.message, final, calls: 0 }))
      .catch((noted: Error) => this.logger.warn(`could not note the failed sync of ${job.data.transferId}: ${noted.message}`));
  }

  /**
   * For /admin/sync-status's error rate. Bull does not await its event handlers, so this never
   * rejects, and a Redis that holds the command (down) holds it back 2 s at most.
   */
  private countAttempt(outcome: AttemptOutcome): Promise<void> {
    return enqueueWithin(recordAttempt(this.queue, outcome), 2_000, 'a job attempt count').catch((error: Error) =>
      this.logger.warn(`could not count a job attempt: ${error.message}`),
    );
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
