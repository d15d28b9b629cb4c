import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Job, JobCounts, Queue } from 'bull';
import type { Redis } from 'ioredis';
import type { EnvironmentVariables } from '#config';
import { StoreThrottle, storeKeyPrefix, type BudgetUse } from '#lightspeed';
import { INBOUND_QUEUE_NAME, readAttempts, readAttemptsByMinute, readHeartbeats, SYNC_QUEUE_NAME, SYNC_RELAY_NAME, type AttemptCounts, type HeartbeatReport, type MinuteAttempts } from '#observability';
import {
  Database,
  inboundSyncOverview,
  listSetAside,
  loadRelayHealth,
  readSyncLag,
  syncStatusCounts,
  transfersNeedingAttention,
  type AttentionNeeded,
  type InboundSyncOverview,
  type RelayHealth,
  type SetAsideEvent,
  type SyncLag,
  type SyncStatusCounts,
} from '#persistence';

/** Redis or PostgreSQL not answering must not hang an ops view or the readiness probe. */
const DEPENDENCY_TIMEOUT_MS = 2_000;

export interface QueueCounts extends JobCounts {
  paused: number;
}

export interface JobFailure {
  queue: string;
  jobId: string;
  transferId: string | null;
  error: string | null;
  attempts: number;
  failedAt: string | null;
}

export interface SyncRates {
  windowMinutes: number;
  /** Jobs completed in the window (from Bull's completed set, which keeps the newest 1000). */
  processed: number;
  /** Jobs dead-lettered in the window. */
  failed: number;
  processedPerMinute: number;
  /** Job attempts that ended in the window (whole minutes, the current one included), per queue: outbound sync and inbound. */
  attempts: Record<string, AttemptCounts>;
  /** Failed attempts ÷ attempts over both queues in the window, each retry counted; null when no attempt ended. */
  errorRate: number | null;
}

/** The outbox relay: whether it keeps failing a batch, and the events it set aside that nobody put back. */
export interface RelayReport extends RelayHealth {
  /** The newest of them (as many as `failures` asks for), newest first. */
  setAsideEvents: SetAsideEvent[];
}

export interface SyncStatusReport {
  generatedAt: string;
  queues: Record<string, QueueCounts>;
  transfers: SyncStatusCounts;
  rates: SyncRates;
  recentFailures: JobFailure[];
  /** Transfers whose sync waits for an operator: Lightspeed's refusal and what to do, oldest first. */
  needsAttention: AttentionNeeded[];
  inbound: InboundSyncOverview;
  workers: HeartbeatReport;
  relay: RelayReport;
  /** The store's request budget in the current window (shared by every worker); null when no limit is set. */
  lightspeedBudget: BudgetUse | null;
  lag: SyncLag;
}

