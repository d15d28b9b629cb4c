import { setTimeout as sleep } from 'node:timers/promises';
import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bull';
import type { EnvironmentVariables } from '#config';
import { SyncMetrics } from '#observability';
import { Database, LeaderLock, RELAY_STALLED_AFTER_FAILURES, type UnrelayableEvent } from '#persistence';
import { SyncRelay } from './sync-relay.js';
import { RELAY_NAME, SYNC_QUEUE, type SyncTransferJob } from './sync.queue.js';

/** Runs the relay in the one worker that holds the leader lock; the others stand by. */
@Injectable()
export class SyncRelayRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SyncRelayRunner.name);
  private readonly relay: SyncRelay;
  private readonly leader: LeaderLock;
  private readonly intervalMs: number;
  private stopped = false;
  private loop: Promise<void> | null = null;

  constructor(
    database: Database,
    config: ConfigService<EnvironmentVariables, true>,
    @InjectQueue(SYNC_QUEUE) queue: Queue<SyncTransferJob>,
    private readonly metrics: SyncMetrics,
  ) {
    this.intervalMs = config.get('SYNC_RELAY_INTERVAL_MS', { infer: true });
    this.relay = new SyncRelay(database, queue, {
      batchSize: 500,
      enqueueTimeoutMs: 5_000,
      attempts: config.get('SYNC_JOB_ATTEMPTS', { infer: true }),
      onSetAside: (events) => this.setAside(events),
    });
    this.leader = new LeaderLock(database, `relay:${RELAY_NAME}`);
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.loop;
    await this.leader.release();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        const moved = (await this.leader.holds()) ? await this.relay.relayOnce() : 0;
        if (failures > 0) {
          this.logger.log(`relay resumed after ${failures} failed batch(es)`);
          this.metrics.relayBatchSucceeded(0);
        }
        failures = 0;
        if (moved === 0) await sleep(this.intervalMs);
      } catch (error) {
        failures++;
        await this.reportFailure(error as Error, failures);
        await sleep(Math.min(this.intervalMs * 2 ** Math.min(failures, 6), 10_000));
      }
    }
  }

  /**
   * A batch that fails is retried, never skipped (its transfers would never reach Lightspeed);
   * while it keeps failing the relay is visibly stalled: error log, `sync_relay_stalled` and a red
   * /health/sync (from the failure count stored beside the checkpoint).
   */
  private async reportFailure(error: Error, failures: number): Promise<void> {
    const health = await this.relay.recordFailure(error).catch(() => null);
    this.metrics.relayBatchFailed(health?.stalled ?? false);
    if (failures === 1 || failures % 50 === 0 || health?.failures === RELAY_STALLED_AFTER_FAILURES) {
      this.logger.error(`relay batch failed (${failures} in a row${health?.stalled ? ', relay stalled' : ''}): ${error.message}`);
    }
  }

  /** One error line per non-canonical event, and one per parked transfer (with the positions of its events). */
  private setAside(events: readonly UnrelayableEvent[]): void {
    const parked = new Map<string, UnrelayableEvent[]>();
    for (const unrelayable of events) {
      const { event, reason, transferId } = unrelayable;
      if (transferId) parked.set(transferId, [...(parked.get(transferId) ?? []), unrelayable]);
      else this.logger.error(`relay set aside event ${event.eventId} (position ${event.globalPosition}, ${event.eventType}): ${reason}`);
    }
    this.metrics.relayBatchSucceeded(events.length, parked.size);
    for (const [transferId, of] of parked) {
      const positions = of.map(({ event }) => event.globalPosition).join(', ');
      this.logger.error(`relay parked transfer ${transferId} (events at positions ${positions}): ${of[0]?.reason}; the rest of its batch was relayed`);
    }
  }
}
