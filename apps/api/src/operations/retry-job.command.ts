import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Job, Queue } from 'bull';
import { Database, markSyncRetried } from '#persistence';
import { ProblemException } from '../http/problem.exception.js';
import { SyncOverviewService } from './sync-overview.service.js';

export interface RetriedJob {
  queue: string;
  jobId: string;
  transferId: string | null;
  state: string;
  /** Whether the transfer's sync state went from FAILED back to PENDING. */
  transferRequeued: boolean;
}

/** Put a dead-lettered job back on its queue. */
export class RetryJobCommand extends Command<RetriedJob> {
  constructor(readonly jobId: string) {
    super();
  }
}

@CommandHandler(RetryJobCommand)
export class RetryJobHandler implements ICommandHandler<RetryJobCommand> {
  constructor(
    private readonly overview: SyncOverviewService,
    private readonly database: Database,
  ) {}

  async execute({ jobId }: RetryJobCommand): Promise<RetriedJob> {
    const found = await this.find(jobId);
    if (!found) throw new ProblemException(404, 'JOB_NOT_FOUND', `No job ${jobId} on the sync queues`, { jobId });
    const { queue, job } = found;
    const state = await job.getState();
    if (state !== 'failed') throw notFailed(jobId, state);
    const transferId = typeof job.data?.transferId === 'string' ? (job.data.transferId as string) : null;
    // The transfer goes back to PENDING in the same transaction that requeues the job: if the
    // worker finishes the retry at once, its update waits for this one and wins.
    const transferRequeued = await this.database.transaction(async (client) => {
      const requeued = transferId ? await markSyncRetried(client, transferId) : false;
      await job.retry().catch(async (error: Error) => {
        // Someone retried it between the check above and here: Bull's atomic move refuses the second.
        if (!/already retried|has not failed|is locked/.test(error.message)) throw error;
        throw notFailed(jobId, await job.getState());
      });
      return requeued;
    });
    return { queue: queue.name, jobId: String(job.id), transferId, state: await job.getState(), transferRequeued };
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
