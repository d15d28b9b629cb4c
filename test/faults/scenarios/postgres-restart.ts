import { setTimeout as sleep } from 'node:timers/promises';
import { runLifecycles } from '../load.js';
import { onStage, seconds, type FaultScenario } from '../scenario.js';

/** PostgreSQL is restarted (fast shutdown: every session cut, in-flight transactions lost) twice under load. */
export const postgresRestart: FaultScenario = {
  name: 'postgres-restart',
  title: 'PostgreSQL restarted under load',
  run: (context) =>
    onStage(context, 'postgres', {}, async ({ system, catalogue, crew, manager }) => {
      const { concurrency } = context.settings;
      const { postgres } = context.infra;
      let stop = false;
      const load = runLifecycles(crew, catalogue, 100_000, concurrency / 2, { shouldStop: () => stop, receiveEvery: 3, pauseMs: 100 });
      const restarts: number[] = [];
      for (const at of [4_000, 6_000]) {
        await sleep(at);
        const started = Date.now();
        await postgres.restart();
        restarts.push(Date.now() - started);
      }
      await sleep(5_000);
      stop = true;
      const ids = await load;
      return {
        figures: {
          transfers: ids.length,
          restarts: restarts.length,
          'restart took': restarts.map((ms) => seconds(ms)).join(', '),
        },
      };
    }),
};
