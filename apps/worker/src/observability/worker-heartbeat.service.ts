import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bull';
import type { EnvironmentVariables } from '#config';
import { HEARTBEAT_INTERVAL_MS, heartbeatKey, workerId, writeHeartbeat, type WorkerHeartbeat } from '#observability';
import { SYNC_QUEUE } from '../lightspeed-sync/sync.queue.js';

/**
 * Tells the API this worker is alive: a Redis key `${QUEUE_PREFIX}:worker:heartbeat:<host>-<pid>`
 * renewed every HEARTBEAT_INTERVAL_MS that expires by itself if the process dies, and is deleted
 * on a clean shutdown. Written through the sync queue's own Redis connection.
 */
@Injectable()
export class WorkerHeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHeartbeatService.name);
  private readonly prefix: string;
  private readonly id = workerId();
  private readonly startedAt = new Date().toISOString();
  private timer: NodeJS.Timeout | null = null;
  private failing = false;

  constructor(
    @InjectQueue(SYNC_QUEUE) private readonly queue: Queue,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.prefix = config.get('QUEUE_PREFIX', { infer: true });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.queue.client.del(heartbeatKey(this.prefix, this.id)).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    const beat: WorkerHeartbeat = { id: this.id, startedAt: this.startedAt, at: new Date().toISOString() };
    try {
      await writeHeartbeat(this.queue.client, this.prefix, beat);
      if (this.failing) this.logger.log('heartbeat written again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`heartbeat not written: ${(error as Error).message}`);
      this.failing = true;
    }
  }
}
