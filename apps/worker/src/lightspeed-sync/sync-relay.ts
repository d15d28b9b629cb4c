import type { Queue } from 'bull';
import { enqueueWithin, RedisDidNotAnswerError } from '#observability';
import {
  readAllHeaders,
  loadRelayCheckpoint,
  loadRelayHealth,
  markSyncWanted,
  parkedEvents,
  pendingSyncRequests,
  recordRelayFailure,
  saveRelayCheckpoint,
  setAsideEvents,
  syncRequestsFor,
  type Database,
  type RelayHealth,
  type SyncRequest,
  type UnrelayableEvent,
} from '#persistence';
import { QUEUE_COMPLETE_MARKER, RELAY_NAME, syncJobOptions, SYNC_TRANSFER_JOB, type SyncTransferJob } from './sync.queue.js';

export interface RelayOptions {
  batchSize: number;
  /** How long to wait for Redis before giving up on a batch (and trying again later). */
  enqueueTimeoutMs: number;
  /** Attempts per job before it is dead-lettered; default SYNC_JOB_OPTIONS.attempts. */
  attempts?: number;
  /** Told after each batch which events it set aside (none, mostly). */
  onSetAside?: (events: readonly UnrelayableEvent[]) => void;
}

/** A transfer whose sync job could not be queued although the rest of its batch could. */
interface PoisonedRequest {
  request: SyncRequest;
  error: Error;
}

/**
 * The outbox relay: the event store is the outbox. Committed events are read in gap-safe global
 * order (headers only: a job needs no payload), turned into sync jobs whose ids derive from event
 * ids, and only after Redis has accepted them does the checkpoint move. A crash in between re-relays the batch; the job ids (and the
 * level-triggered worker) absorb the repeat. While Redis is down nothing moves and nothing is lost.
 */
export class SyncRelay {
  constructor(
    private readonly database: Database,
    private readonly queue: Queue<SyncTransferJob>,
    private readonly options: RelayOptions,
  ) {}

  /**
   * Relays one batch; returns how many events it consumed (0 when caught up). Events of a stream
   * that names no transfer in its one spelling can never be synced: they are recorded
   * (relay_set_aside, `onSetAside`) and passed, rather than holding every later transfer back.
   * So are the events of a transfer whose job cannot be queued while the others of its batch can
   * (a poison event, see `isolatePoison`): parked with the error, to be put back by ops.
   */
  async relayOnce(): Promise<number> {
    await this.resumeIfRedisLostJobs();
    const checkpoint = await this.database.withClient((client) => loadRelayCheckpoint(client, RELAY_NAME));
    const { events, checkpoint: next } = await this.database.withClient((client) =>
      readAllHeaders(client, checkpoint, this.options.batchSize),
    );
    if (events.length === 0) return 0;
    const { requests, unrelayable } = syncRequestsFor(events);
    let setAside = unrelayable;
    try {
      await this.enqueue(requests);
      await this.database.transaction(async (client) => {
        await markSyncWanted(client, requests);
        await setAsideEvents(client, RELAY_NAME, unrelayable);
        await saveRelayCheckpoint(client, RELAY_NAME, next);
      });
    } catch (error) {
      const poisoned = await this.isolatePoison(requests, error as Error);
      setAside = [...unrelayable, ...poisoned.flatMap(({ request, error: cause }) => parkedEvents(events, request.transferId, cause.message))];
      await this.database.transaction(async (client) => {
        await setAsideEvents(client, RELAY_NAME, setAside);
        await saveRelayCheckpoint(client, RELAY_NAME, next);
      });
    }
    this.options.onSetAside?.(setAside);
    return events.length;
  }

  /** Counts a failed batch where every process can see it (/health/sync); the batch is retried. */
  recordFailure(error: Error): Promise<RelayHealth> {
    return this.database.withClient((client) => recordRelayFailure(client, RELAY_NAME, error.message));
  }

  /**
   * Redis restarted without its data (no persistence, a failover, a flush) loses every job the
   * relay had handed over, while PostgreSQL still shows those transfers PENDING past the
   * checkpoint: nothing would ever sync them. A marker key set once the queue is known complete
   * tells; when it is gone, every transfer still waiting gets a job again (level-triggered, so a
   * repeat is harmless) before the marker is set.
   */
  private async resumeIfRedisLostJobs(): Promise<void> {
    const marker = this.queue.toKey(QUEUE_COMPLETE_MARKER);
    const present = this.queue.client.exists(marker);
    await enqueueWithin(present, this.options.enqueueTimeoutMs, 'a look at the queue marker');
    if ((await present) === 1) return;
    const waiting = await this.database.withClient((client) => pendingSyncRequests(client));
    await this.enqueue(waiting.map(({ transferId, version }) => ({ transferId, version, jobId: `resume-${transferId}-${version}-${Date.now()}` })));
    await enqueueWithin(this.queue.client.set(marker, new Date().toISOString()), this.options.enqueueTimeoutMs, 'the queue marker');
  }

  /**
   * A batch failed. Once it has failed before (so a passing blip never parks anything), each
   * transfer is tried on its own, and those that fail twice are poison — but only when others of
   * the batch went through and Redis and PostgreSQL both answer afterwards: when every transfer
   * fails, or a dependency does not answer, it is an outage, nothing is parked and the batch
   * error stands (the batch is retried, the relay shows as stalled).
   */
  private async isolatePoison(requests: SyncRequest[], batchError: Error): Promise<PoisonedRequest[]> {
    const before = await this.database.withClient((client) => loadRelayHealth(client, RELAY_NAME));
    if (requests.length < 2 || before.failures === 0 || !(await this.dependenciesAnswer())) throw batchError;
    const failing = await this.eachAlone(requests, batchError);
    if (failing.length === requests.length) throw batchError;
    const poisoned = await this.eachAlone(failing.map(({ request }) => request), batchError);
    if (poisoned.length > 0 && !(await this.dependenciesAnswer())) throw batchError;
    return poisoned;
  }

  /** The requests whose job cannot be queued alone; a Redis that stops answering ends the search. */
  private async eachAlone(requests: SyncRequest[], batchError: Error): Promise<PoisonedRequest[]> {
    const failing: PoisonedRequest[] = [];
    for (const request of requests) {
      try {
        await this.enqueue([request]);
        await this.database.withClient((client) => markSyncWanted(client, [request]));
      } catch (error) {
        if (error instanceof RedisDidNotAnswerError) throw batchError;
        failing.push({ request, error: error as Error });
      }
    }
    return failing;
  }

  private async dependenciesAnswer(): Promise<boolean> {
    try {
      await enqueueWithin(this.queue.client.ping(), this.options.enqueueTimeoutMs, 'a ping');
      await this.database.ping();
      return true;
    } catch {
      return false;
    }
  }

  private async enqueue(requests: SyncRequest[]): Promise<void> {
    if (requests.length === 0) return;
    const added = this.queue.addBulk(
      requests.map(({ jobId, transferId, version }) => ({
        name: SYNC_TRANSFER_JOB,
        data: { transferId, version },
        opts: { ...syncJobOptions(this.options.attempts), jobId },
      })),
    );
    await enqueueWithin(added, this.options.enqueueTimeoutMs, `${requests.length} sync job(s)`);
  }
}
