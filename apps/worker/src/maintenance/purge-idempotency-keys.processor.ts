import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bull';
import type { EnvironmentVariables } from '#config';
import { Database, purgeIdempotencyKeys } from '#persistence';
import { keepScheduled } from '../scheduling/keep-scheduled.js';
import { MAINTENANCE_QUEUE, PURGE_EVERY_MS, PURGE_IDEMPOTENCY_KEYS } from './maintenance.queue.js';

/**
 * Idempotency-Key answers are kept for IDEMPOTENCY_KEY_TTL_HOURS so retries replay them; after
 * that they are forgotten, as with any payment-style API, so the table does not grow forever.
 * (A receipt's key also lives on as its receipt id in the events, so even a very late retry of a
 * receipt cannot double-count.)
 */
@Processor(MAINTENANCE_QUEUE)
export class PurgeIdempotencyKeysProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(PurgeIdempotencyKeysProcessor.name);

  constructor(
    private readonly database: Database,
    private readonly config: ConfigService<EnvironmentVariables, true>,
    @InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await keepScheduled(
      this.queue,
      () => this.queue.add(PURGE_IDEMPOTENCY_KEYS, {}, { repeat: { every: PURGE_EVERY_MS }, removeOnComplete: 24, removeOnFail: 100 }),
      this.logger,
    );
  }

  @Process(PURGE_IDEMPOTENCY_KEYS)
  async purge(): Promise<{ purged: number }> {
    const ttlHours = this.config.get('IDEMPOTENCY_KEY_TTL_HOURS', { infer: true });
    const cutoff = new Date(Date.now() - ttlHours * 60 * 60 * 1000);
    const purged = await this.database.withClient((client) => purgeIdempotencyKeys(client, cutoff));
    this.logger.log(`purged ${purged} Idempotency-Key answers older than ${cutoff.toISOString()}`);
    return { purged };
  }
}
