import { CommandClient } from '../command-client.js';
import type { FaultSystem } from '../fault-system.js';
import type { InvariantResult } from '../invariants.js';
import { runLifecycles } from '../load.js';
import { onStage, seconds, type FaultScenario } from '../scenario.js';

/** Any spelling of an id: each letter upper or lower case at random, anew for every request. */
const anyCase = (id: string) => [...id].map((char) => (Math.random() < 0.5 ? char.toUpperCase() : char.toLowerCase())).join('');

const INTRUDER = 'fault-intruder';

const sample = (items: string[]) => items.slice(0, 5).join('; ') + (items.length > 5 ? ` … (${items.length})` : '');

/** No two streams of one id, and every transfer stream in its one spelling. */
async function oneStreamPerId(system: FaultSystem): Promise<InvariantResult> {
  const rows = await system.query<{ stream_id: string }>(
    `SELECT stream_id FROM events WHERE lower(stream_id) LIKE 'transfer-%'
       AND (stream_id <> lower(stream_id) OR stream_id !~~ 'transfer-%')
     UNION ALL
     SELECT min(stream_id) FROM events GROUP BY lower(stream_id) HAVING count(DISTINCT stream_id) > 1`,
  );
  return {
    name: 'every transfer has one stream, under its canonical (lower-case) id',
    held: rows.length === 0,
    detail: rows.length === 0 ? 'no stream under another spelling' : sample(rows.map((row) => row.stream_id)),
  };
}

/** Every attempt to create a transfer again under another spelling of its id was refused, and took nothing over. */
async function takeoversRefused(system: FaultSystem, intruder: CommandClient): Promise<InvariantResult> {
  const accepted = intruder.records.filter((record) => record.status !== 409).map((record) => `${record.transferId} answered ${record.status}`);
  const written = await system.query<{ stream_id: string }>(`SELECT stream_id FROM events WHERE metadata->'actor'->>'id' = $1`, [INTRUDER]);
  const problems = [...accepted, ...written.map((row) => `${row.stream_id} has an event by the intruder`)];
  return {
    name: 'creating a transfer again under another spelling of its id is a 409 and takes nothing over',
    held: problems.length === 0,
    detail: problems.length === 0 ? `${intruder.records.length} attempts, each refused with 409` : sample(problems),
  };
}

/**
 * Clients spell every id (transfer, outlets, products) in random letter case, request by request,
 * while an intruder tries to create each transfer again under another spelling with other
 * outlets: one stream per transfer, one consignment per transfer, nothing taken over.
 */
export const caseVariantIds: FaultScenario = {
  name: 'case-variant-ids',
  title: 'ids spelled in any letter case under load, and takeovers by a case variant',
  run: (context) =>
    onStage(context, 'case', {}, async ({ system, catalogue, crew, manager }) => {
      const { caseVariantTransfers, concurrency } = context.settings;
      const intruder = new CommandClient(system.apiUrl, system.auth(INTRUDER, ['manager']));
      const [source, destination] = [catalogue.outlets[2 % catalogue.outlets.length], catalogue.outlets[3 % catalogue.outlets.length]];
      const started = Date.now();
      const takeovers: Promise<unknown>[] = [];
      const created = new Set<string>();
      const load = runLifecycles(crew, catalogue, caseVariantTransfers, concurrency, { spell: anyCase });
      // While the load runs, every transfer whose creation was acknowledged is attacked once.
      const attack = (async () => {
        let loading = true;
        load.finally(() => (loading = false));
        while (loading || created.size < manager.records.filter((record) => record.action === 'POST /transfers' && record.status === 201).length) {
          for (const record of manager.records) {
            if (record.action !== 'POST /transfers' || record.status !== 201 || created.has(record.transferId)) continue;
            created.add(record.transferId);
            takeovers.push(
              intruder.command('POST', '/transfers', record.transferId, {
                id: anyCase(record.transferId).replace(/[a-f]/, (letter) => letter.toUpperCase()),
                type: 'OUTLET_TRANSFER',
                sourceOutletId: source,
                destinationOutletId: destination,
              }),
            );
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      const ids = await load;
      await attack;
      await Promise.all(takeovers);
      return {
        figures: { transfers: ids.length, 'takeover attempts': intruder.records.length, 'load time': seconds(Date.now() - started) },
        extra: async () => [await oneStreamPerId(system), await takeoversRefused(system, intruder)],
      };
    }),
};
