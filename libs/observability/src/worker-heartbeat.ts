import { hostname } from 'node:os';

/** How often a worker writes its heartbeat, and how long Redis keeps one that is not renewed. */
export const HEARTBEAT_INTERVAL_MS = 5_000;
export const HEARTBEAT_TTL_SECONDS = 30;
/** A newest heartbeat older than this (three missed beats) is reported as stale. */
export const HEARTBEAT_STALE_AFTER_MS = 3 * HEARTBEAT_INTERVAL_MS;

export interface WorkerHeartbeat {
  /** `<hostname>-<pid>` */
  id: string;
  startedAt: string;
  at: string;
}

export interface HeartbeatReport {
  workers: number;
  /** Seconds since the newest heartbeat; null when no worker has one alive. */
  newestAgeSeconds: number | null;
  stale: boolean;
  heartbeats: (WorkerHeartbeat & { ageSeconds: number })[];
}

/** The part of ioredis the heartbeat needs (Bull's queue client is one). */
export interface HeartbeatRedis {
  set(key: string, value: string, mode: 'EX', seconds: number): Promise<unknown>;
  del(key: string): Promise<unknown>;
  scan(cursor: string | number, match: 'MATCH', pattern: string, count: 'COUNT', n: number): Promise<[string, string[]]>;
  mget(keys: string[]): Promise<(string | null)[]>;
}

export function workerId(): string {
  return `${hostname()}-${process.pid}`;
}

export function heartbeatKey(queuePrefix: string, id: string): string {
  return `${queuePrefix}:worker:heartbeat:${id}`;
}

export async function writeHeartbeat(redis: HeartbeatRedis, queuePrefix: string, beat: WorkerHeartbeat): Promise<void> {
  await redis.set(heartbeatKey(queuePrefix, beat.id), JSON.stringify(beat), 'EX', HEARTBEAT_TTL_SECONDS);
}

/** Every live worker's heartbeat (keys expire HEARTBEAT_TTL_SECONDS after a worker stops beating). */
export async function readHeartbeats(redis: HeartbeatRedis, queuePrefix: string, now = Date.now()): Promise<HeartbeatReport> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', heartbeatKey(queuePrefix, '*'), 'COUNT', 100);
    keys.push(...found);
    cursor = next;
  } while (cursor !== '0');
  const values = keys.length ? await redis.mget(keys) : [];
  const heartbeats = values
    .flatMap((value) => (value ? [JSON.parse(value) as WorkerHeartbeat] : []))
    .map((beat) => ({ ...beat, ageSeconds: Math.max(0, (now - Date.parse(beat.at)) / 1000) }))
    .sort((a, b) => a.ageSeconds - b.ageSeconds);
  const newest = heartbeats[0]?.ageSeconds ?? null;
  return {
    workers: heartbeats.length,
    newestAgeSeconds: newest,
    stale: newest === null || newest * 1000 > HEARTBEAT_STALE_AFTER_MS,
    heartbeats,
  };
}
