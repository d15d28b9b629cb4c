import type { Queue } from 'bull';
import { enqueueWithin } from '#observability';
import {
  readAll,
  loadRelayCheckpoint,
  pendingSyncRequests,
  recordRelayFailure,
  saveRelayCheckpoint,
  setAsideEvents,
  syncRequestsFor,
  type Database,
  type RelayHealth,
  type SqlClient,
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

/**
 * The outbox relay: the event store is the outbox. Committed events are read in gap-safe global
 * order, turned into sync jobs whose ids derive from event ids, and only after Redis has accepted
 * them does the checkpoint move. A crash in between re-relays the batch; the job ids (and the
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
   */
  async relayOnce(): Promise<number> {
    await this.resumeIfRedisLostJobs();
    const checkpoint = await this.database.withClient((client) => loadRelayCheckpoint(client, RELAY_NAME));
    const { events, checkpoint: next } = await this.database.withClient((client) =>
      readAll(client, checkpoint, this.options.batchSize),
    );
    if (events.length === 0) return 0;
    const { requests, unrelayable } = syncRequestsFor(events);
    await this.enqueue(requests);
    await this.database.transaction(async (client) => {
      await markWanted(client, requests);
      await setAsideEvents(client, RELAY_NAME, unrelayable);
      await saveRelayCheckpoint(client, RELAY_NAME, next);
    });
    this.options.onSetAside?.(unrelayable);
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

/** Shows ops at once that a transfer waits for sync, before the worker has picked it up. */
async function markWanted(client: SqlClient, requests: SyncRequest[]): Promise<void> {
  await client.query({
    name: 'sync-state.mark-wanted',
    text: `INSERT INTO transfer_sync_state (transfer_id, status, wanted_version, create_marker)
           SELECT id, 'PENDING', version, 'CONS-' || id FROM unnest($1::uuid[], $2::int[]) AS wanted(id, version)
           ON CONFLICT (transfer_id) DO UPDATE SET
             wanted_version = GREATEST(transfer_sync_state.wanted_version, EXCLUDED.wanted_version),
             status = CASE WHEN transfer_sync_state.synced_version >= EXCLUDED.wanted_version
                           THEN transfer_sync_state.status ELSE 'PENDING' END,
             updated_at = now()`,
    values: [requests.map((request) => request.transferId), requests.map((request) => request.version)],
  });
}
