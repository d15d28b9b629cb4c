import { setTimeout as sleep } from 'node:timers/promises';

/** Redis held a command past the caller's limit: down, or unreachable. */
export class RedisDidNotAnswerError extends Error {}

/**
 * Waits for Redis to accept an enqueue, but no longer than `timeoutMs`: while Redis is down Bull
 * holds commands until it reconnects, and a caller that must answer or retry cannot wait forever.
 * A late acceptance is harmless because every job id is derived from what it carries.
 */
export async function enqueueWithin(adding: Promise<unknown>, timeoutMs: number, what: string): Promise<void> {
  const timer = new AbortController();
  const timeout = sleep(timeoutMs, 'timeout' as const, { signal: timer.signal }).catch(() => 'cancelled' as const);
  const winner = await Promise.race([adding, timeout]);
  timer.abort();
  if (winner === 'timeout') {
    adding.catch(() => undefined);
    throw new RedisDidNotAnswerError(`Redis did not accept ${what} within ${timeoutMs} ms`);
  }
}
