/**
 * Job attempts per queue and minute, kept in the queue's Redis (`<prefix>:<queue>:attempts:<minute>`,
 * a hash of `completed` and `failed` counts living 25 hours), so the API can tell the error rate
 * across every worker: every attempt counts, not only the dead letters.
 */
export const ATTEMPT_BUCKET_TTL_SECONDS = 25 * 60 * 60;

export type AttemptOutcome = 'completed' | 'failed';

export interface AttemptCounts {
  completed: number;
  failed: number;
}

/** The part of a Bull queue this needs: its Redis client and its key naming. */
export interface AttemptQueue {
  client: {
    multi(): { hincrby(key: string, field: string, by: number): unknown; expire(key: string, seconds: number): unknown; exec(): Promise<unknown> };
    pipeline(): { hgetall(key: string): unknown; exec(): Promise<[Error | null, unknown][] | null> };
  };
  toKey(type: string): string;
}

const minuteOf = (at: number) => Math.floor(at / 60_000);
const bucketKey = (queue: AttemptQueue, minute: number) => queue.toKey(`attempts:${minute}`);

export async function recordAttempt(queue: AttemptQueue, outcome: AttemptOutcome, now = Date.now()): Promise<void> {
  const key = bucketKey(queue, minuteOf(now));
  const multi = queue.client.multi();
  multi.hincrby(key, outcome, 1);
  multi.expire(key, ATTEMPT_BUCKET_TTL_SECONDS);
  await multi.exec();
}

/** The attempts that ended in one minute, `at` its start. */
export interface MinuteAttempts extends AttemptCounts {
  at: string;
}

/** Attempts per minute over the last `minutes` whole minutes, oldest first, the current one included. */
export async function readAttemptsByMinute(queue: AttemptQueue, minutes: number, now = Date.now()): Promise<MinuteAttempts[]> {
  const newest = minuteOf(now);
  const first = newest - minutes + 1;
  const pipeline = queue.client.pipeline();
  for (let minute = first; minute <= newest; minute++) pipeline.hgetall(bucketKey(queue, minute));
  return ((await pipeline.exec()) ?? []).map(([error, bucket], index) => {
    if (error) throw error;
    const { completed, failed } = (bucket ?? {}) as Partial<Record<AttemptOutcome, string>>;
    return { at: new Date((first + index) * 60_000).toISOString(), completed: Number(completed ?? 0), failed: Number(failed ?? 0) };
  });
}

/** Attempts that ended in the last `windowMinutes` whole minutes, the current one included. */
export async function readAttempts(queue: AttemptQueue, windowMinutes: number, now = Date.now()): Promise<AttemptCounts> {
  const counts: AttemptCounts = { completed: 0, failed: 0 };
  for (const minute of await readAttemptsByMinute(queue, windowMinutes, now)) {
    counts.completed += minute.completed;
    counts.failed += minute.failed;
  }
  return counts;
}
