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

  it('tells ops the budget used in the current window without spending any, and any pause', async () => {
    const store = freshPrefix(prefix);
    const outbound = throttle(store, 'outbound');
    expect(await outbound.budgetUse()).toEqual({ limit: 8, used: 0, windowSeconds: 300, resetsAt: null, pausedUntil: null });
    for (let turn = 0; turn < 3; turn++) await outbound.waitForTurn();
    const now = Date.now();
    const read = await throttle(store, 'inbound').budgetUse(now);
    expect(read).toEqual({ limit: 8, used: 3, windowSeconds: 300, resetsAt: expect.any(String), pausedUntil: null });
    expect(Date.parse(read!.resetsAt!) - now).toBeGreaterThan(290_000);
    expect(Date.parse(read!.resetsAt!) - now).toBeLessThanOrEqual(300_000);
    // Reading spent nothing: the same figure again, and the rest of the window is still there to take.
    expect((await outbound.budgetUse())?.used).toBe(3);
    expect(await turnsBeforeWaiting(outbound)).toBe(5);
    expect((await outbound.budgetUse())?.used).toBe(8);

    await outbound.pause(60_000);
    const paused = Date.parse((await outbound.budgetUse())!.pausedUntil!);
    expect(paused - Date.now()).toBeGreaterThan(55_000);
    await expect(new StoreThrottle({ redis, keyPrefix: store }).budgetUse()).resolves.toBeNull();
  });
});
