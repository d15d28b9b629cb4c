import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { freshPrefix, openTestRedis } from '../testing/test-kit.js';
import { StoreThrottle, type BudgetLane } from './store-throttle.js';

/** Thrown by a throttle's sleep: the caller would have had to wait for the next window. */
class WouldWait extends Error {}

describe('the shared budget of a store: outbound sync before inbound refreshes', () => {
  let redis: Redis;
  let prefix: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ redis, prefix, close } = await openTestRedis());
  });
  afterAll(() => close());

  const throttle = (keyPrefix: string, lane: BudgetLane, inboundReservePercent?: number) =>
    new StoreThrottle({
      redis,
      keyPrefix,
      lane,
      rateLimit: { requests: 8, windowMs: 300_000 },
      ...(inboundReservePercent === undefined ? {} : { inboundReservePercent }),
      sleep: async () => {
        throw new WouldWait();
      },
    });
  /** How many turns a lane gets before it would have to wait. */
  const turnsBeforeWaiting = async (lane: StoreThrottle) => {
    for (let turns = 0; ; turns++) {
      try {
        await lane.waitForTurn();
      } catch (error) {
        if (error instanceof WouldWait) return turns;
        throw error;
      }
    }
  };

  it('leaves the reserve (25 % by default) to outbound calls however many inbound calls there are', async () => {
    const store = freshPrefix(prefix);
    const inbound = throttle(store, 'inbound');
    const outbound = throttle(store, 'outbound');
    expect(await turnsBeforeWaiting(inbound)).toBe(6);
    expect(await turnsBeforeWaiting(inbound)).toBe(0);
    expect(await turnsBeforeWaiting(outbound)).toBe(2);
  });

  it('lets outbound calls spend the whole window, inbound ones then waiting for the next', async () => {
    const store = freshPrefix(prefix);
    expect(await turnsBeforeWaiting(throttle(store, 'outbound'))).toBe(8);
    expect(await turnsBeforeWaiting(throttle(store, 'inbound'))).toBe(0);
  });

  it('takes the reserve as configured, and refuses one that would leave inbound nothing', async () => {
    const store = freshPrefix(prefix);
    expect(await turnsBeforeWaiting(throttle(store, 'inbound', 50))).toBe(4);
    expect(await turnsBeforeWaiting(throttle(store, 'outbound', 50))).toBe(4);
    expect(() => throttle(store, 'inbound', 100)).toThrow(RangeError);
  });
});
