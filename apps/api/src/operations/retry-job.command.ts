import { Logger } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Job, Queue } from 'bull';
import { CommandPipeline, Database, markSyncRetried, TransferAggregate } from '#persistence';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../http/problem.exception.js';
import { SyncOverviewService } from './sync-overview.service.js';

export interface RetriedJob {
  queue: string;
  jobId: string;
  transferId: string | null;
  state: string;
  /** Whether the transfer's sync state went from FAILED back to PENDING. */
  transferRequeued: boolean;
  /** The transfer's version that records the retry (its SyncRetried event); null for a job of no transfer. */
  recordedAtVersion: number | null;
}

/** Put a dead-lettered job back on its queue, as `actor` asked in the request `correlationId`. */
export class RetryJobCommand extends Command<RetriedJob> {
  constructor(
    readonly jobId: string,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}

@CommandHandler(RetryJobCommand)
export class RetryJobHandler implements ICommandHandler<RetryJobCommand> {
  private readonly logger = new Logger(RetryJobHandler.name);

  constructor(
    private readonly overview: SyncOverviewService,
    private readonly database: Database,
    private readonly pipeline: CommandPipeline,
    private readonly transfers: TransferAggregate,
  ) {}

  async execute({ jobId, actor, correlationId }: RetryJobCommand): Promise<RetriedJob> {
    const found = await this.find(jobId);
    if (!found) throw new ProblemException(404, 'JOB_NOT_FOUND', `No job ${jobId} on the sync queues`, { jobId });
    const { queue, job } = found;
    const state = await job.getState();
    if (state !== 'failed') throw notFailed(jobId, state);
    const transferId = typeof job.data?.transferId === 'string' ? (job.data.transferId as string) : null;
    let transferRequeued = false;
    // The transfer goes back to PENDING in the same transaction that requeues the job: if the
    // worker finishes the retry at once, its update waits for this one and wins.
    const requeue = async (client: Parameters<typeof markSyncRetried>[0]) => {
      transferRequeued = transferId ? await markSyncRetried(client, transferId) : false;
      await job.retry().catch(async (error: Error) => {
        // Someone retried it between the check above and here: Bull's atomic move refuses the second.
        if (!/already retried|has not failed|is locked/.test(error.message)) throw error;
        throw notFailed(jobId, await job.getState());
      });
    };
    let recordedAtVersion: number | null = null;
    if (transferId) {
      // Audited through the one command pipeline: the transfer's SyncRetried event (who, when, which
      // job) commits with the requeue, or neither happens.
      const recorded = await this.pipeline.handle(this.transfers, transferId, { type: 'RetrySync', jobId: String(job.id), queue: queue.name }, {
        actor,
        correlationId,
        causationId: null,
        alongside: requeue,
      });
      recordedAtVersion = recorded.version;
    } else {
      // A job of no transfer (an inbound Lightspeed read) has no stream to record on: the log keeps who retried it.
      await this.database.transaction(requeue);
      this.logger.log(`job ${jobId} on ${queue.name} retried by ${actor.id} (request ${correlationId})`);
    }
    return { queue: queue.name, jobId: String(job.id), transferId, state: await job.getState(), transferRequeued, recordedAtVersion };
  }

  private async find(jobId: string): Promise<{ queue: Queue; job: Job } | null> {
    for (const queue of this.overview.queues) {
      const job = await queue.getJob(jobId);
      if (job) return { queue, job };
    }
    return null;
  }
}

function notFailed(jobId: string, state: string): ProblemException {
  return new ProblemException(409, 'JOB_NOT_FAILED', `Job ${jobId} is ${state}; only a failed (dead-lettered) job can be retried`, { jobId, state });
}
