import type { WebhookJob } from './webhook-delivery.js';

/** The two Redis commands coalescing needs (an ioredis client, e.g. a Bull queue's `client`). */
export interface GenerationStore {
  get(key: string): Promise<string | null>;
  incr(key: string): Promise<number>;
}

/**
 * One pending read per Lightspeed object, however many deliveries name it.
 *
 * Each object has a generation counter in Redis. A delivery is queued under the job id
 * `read:<kind>:<id>:<generation>`: while that job waits, every later delivery maps to the same id
 * and Bull keeps the one job (the read already queued absorbs the rest). A worker taking the job
 * moves the generation on *before* it reads, so a delivery arriving while the read runs is queued
 * under the next id: exactly one more read, after this one. A delivery whose generation was read
 * just before the worker moved it is absorbed by the running job — safe, because that job reads
 * after the move, so after the change the delivery announced.
 */
export class CoalescedReads {
  constructor(
    private readonly redis: GenerationStore,
    /** Namespace for the counters, e.g. the inbound queue's `toKey('reads')`. */
    private readonly keyPrefix: string,
  ) {}

  /** The Bull job id for a delivery: shared by every delivery of one object until its read starts. */
  async jobIdFor(job: WebhookJob): Promise<string> {
    if (!job.objectId || job.kind === 'unknown') return job.dedupeKey;
    const generation = (await this.redis.get(this.key(job))) ?? '0';
    return `read:${job.kind}:${job.objectId}:${generation}`;
  }

  /** Called by the worker as a read starts: deliveries from now on queue the next read. */
  async readStarting(job: WebhookJob): Promise<void> {
    if (!job.objectId || job.kind === 'unknown') return;
    await this.redis.incr(this.key(job));
  }

  private key(job: WebhookJob): string {
    return `${this.keyPrefix}:${job.kind}:${job.objectId}`;
  }
}
