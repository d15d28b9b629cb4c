import { InjectQueue, OnQueueCompleted, OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Job, Queue } from 'bull';
import type { EnvironmentVariables } from '#config';
import { CoalescedReads, INBOUND_QUEUE, POLL_JOB, WEBHOOK_JOB, type WebhookJob } from '#lightspeed';
import { enqueueWithin, recordAttempt, SyncMetrics, type AttemptOutcome } from '#observability';
import { CommandPipeline, Database, databaseNow, markObjectDeliveriesProcessed, markWebhookProcessed, TransferAggregate, withAdvisoryLock, type SqlClient } from '#persistence';
import { InboundLightspeedClient } from '../lightspeed-sync/lightspeed-client.provider.js';
import { keepScheduled } from '../scheduling/keep-scheduled.js';
import { ConsignmentReconciler } from './consignment-reconciler.js';
import { LightspeedPoller, type PollSummary } from './lightspeed-poller.js';
import { WebhookHandler, type WebhookOutcome } from './webhook-handler.js';

/**
 * The inbound half of the Lightspeed sync: a repeatable poll every LIGHTSPEED_POLL_INTERVAL_MS
 * (one schedule however many workers run; Bull runs each occurrence once) and the webhook jobs the
 * API queues.
 */
@Processor(INBOUND_QUEUE)
export class LightspeedInboundProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(LightspeedInboundProcessor.name);
  readonly poller: LightspeedPoller;
  readonly webhooks: WebhookHandler;
  private readonly reads: CoalescedReads;

  constructor(
    private readonly database: Database,
    private readonly config: ConfigService<EnvironmentVariables, true>,
    @InjectQueue(INBOUND_QUEUE) private readonly queue: Queue,
    lightspeed: InboundLightspeedClient,
    pipeline: CommandPipeline,
    transfers: TransferAggregate,
    private readonly metrics: SyncMetrics,
  ) {
    const reconciler = new ConsignmentReconciler(database, pipeline, transfers);
    this.poller = new LightspeedPoller(database, lightspeed, reconciler);
    this.webhooks = new WebhookHandler(database, lightspeed, reconciler);
    this.reads = new CoalescedReads(queue.client, queue.toKey('reads'));
  }

  async onApplicationBootstrap(): Promise<void> {
    const every = this.config.get('LIGHTSPEED_POLL_INTERVAL_MS', { infer: true });
    // A changed interval must replace the old schedule, not run beside it.
    for (const job of await this.queue.getRepeatableJobs()) {
      if (job.name === POLL_JOB && Number(job.every) !== every) await this.queue.removeRepeatableByKey(job.key);
    }
    await keepScheduled(this.queue, () => this.queue.add(POLL_JOB, {}, { repeat: { every }, removeOnComplete: 50, removeOnFail: 100 }), this.logger);
  }

  /** One poll at a time across all workers: a slow poll makes the next occurrence wait, not overlap. */
  @Process({ name: POLL_JOB, concurrency: 1 })
  poll(): Promise<PollSummary> {
    return this.metrics.timeJob(INBOUND_QUEUE, () => this.pollExclusively());
  }

  private async pollExclusively(): Promise<PollSummary> {
    const polled = await withAdvisoryLock(this.database, 'lightspeed-poll', () => this.poller.pollOnce());
    const summary = polled.held ? polled.value : null;
    if (summary && summary.divergences > 0) {
      this.logger.warn(`Lightspeed poll noted ${summary.divergences} divergence(s) between transfers and their consignments`);
    }
    return summary ?? { pages: 0, changed: { outlets: 0, suppliers: 0, products: 0, consignments: 0 }, divergences: 0 };
  }

  /** One job per object however many deliveries named it (see CoalescedReads): one read answers them all. */
  @Process({ name: WEBHOOK_JOB, concurrency: 4 })
  webhook(job: Job<WebhookJob>): Promise<WebhookOutcome> {
    return this.metrics.timeJob(INBOUND_QUEUE, async () => {
      await this.reads.readStarting(job.data);
      const upTo = await this.database.withClient(databaseNow);
      const outcome = await this.webhooks.handle(job.data, upTo);
      await this.database.withClient((client) => markHandled(client, job.data, upTo));
      return outcome;
    });
  }

  @OnQueueCompleted()
  completed(): Promise<void> {
    return this.countAttempt('completed');
  }

  @OnQueueFailed()
  async failed(job: Job, error: Error): Promise<void> {
    this.logger.warn(`${job.name} job failed (attempt ${job.attemptsMade}): ${error.message}`);
    await this.countAttempt('failed');
    this.metrics.jobFailed(INBOUND_QUEUE, job.attemptsMade >= (job.opts.attempts ?? 1));
    if (job.name === WEBHOOK_JOB) {
      // Not awaited by Bull: a rejection (PostgreSQL down) would end the worker. Best effort.
      await this.database
        .withClient(async (client) => markHandled(client, job.data as WebhookJob, await databaseNow(client), error.message))
        .catch((noted: Error) => this.logger.warn(`could not note the failed webhook job: ${noted.message}`));
    }
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

function markHandled(client: SqlClient, job: WebhookJob, upTo: Date, error: string | null = null): Promise<unknown> {
  return job.objectId && job.kind !== 'unknown'
    ? markObjectDeliveriesProcessed(client, { type: job.kind, objectId: job.objectId, upTo }, error)
    : markWebhookProcessed(client, job.dedupeKey, error);
}
