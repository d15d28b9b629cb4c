import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultSystem } from '../fault-system.js';
import { runLifecycles } from '../load.js';
import { onStage, seconds, type FaultScenario } from '../scenario.js';

async function syncedTransfers(system: FaultSystem): Promise<number> {
  const [row] = await system.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM transfer_sync_state WHERE status = 'SYNCED' AND synced_version >= wanted_version`,
  );
  return row?.count ?? 0;
}

/** The worker is SIGKILLed (no shutdown hook) again and again while it syncs a batch of sent transfers. */
export const workerSigkill: FaultScenario = {
  name: 'worker-sigkill',
  title: 'SIGKILL of the worker during the sync of a batch of transfers',
  run: (context) =>
    onStage(context, 'worker', {}, async ({ system, catalogue, crew, manager }) => {
      const { workerTransfers, workerKills, concurrency } = context.settings;
      const [worker] = system.workers as [FaultSystem['workers'][number]];
      // Lightspeed's own latency: keeps the sync busy long enough for every kill to land mid-sync.
      await system.injectFault({ kind: 'latency', ms: 40 });
      const started = Date.now();
      let loadSeconds = '';
      const load = runLifecycles(crew, catalogue, workerTransfers, concurrency).then((ids) => {
        loadSeconds = seconds(Date.now() - started);
        return ids;
      });
      // Each kill lands mid-sync: once the (re)started worker has synced something, after a random pause.
      const syncedAtKill: number[] = [];
      let kills = 0;
      for (; kills < workerKills; kills++) {
        const before = await syncedTransfers(system);
        const deadline = Date.now() + 30_000;
        while ((await syncedTransfers(system)) === before && Date.now() < deadline) await sleep(100);
        await sleep(Math.random() * 1_500);
        await worker.kill();
        syncedAtKill.push(await syncedTransfers(system));
        worker.start();
      }
      const ids = await load;
      await system.clearFaults();
      const midSync = syncedAtKill.filter((count) => count < ids.length).length;
      return {
        figures: {
          transfers: ids.length,
          'load time': loadSeconds,
          'worker kills': kills,
          'kills while transfers were still unsynced': midSync,
          'synced at each kill': syncedAtKill.join(','),
        },
      };
    }),
};