export function withTimeout<T>(work: Promise<T>, what: string, ms = DEPENDENCY_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function toFailure(queue: string, job: Job): JobFailure {
  const data = (job.data ?? {}) as { transferId?: unknown };
  return {
    queue,
    jobId: String(job.id),
    transferId: typeof data.transferId === 'string' ? data.transferId : null,
    error: job.failedReason ?? null,
    attempts: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}

export interface SyncHistoryReport {
  generatedAt: string;
  minutes: number;
  /** Per queue, one entry per minute, oldest first (the current, unfinished minute last). */
  queues: Record<string, MinuteAttempts[]>;
}

/** Everything ops look at to see whether the sync keeps up: queues, rates, failures, inbound, workers. */
@Injectable()
export class SyncOverviewService {
  private readonly queuePrefix: string;
  /** The workers' view of the store's budget, read here without spending any. */
  private readonly store: StoreThrottle;

  constructor(
    @InjectQueue(SYNC_QUEUE_NAME) readonly syncQueue: Queue,
    @InjectQueue(INBOUND_QUEUE_NAME) readonly inboundQueue: Queue,
    private readonly database: Database,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.queuePrefix = config.get('QUEUE_PREFIX', { infer: true });
    this.store = new StoreThrottle({
      redis: syncQueue.client as unknown as Redis,
      keyPrefix: storeKeyPrefix(this.queuePrefix, config.get('LIGHTSPEED_BASE_URL', { infer: true })),
      rateLimit: { requests: config.get('LIGHTSPEED_RATE_LIMIT', { infer: true }) },
    });
  }

  get queues(): Queue[] {
    return [this.syncQueue, this.inboundQueue];
  }

  async report(windowMinutes: number, failureLimit: number): Promise<SyncStatusReport> {
    const now = Date.now();
    const [queues, transfers, rates, recentFailures, needsAttention, inbound, workers, relay, lightspeedBudget, lag] = await Promise.all([
      this.queueCounts(),
      this.transferCounts(),
      this.rates(windowMinutes, now),
      this.recentFailures(failureLimit),
      withTimeout(this.database.withClient((client) => transfersNeedingAttention(client, failureLimit)), 'PostgreSQL'),
      withTimeout(this.database.withClient((client) => inboundSyncOverview(client)), 'PostgreSQL'),
      this.workers(now),
      this.relayReport(failureLimit),
      withTimeout(this.store.budgetUse(now), 'Redis'),
      withTimeout(this.database.withClient((client) => readSyncLag(client, SYNC_RELAY_NAME)), 'PostgreSQL'),
    ]);
    return { generatedAt: new Date(now).toISOString(), queues, transfers, rates, recentFailures, needsAttention, inbound, workers, relay, lightspeedBudget, lag };
  }

  /** Job attempts per queue and minute over the last `minutes`, oldest first: what the console charts. */
  async history(minutes: number): Promise<SyncHistoryReport> {
    const now = Date.now();
    const series = await withTimeout(Promise.all(this.queues.map((queue) => readAttemptsByMinute(queue, minutes, now))), 'Redis');
    return { generatedAt: new Date(now).toISOString(), minutes, queues: Object.fromEntries(this.queues.map((queue, index) => [queue.name, series[index] as MinuteAttempts[]])) };
  }

  async queueCounts(): Promise<Record<string, QueueCounts>> {
    const entries = await Promise.all(
      this.queues.map(async (queue) => {
        const [counts, paused] = await withTimeout(Promise.all([queue.getJobCounts(), queue.getPausedCount()]), 'Redis');
        return [queue.name, { ...counts, paused }] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  transferCounts(): Promise<SyncStatusCounts> {
    return withTimeout(this.database.withClient((client) => syncStatusCounts(client)), 'PostgreSQL');
  }

  /** Whether the outbox relay keeps failing a batch, and what it has set aside. */
  relay(): Promise<RelayHealth> {
    return withTimeout(this.database.withClient((client) => loadRelayHealth(client, SYNC_RELAY_NAME)), 'PostgreSQL');
  }

  private async relayReport(limit: number): Promise<RelayReport> {
    const [health, setAsideEvents] = await Promise.all([
      this.relay(),
      withTimeout(this.database.withClient((client) => listSetAside(client, SYNC_RELAY_NAME, limit)), 'PostgreSQL'),
    ]);
    return { ...health, setAsideEvents };
  }

  workers(now = Date.now()): Promise<HeartbeatReport> {
    return withTimeout(readHeartbeats(this.syncQueue.client, this.queuePrefix, now), 'Redis');
  }

  /** The newest dead-lettered jobs of every sync queue, newest first. */
  async recentFailures(limit: number): Promise<JobFailure[]> {
    const failures = await Promise.all(
      this.queues.map(async (queue) =>
        (await withTimeout(queue.getFailed(0, limit - 1), 'Redis')).filter(Boolean).map((job) => toFailure(queue.name, job)),
      ),
    );
    return failures
      .flat()
      .sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''))
      .slice(0, limit);
  }

  private async rates(windowMinutes: number, now: number): Promise<SyncRates> {
    const since = now - windowMinutes * 60_000;
    const finishedSince = (jobs: Job[]) => jobs.filter((job) => job && (job.finishedOn ?? 0) >= since).length;
    const [completed, failed, perQueue] = await withTimeout(
      Promise.all([
        this.syncQueue.getCompleted(0, 999),
        this.syncQueue.getFailed(0, 999),
        Promise.all(this.queues.map((queue) => readAttempts(queue, windowMinutes, now))),
      ]),
      'Redis',
    );
    const processed = finishedSince(completed);
    const failedAttempts = perQueue.reduce((sum, counts) => sum + counts.failed, 0);
    const attempts = perQueue.reduce((sum, counts) => sum + counts.completed + counts.failed, 0);
    return {
      windowMinutes,
      processed,
      failed: finishedSince(failed),
      processedPerMinute: Math.round((processed / windowMinutes) * 100) / 100,
      attempts: Object.fromEntries(this.queues.map((queue, index) => [queue.name, perQueue[index] as AttemptCounts])),
      errorRate: attempts === 0 ? null : Math.round((failedAttempts / attempts) * 10_000) / 10_000,
    };
  }
}
