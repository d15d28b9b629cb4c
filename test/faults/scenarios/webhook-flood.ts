import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultSystem } from '../fault-system.js';
import type { InvariantResult } from '../invariants.js';
import { runLifecycles } from '../load.js';
import { onStage, seconds, type FaultScenario } from '../scenario.js';
import { WebhookChaosProxy } from '../webhook-chaos-proxy.js';

type Stats = { total: number; byRoute: Record<string, number> };

const callsTo = (stats: Stats, route: RegExp) =>
  Object.entries(stats.byRoute)
    .filter(([key]) => route.test(key))
    .reduce((sum, [, calls]) => sum + calls, 0);

/** Reads of one product by id: only the inbound side makes them (the catalogue is polled by list). */
const PRODUCT_READS = /^GET \/api\/2\.0\/products\/:id /;
const CONSIGNMENT_READS = /^GET \/api\/2\.0\/consignments\/:id /;

/**
 * What a flood may cost: two reads per object at most — the one running when more deliveries arrive,
 * and the one queued behind it that absorbs them all.
 */
const readBound = (objects: number) => 2 * objects;

/** Someone in the back office changes each product `times` times in a row (a price list imported, then fixed). */
async function changeProducts(system: FaultSystem, products: string[], times: number): Promise<number> {
  let next = 0;
  let changes = 0;
  const lane = async () => {
    while (next < products.length) {
      const id = products[next++] as string;
      for (let change = 1; change <= times; change++) {
        await system.store(`/api/2.1/products/${id}`, { method: 'PUT', body: JSON.stringify({ supply_price: `${change}.${String(next % 100).padStart(2, '0')}` }) });
        changes++;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, lane));
  return changes;
}

/**
 * Inbound reads the budget holds back wait for the next 5-minute window (the outbound reserve is
 * not theirs), so the queues may rightly take a whole window, and a little more, to drain.
 */
const SETTLE_AFTER_FLOOD_MS = 300_000 + 60_000;

/** The poll that fills the catalogue shadow: often enough to know the catalogue soon, rarely enough to cost little budget. */
const CATALOGUE_POLL_MS = 15_000;

/** The worker's poll has read every product of the store into the catalogue shadow. */
async function catalogueKnown(system: FaultSystem): Promise<void> {
  const listed = await system.store<{ data: { deleted_at: string | null }[] }>('/api/2.0/products?page_size=1000');
  const live = listed.data.filter((product) => !product.deleted_at).length;
  for (let tries = 0; tries < 480; tries++) {
    const [row] = await system.query<{ known: number }>('SELECT count(*)::int AS known FROM lightspeed_products WHERE deleted_at IS NULL');
    if ((row?.known ?? 0) >= live) return;
    await sleep(250);
  }
  throw new Error(`the catalogue shadow did not hold the store's ${live} products after 120 s`);
}

/** Every webhook the sandbox has emitted so far is in the gate (which acknowledges each at once). */
async function allHandedOver(system: FaultSystem): Promise<void> {
  for (let tries = 0; tries < 240; tries++) {
    const { data } = await system.store<{ data: { state: string }[] }>('/admin/webhook-deliveries');
    if (data.every((delivery) => delivery.state !== 'pending')) return;
    await sleep(250);
  }
  throw new Error('the sandbox still had webhooks to deliver after 60 s');
}

/**
 * A flood of signed webhooks against the shared Lightspeed budget: while transfers of every type
 * are sent and received, products are changed in Lightspeed several times each; their webhooks
 * (and those of our own consignments) pile up behind a gate, as Lightspeed's backlog does while
 * the endpoint is unreachable, and then arrive all at once while the load goes on. The budget is
 * a real store's order of magnitude, so reads the service need not make delay the transfers.
 */
export const webhookFlood: FaultScenario = {
  name: 'webhook-flood',
  title: 'a flood of webhooks (several per product) against the Lightspeed budget while transfers are sent',
  run: async (context) => {
    const gate = new WebhookChaosProxy({ copies: 1, maxDelayMs: 0 });
    const webhookUrl = await gate.listen();
    const { floodProducts, floodChangesPerProduct, floodBudget, floodTransfers } = context.settings;
    try {
      const env = { LIGHTSPEED_RATE_LIMIT: String(floodBudget), LIGHTSPEED_POLL_INTERVAL_MS: String(CATALOGUE_POLL_MS) };
      return await onStage(context, 'flood', { webhookUrl, env }, async ({ system, catalogue, crew }) => {
        gate.forwardTo(`${system.apiUrl}/webhooks/lightspeed`);
        // As in a store in use: the catalogue is known before the flood (product webhooks alone would make a partial one).
        await catalogueKnown(system);
        gate.hold();
        const started = Date.now();
        // The load goes on until the flood has reached the API and a few seconds past it, and makes at least floodTransfers.
        let flooded = false;
        const created = () => crew.manager.records.filter((record) => record.action === 'POST /transfers').length;
        const load = runLifecycles(crew, catalogue, 100_000, 4, { receiveEvery: 2, pauseMs: 200, shouldStop: () => flooded && created() >= floodTransfers });
        // Products the load does not use, so that the flood is about the budget only.
        const listed = await system.store<{ data: { id: string; deleted_at: string | null }[] }>('/api/2.0/products?page_size=1000');
        const used = new Set(catalogue.products);
        const changed = listed.data.filter((product) => !product.deleted_at && !used.has(product.id)).slice(0, floodProducts).map((product) => product.id);
        const changes = await changeProducts(system, changed, floodChangesPerProduct);
        await allHandedOver(system);
        const releasedAt = Date.now();
        const sentBefore = created();
        const released = await gate.release();
        const deliveredIn = seconds(Date.now() - releasedAt);
        await sleep(5_000);
        flooded = true;
        const ids = await load;
        await gate.drain();
        const extra = async (): Promise<InvariantResult[]> => {
          const stats = await system.store<Stats>('/admin/stats');
          const productReads = callsTo(stats, PRODUCT_READS);
          const bound = readBound(changed.length);
          return [
            {
              name: 'a flood of webhooks costs at most two Lightspeed reads per object changed, however many deliveries name it',
              held: productReads <= bound,
              detail: `${changes} changes of ${changed.length} products → ${productReads} product reads (bound ${bound}); ${callsTo(stats, CONSIGNMENT_READS)} consignment reads; ${stats.total} Lightspeed calls in all for ${ids.length} transfers`,
            },
          ];
        };
        return {
          extra,
          settleMs: SETTLE_AFTER_FLOOD_MS,
          figures: {
            transfers: ids.length,
            'products changed in Lightspeed': `${changed.length} × ${floodChangesPerProduct} = ${changes} changes`,
            'webhooks released at once': `${released}, ${seconds(releasedAt - started)} into the load, delivered in ${deliveredIn}`,
            'transfers created before / during and after the flood': `${sentBefore} / ${ids.length - sentBefore}`,
            'webhooks delivered to the API': gate.forwarded,
            'API answers': JSON.stringify(gate.answers),
            'Lightspeed budget': `${floodBudget} calls / 5 min`,
            'refused commands': JSON.stringify(
              crew.manager.records.filter((record) => record.status >= 400).reduce<Record<string, number>>((counts, record) => {
                const key = `${record.action} ${record.status}`;
                counts[key] = (counts[key] ?? 0) + 1;
                return counts;
              }, {}),
            ),
          },
        };
      });
    } finally {
      await gate.close();
    }
  },
};
