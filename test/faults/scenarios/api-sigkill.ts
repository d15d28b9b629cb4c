import { setTimeout as sleep } from 'node:timers/promises';
import { runLifecycles } from '../load.js';
import { onStage, repeatedly, seconds, type FaultScenario } from '../scenario.js';

/**
 * The API is SIGKILLed during a burst of commands and restarted; the client repeats what got no
 * answer. The burst lasts until every kill has happened (capped at FAULT_API_TRANSFERS transfers).
 */
export const apiSigkill: FaultScenario = {
  name: 'api-sigkill',
  title: 'SIGKILL of the API during a burst of commands',
  run: (context) =>
    onStage(context, 'api', {}, async ({ system, catalogue, crew, manager }) => {
      const { apiTransfers, apiKills, concurrency } = context.settings;
      let killing = true;
      let loading = true;
      const started = Date.now();
      const load = runLifecycles(crew, catalogue, apiTransfers, concurrency * 2, { receiveEvery: 2, shouldStop: () => !killing }).finally(
        () => (loading = false),
      );
      const downtimes: number[] = [];
      const kills = await repeatedly(
        apiKills,
        1_500,
        async () => {
          const down = Date.now();
          await system.api.kill();
          await system.startApi();
          downtimes.push(Date.now() - down);
        },
        () => !loading,
      );
      await sleep(1_000);
      killing = false;
      const ids = await load;
      return {
        figures: {
          transfers: ids.length,
          'burst time': seconds(Date.now() - started),
          'API kills during the burst': kills,
          'API downtime per kill': downtimes.map((ms) => seconds(ms)).join(', '),
        },
      };
    }),
};
