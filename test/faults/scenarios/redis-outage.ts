import { setTimeout as sleep } from 'node:timers/promises';
import { runLifecycles } from '../load.js';
import { onStage, seconds, type FaultScenario } from '../scenario.js';

/** Redis (queues, rate budget, rate limits) is killed under load, stays down, and comes back empty. */
export const redisOutage: FaultScenario = {
  name: 'redis-outage',
  title: 'Redis stopped under load and restarted (empty: no persistence)',
  run: (context) =>
    onStage(context, 'redis', {}, async ({ system, catalogue, crew, manager }) => {
      const { redisDownMs, concurrency } = context.settings;
      const { redis } = context.infra;
      let stop = false;
      // Paced (~10 transfers/s) so the load, and the backlog Redis finds when it is back, stay bounded.
      const load = runLifecycles(crew, catalogue, 100_000, Math.max(2, concurrency / 4), { shouldStop: () => stop, receiveEvery: 3, pauseMs: 250 });
      await sleep(5_000);
      const acknowledgedBefore = manager.summary().acknowledged;
      await redis.stop();
      await sleep(redisDownMs);
      const acknowledgedWhileDown = manager.summary().acknowledged - acknowledgedBefore;
      await redis.start();
      await sleep(5_000);
      stop = true;
      const ids = await load;
      return {
        figures: {
          transfers: ids.length,
          'Redis down for': seconds(redisDownMs),
          'commands acknowledged while Redis was down': acknowledgedWhileDown,
        },
      };
    }),
};
