import { setTimeout as sleep } from 'node:timers/promises';
import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import type { EnvironmentVariables } from '#config';
import { Database } from '#persistence';
import { LeaderLock } from './leader-lock.js';
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
    dataSource: DataSource,
    config: ConfigService<EnvironmentVariables, true>,
    @InjectQueue(SYNC_QUEUE) queue: Queue<SyncTransferJob>,
  ) {
    this.intervalMs = config.get('SYNC_RELAY_INTERVAL_MS', { infer: true });
    this.relay = new SyncRelay(database, queue, {
      batchSize: 500,
      enqueueTimeoutMs: 5_000,
      attempts: config.get('SYNC_JOB_ATTEMPTS', { infer: true }),
    });
    this.leader = new LeaderLock(dataSource, `relay:${RELAY_NAME}`);
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
        failures = 0;
        if (moved === 0) await sleep(this.intervalMs);
      } catch (error) {
        failures++;
        if (failures === 1 || failures % 50 === 0) {
          this.logger.warn(`relay paused (attempt ${failures}): ${(error as Error).message}`);
        }
        await sleep(Math.min(this.intervalMs * 2 ** Math.min(failures, 6), 10_000));
      }
    }
  }
}
