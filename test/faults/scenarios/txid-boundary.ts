import type { CommandClient } from '../command-client.js';
import { migratedTemplate, type FaultSystem } from '../fault-system.js';
import type { InvariantResult } from '../invariants.js';
import { runLifecycles } from '../load.js';
import { onStage, seconds, type FaultScenario } from '../scenario.js';
import { startPrivatePostgres, withConnection } from '../../support/private-postgres.js';

/** The digit boundary the load crosses: transaction ids go from seven digits to eight. */
const BOUNDARY = 10_000_000;
/** How far below the boundary the load starts (a command is a transaction): it crosses early. */
const LOAD_STARTS_BELOW = 300;
/**
 * The worker (and its relay) starts once the load is this far past the boundary: more events wait
 * above it than fit in one relay batch (500), so the catch-up straddles the boundary.
 */
const WORKER_STARTS_ABOVE = 700;

/** Spends transaction ids (one committed transaction each) until the next one is `target`. */
async function advanceTransactionIds(url: string, target: number): Promise<number> {
  return withConnection(url, async (client) => {
    const current = async () => Number((await client.query<{ id: string }>('SELECT pg_current_xact_id()::text AS id')).rows[0]!.id);
    const gap = target - (await current());
    if (gap > 1) await client.query(`DO $$ BEGIN FOR i IN 1..${gap - 1} LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$`);
    return current();
  });
}

/** Waits until the store's newest event has a transaction id of at least `target` (or `done()`); returns it. */
async function newestTransactionIdReaches(system: FaultSystem, target: number, done: () => boolean): Promise<number> {
  for (;;) {
    const [row] = await system.query<{ id: string | null }>('SELECT max(transaction_id)::text AS id FROM events');
    const newest = Number(row?.id ?? 0);
    if (newest >= target || done()) return newest;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Reads GET /events from the start in pages of `limit`; returns the positions in the order served. */
async function readFeed(admin: CommandClient, limit: number): Promise<number[]> {
  const positions: number[] = [];
  for (let after = 0; ; ) {
    const page = await admin.get<{ items: { position: number }[]; nextAfter: number }>(`/events?after=${after}&limit=${limit}`);
    if (page.items.length === 0) return positions;
    positions.push(...page.items.map((item) => item.position));
    after = page.nextAfter;
  }
}

async function feedInvariant(system: FaultSystem, admin: CommandClient): Promise<InvariantResult> {
  const expected = (
    await system.query<{ global_position: string }>('SELECT global_position FROM events ORDER BY transaction_id, global_position')
  ).map((row) => Number(row.global_position));
  const problems: string[] = [];
  for (const limit of [1, 2, 500]) {
    const served = await readFeed(admin, limit);
    if (served.join() !== expected.join()) problems.push(`pages of ${limit}: served ${served.length} of ${expected.length} events, or out of order`);
  }
  return {
    name: 'GET /events serves every event once, in transaction order, in pages of 1, 2 and 500',
    held: problems.length === 0,
    detail: problems.length === 0 ? `${expected.length} events in each paging` : problems.join('; '),
  };
}

async function crossedInvariant(system: FaultSystem): Promise<InvariantResult> {
  const [row] = await system.query<{ below: number; above: number }>(
    `SELECT count(*) FILTER (WHERE transaction_id < $1::text::xid8)::int AS below, count(*) FILTER (WHERE transaction_id >= $1::text::xid8)::int AS above FROM events`,
    [String(BOUNDARY)],
  );
  const crossed = (row?.below ?? 0) > 0 && (row?.above ?? 0) > 0;
  return {
    name: `the load's events lie on both sides of transaction id ${BOUNDARY}`,
    held: crossed,
    detail: `${row?.below ?? 0} events below, ${row?.above ?? 0} at or above`,
  };
}

/**
 * The sync relay catches up across a digit boundary of transaction ids under load: its cluster's
 * next transaction id is set just below 10 000 000, the worker is stopped while the load crosses
 * the boundary, then started to catch up in batches that straddle it while the load goes on.
 */
export const txidBoundary: FaultScenario = {
  name: 'txid-boundary',
  title: `the relay catching up across transaction id ${BOUNDARY} under load`,
  run: async (context) => {
    const postgres = await startPrivatePostgres({ nextTransactionId: BOUNDARY - 50_000 });
    try {
      const infra = { ...context.infra, postgres, template: await migratedTemplate(postgres, context.infra.root) };
      return await onStage({ ...context, infra }, 'txid', {}, async ({ system, catalogue, crew, manager, admin }) => {
        const { txidTransfers, concurrency } = context.settings;
        const [worker] = system.workers as [FaultSystem['workers'][number]];
        await worker.stop();
        const startedAt = await advanceTransactionIds(postgres.url, BOUNDARY - LOAD_STARTS_BELOW);
        const started = Date.now();
        let loading = true;
        const load = runLifecycles(crew, catalogue, txidTransfers, concurrency).finally(() => (loading = false));
        const crossing = await newestTransactionIdReaches(system, BOUNDARY + WORKER_STARTS_ABOVE, () => !loading);
        worker.start();
        const workerStartedAt = seconds(Date.now() - started);
        const workerStartedUnderLoad = loading;
        const ids = await load;
        return {
          figures: {
            transfers: ids.length,
            'first transaction id of the load': startedAt,
            'newest transaction id when the worker started': crossing,
            'worker started after': `${workerStartedAt}${workerStartedUnderLoad ? ', under load' : ', after the load'}`,
            'load time': seconds(Date.now() - started),
          },
          extra: async () => [await crossedInvariant(system), await feedInvariant(system, admin)],
        };
      });
    } finally {
      await postgres.destroy();
    }
  },
};
