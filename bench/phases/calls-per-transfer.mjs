// Lightspeed calls per transfer over its whole life, per type: a 20-line outlet transfer (send,
// receipt), a 20-line purchase order (send, a partial receipt, the final one), a 20-line supplier
// return (send) and a 20-product stocktake (completed). Counted by the sandbox per consignment,
// plus the create (`POST /consignments`, which names no consignment yet); the token refresh is
// shared by every transfer and not counted. Webhooks and polls of these consignments count too.
import { setTimeout as sleep } from 'node:timers/promises';
import { issueToken } from '../../dist/apps/api/src/auth/issue-token.js';
import { withClient } from '../lib/database.mjs';

const TIMEOUT_MS = 60_000;
const LINES = 20;

function caller(system, sub) {
  const authorization = `Bearer ${issueToken(system.env.JWT_SECRET, { sub, roles: ['manager'] })}`;
  return async (method, path, body) => {
    const response = await fetch(`${system.apiUrl}/api/v1${path}`, {
      method,
      headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  };
}

async function sandbox(system, path) {
  const response = await fetch(`${system.sandboxUrl}${path}`, { headers: { authorization: `Bearer ${system.env.LIGHTSPEED_PERSONAL_TOKEN}` } });
  if (!response.ok) throw new Error(`sandbox ${path}: ${response.status}`);
  return response.json();
}

/** Waits until the worker has mirrored `version` of the transfer; returns its consignment id. */
async function synced(db, transferId, version) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    const { rows } = await db.query('SELECT status, synced_version, consignment_id FROM transfer_sync_state WHERE transfer_id = $1', [transferId]);
    const row = rows[0];
    if (row && Number(row.synced_version) >= version && row.status === 'SYNCED') return row.consignment_id;
    await sleep(20);
  }
  throw new Error(`transfer ${transferId} not synced to version ${version} within ${TIMEOUT_MS / 1000} s`);
}

export async function callsPerTransfer(system, catalogue) {
  const maria = caller(system, 'bench-maria');
  const marc = caller(system, 'bench-marc');
  const [supplier] = (await sandbox(system, '/api/2.0/suppliers')).data;
  const products = catalogue.products.slice(200, 200 + LINES);
  const [source, destination] = catalogue.outlets;
  const figures = {};
  await withClient(system.databaseUrl, async (db) => {
    const measure = async (name, lifecycle) => {
      const { id, consignmentId } = await lifecycle();
      // Let webhooks of our own changes arrive and be handled before counting.
      await sleep(1_000);
      const stats = await sandbox(system, '/admin/stats');
      const perRoute = stats.byConsignment[consignmentId] ?? {};
      const calls = Object.values(perRoute).reduce((sum, count) => sum + count, 0) + 1;
      figures[name] = { transferId: id, calls, perRoute: { 'POST /api/2.0/consignments 201': 1, ...perRoute } };
    };
    const step = async (call, id, path, body) => synced(db, id, (await call('POST', `/transfers/${id}/${path}`, body)).version);

    await measure('outletTransfer', async () => {
      const { id } = await maria('POST', '/transfers', {
        type: 'OUTLET_TRANSFER',
        sourceOutletId: source,
        destinationOutletId: destination,
        items: products.map((product) => ({ productId: product.id, quantity: 5 })),
      });
      for (const product of products) await maria('PUT', `/transfers/${id}/items/${product.id}/packed`, { packedQuantity: 5 });
      await maria('POST', `/transfers/${id}/pack`, {});
      await step(maria, id, 'send', {});
      const lines = products.map((product, index) => ({ productId: product.id, receivedQuantity: index === 0 ? 4 : 5, ...(index === 0 ? { reason: 'DAMAGED' } : {}) }));
      return { id, consignmentId: await step(maria, id, 'receive', { receiptId: crypto.randomUUID(), final: true, lines }) };
    });
    await measure('purchaseOrderPartialReceipt', async () => {
      const { id } = await maria('POST', '/transfers', {
        type: 'PURCHASE_ORDER',
        supplierId: supplier.id,
        destinationOutletId: destination,
        items: products.map((product) => ({ productId: product.id, quantity: 4, unitCost: '1.00' })),
      });
      await step(maria, id, 'send', {});
      const half = products.map((product) => ({ productId: product.id, receivedQuantity: 2 }));
      await step(maria, id, 'receive', { receiptId: crypto.randomUUID(), final: false, lines: half });
      return { id, consignmentId: await step(maria, id, 'receive', { receiptId: crypto.randomUUID(), final: true, lines: half }) };
    });
    await measure('supplierReturn', async () => {
      const { id } = await maria('POST', '/transfers', {
        type: 'SUPPLIER_RETURN',
        sourceOutletId: source,
        supplierId: supplier.id,
        items: products.map((product) => ({ productId: product.id, quantity: 1 })),
      });
      await maria('POST', `/transfers/${id}/submit`, {});
      await marc('POST', `/transfers/${id}/approve`, {});
      return { id, consignmentId: await step(maria, id, 'send', {}) };
    });
    await measure('stocktake', async () => {
      const { id } = await maria('POST', '/transfers', {
        type: 'STOCKTAKE',
        outletId: source,
        items: products.map((product) => ({ productId: product.id, quantity: 10, unitCost: '1.00' })),
      });
      for (const product of products) await maria('PUT', `/transfers/${id}/items/${product.id}/counted`, { countedQuantity: 10 });
      return { id, consignmentId: await step(maria, id, 'complete', {}) };
    });
  });
  return figures;
}
