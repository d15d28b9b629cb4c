import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultSystem } from '../fault-system.js';
import type { InvariantResult } from '../invariants.js';
import { runLifecycles } from '../load.js';
import { onStage, type FaultScenario } from '../scenario.js';
import { WebhookChaosProxy } from '../webhook-chaos-proxy.js';

/** Sent outlet transfers whose consignment Lightspeed already mirrors (SENT), up to `count`. */
async function mirroredSentTransfers(system: FaultSystem, count: number): Promise<{ id: string; consignmentId: string }[]> {
  for (let tries = 0; tries < 120; tries++) {
    const rows = await system.query<{ id: string; consignment_id: string }>(
      `SELECT r.id, s.consignment_id FROM transfer_read_model r JOIN transfer_sync_state s ON s.transfer_id = r.id
       WHERE r.type = 'OUTLET_TRANSFER' AND r.status = 'SENT' AND s.status = 'SYNCED' AND s.synced_version >= r.version ORDER BY r.id LIMIT $1`,
      [count],
    );
    if (rows.length === count) return rows.map((row) => ({ id: row.id, consignmentId: row.consignment_id }));
    await sleep(500);
  }
  throw new Error(`fewer than ${count} sent outlet transfers were mirrored in Lightspeed within a minute`);
}

/**
 * Every webhook the sandbox has emitted so far has reached the proxy, which answers only once it
 * holds the copies it will forward: after this, the proxy's drain covers them all.
 */
async function handedToProxy(system: FaultSystem): Promise<void> {
  for (let tries = 0; tries < 120; tries++) {
    const { data } = await system.store<{ data: { state: string }[] }>('/admin/webhook-deliveries');
    if (data.every((delivery) => delivery.state !== 'pending')) return;
    await sleep(250);
  }
  throw new Error('the sandbox still had webhooks to deliver after 30 s');
}

/** Someone receives a consignment in full in the Lightspeed back office (the webhook says so). */
async function receiveInLightspeed(system: FaultSystem, consignmentId: string): Promise<void> {
  const { data } = await system.store<{ data: { products: { product_id: string; count: string; deleted_at: string | null }[] } }>(
    `/admin/consignments/${consignmentId}`,
  );
  for (const line of data.products.filter((candidate) => !candidate.deleted_at)) {
    await system.store(`/api/2.0/consignments/${consignmentId}/products/${line.product_id}`, {
      method: 'PUT',
      body: JSON.stringify({ received: Number(line.count) }),
    });
  }
  await system.store(`/api/2.0/consignments/${consignmentId}`, { method: 'PUT', body: JSON.stringify({ status: 'RECEIVED' }) });
}

/**
 * Every Lightspeed webhook reaches the API twice and out of order (a proxy delays each copy at
 * random) while our own sync causes webhooks and a few consignments are received in Lightspeed
 * directly. Each real divergence must be noted exactly once, and our own changes never.
 */
export const webhookChaos: FaultScenario = {
  name: 'webhook-chaos',
  title: 'Every webhook delivered twice and out of order',
  run: async (context) => {
    const proxy = new WebhookChaosProxy();
    const webhookUrl = await proxy.listen();
    try {
      return await onStage(context, 'webhooks', { webhookUrl }, async ({ system, catalogue, crew, manager }) => {
        proxy.forwardTo(`${system.apiUrl}/webhooks/lightspeed`);
        const { webhookTransfers, concurrency } = context.settings;
        const ids = await runLifecycles(crew, catalogue, webhookTransfers, Math.max(2, concurrency / 2), { receiveEvery: 2 });
        const changed = await mirroredSentTransfers(system, Math.min(5, Math.floor(webhookTransfers / 4)));
        for (const { consignmentId } of changed) await receiveInLightspeed(system, consignmentId);
        await handedToProxy(system);
        await proxy.drain();
        const remoteStatus = new Map(changed.map(({ id }) => [id, 'RECEIVED']));
        const extra = async (): Promise<InvariantResult[]> => {
          const rows = await system.query<{ stream_id: string; count: number }>(
            `SELECT stream_id, count(*)::int AS count FROM events WHERE event_type = 'LightspeedDivergenceDetected' GROUP BY stream_id`,
          );
          const noted = new Map(rows.map((row) => [row.stream_id.replace(/^transfer-/, ''), row.count]));
          const problems = [
            ...changed.filter(({ id }) => noted.get(id) !== 1).map(({ id }) => `${id} received in Lightspeed: noted ${noted.get(id) ?? 0} times`),
            ...[...noted].filter(([id]) => !remoteStatus.has(id)).map(([id, count]) => `${id}: ${count} divergence(s) for our own change`),
          ];
          return [
            {
              name: 'each change made in Lightspeed is noted exactly once, our own changes never',
              held: problems.length === 0,
              detail: problems.length === 0 ? `${changed.length} received in Lightspeed, each noted once; no false divergence` : problems.join('; '),
            },
          ];
        };
        return {
          remoteStatus,
          extra,
          figures: {
            transfers: ids.length,
            'received directly in Lightspeed': changed.length,
            'webhooks sent by Lightspeed': proxy.received,
            'copies delivered to the API': proxy.forwarded,
            'copies acknowledged as duplicates': proxy.duplicatesAcknowledged,
            'copies that arrived after a newer one': proxy.outOfOrder,
            'API answers': JSON.stringify(proxy.answers),
          },
        };
      });
    } finally {
      await proxy.close();
    }
  },
};
