import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { freshPrefix, openTestRedis } from '../testing/test-kit.js';
import { CoalescedReads } from './coalesced-reads.js';
import type { WebhookJob } from './webhook-delivery.js';

describe('coalesced webhook reads (Redis)', () => {
  let redis: Redis;
  let prefix: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ redis, prefix, close } = await openTestRedis());
  });
  afterAll(() => close());

  const delivery = (objectId: string, version: number): WebhookJob => ({ dedupeKey: `product:${objectId}:${version}`, kind: 'product', objectId });

  it('gives every delivery of an object one job id while its read waits, and the next id once the read starts', async () => {
    const reads = new CoalescedReads(redis, freshPrefix(prefix));
    const waiting = await reads.jobIdFor(delivery('p-1', 1));
    expect(await reads.jobIdFor(delivery('p-1', 2))).toBe(waiting);
    expect(await reads.jobIdFor(delivery('p-2', 1))).not.toBe(waiting);

    await reads.readStarting(delivery('p-1', 1));
    // Arriving while the read runs: exactly one more read, which absorbs everything after it.
    const next = await reads.jobIdFor(delivery('p-1', 3));
    expect(next).not.toBe(waiting);
    expect(await reads.jobIdFor(delivery('p-1', 4))).toBe(next);
  });

  it('leaves a delivery about nothing it can read under its own key', async () => {
    const reads = new CoalescedReads(redis, freshPrefix(prefix));
    const unknown: WebhookJob = { dedupeKey: 'sha256:abc', kind: 'unknown', objectId: null };
    await reads.readStarting(unknown);
    expect(await reads.jobIdFor(unknown)).toBe('sha256:abc');
  });
});
