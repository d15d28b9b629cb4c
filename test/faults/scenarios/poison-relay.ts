import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultSystem } from '../fault-system.js';
import type { InvariantResult } from '../invariants.js';
import { lifecycle, runLifecycles } from '../load.js';
import { onStage, seconds, type FaultScenario } from '../scenario.js';

const CONSTRAINT = 'fault_poison_transfer';

/** Whether the relay has parked the victim's newest event (it has then passed all of them). */
async function newestEventParked(system: FaultSystem, victim: string): Promise<boolean> {
  const [row] = await system.query<{ parked: boolean }>(
    `SELECT (SELECT max(global_position) FROM relay_set_aside WHERE transfer_id = $1)
              = (SELECT max(global_position) FROM events WHERE stream_id = 'transfer-' || $1::text) AS parked`,
    [victim],
  );
  return row?.parked === true;
}

/** Only the victim was parked, each of its parked events was put back by the admin, and the relay ends healthy. */
async function parkedOnlyThePoison(system: FaultSystem, victim: string): Promise<InvariantResult> {
  const rows = await system.query<{ transfer_id: string | null; released_by: string | null }>(
    'SELECT transfer_id, released_by FROM relay_set_aside',
  );
  const [relay] = await system.query<{ failures: number }>("SELECT failures FROM relay_checkpoints WHERE name = 'lightspeed-sync'");
  const problems = [
    ...rows.filter((row) => row.transfer_id !== victim).map((row) => `${row.transfer_id ?? 'a non-canonical stream'} was set aside`),
    ...rows.filter((row) => row.transfer_id === victim && row.released_by !== 'fault-admin').map(() => 'a parked event was not put back'),
    ...(rows.length === 0 ? ['the poison transfer was never parked'] : []),
    ...((relay?.failures ?? 0) > 0 ? [`the relay ends with ${relay?.failures} failed batch(es) in a row`] : []),
  ];
  return {
    name: 'the relay parked the poison transfer alone, and an admin put it back',
    held: problems.length === 0,
    detail: problems.length === 0 ? `${rows.length} event(s) of ${victim} parked and put back; relay healthy` : problems.join('; '),
  };
}

/**
 * Under load, PostgreSQL refuses to record one transfer as waiting for sync (a constraint that
 * names it): every relay batch holding its events fails. The relay must park that transfer, with
 * the error, and relay everything else; once the cause is removed an admin puts it back, and it
 * reaches Lightspeed like the others.
 */
export const poisonRelay: FaultScenario = {
  name: 'poison-relay',
  title: 'one transfer the relay cannot hand over, under load: parked, the rest relayed, put back by an admin',
  run: (context) =>
    onStage(context, 'poison', {}, async ({ system, catalogue, crew, admin }) => {
      const { poisonTransfers, concurrency } = context.settings;
      const victim = randomUUID();
      await system.query(`ALTER TABLE transfer_sync_state ADD CONSTRAINT ${CONSTRAINT} CHECK (transfer_id <> '${victim}') NOT VALID`);
      const started = Date.now();
      const load = runLifecycles(crew, catalogue, poisonTransfers, concurrency);
      // The victim goes through its life in the middle of the load, its events in batches with others'.
      await sleep(2_000);
      await lifecycle(crew, catalogue, 0, { id: victim, kinds: ['OUTLET_TRANSFER'] });
      let parkedAfterMs: number | null = null;
      for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(250)) {
        if (await newestEventParked(system, victim)) {
          parkedAfterMs = Date.now() - started;
          break;
        }
      }
      const ids = await load;
      await system.query(`ALTER TABLE transfer_sync_state DROP CONSTRAINT ${CONSTRAINT}`);
      const released = await admin.command('POST', `/admin/relay/parked/${victim}/release`, victim);
      return {
        figures: {
          transfers: ids.length + 1,
          'poison transfer parked after': parkedAfterMs === null ? 'never' : seconds(parkedAfterMs),
          'release answered': released.status,
        },
        extra: async () => [await parkedOnlyThePoison(system, victim)],
      };
    }),
};
