import type { Logger } from '@nestjs/common';
import type { Queue } from 'bull';

/**
 * Adds a queue's repeatable schedule now and again whenever its Redis connection becomes ready
 * anew. A Redis restarted without its data (no persistence, a failover, a flush) forgets every
 * schedule; without this, polls and purges would stop until some worker restarted. Adding the
 * same repeatable again is harmless: Bull keys a schedule by its name and repeat options.
 */
export async function keepScheduled(queue: Queue, schedule: () => Promise<unknown>, logger: Logger): Promise<void> {
  await schedule();
  queue.client.on('ready', () => {
    schedule().catch((error: Error) => logger.warn(`could not restore the ${queue.name} schedule: ${error.message}`));
  });
}
