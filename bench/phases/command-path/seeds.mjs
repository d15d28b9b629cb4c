// One 2-line transfer per command: a real one made through the API, copied by SQL (lib/clone.mjs)
// below the sync relay's checkpoint, like the send phase's copies.
import { callApi, outletTransfer, packedTransfer } from '../../lib/api.mjs';
import { cloneTransfer } from '../../lib/clone.mjs';
import { withClient } from '../../lib/database.mjs';

const V1 = '/api/v1/transfers';

/**
 * `count` transfers being packed (line 1 packed: each takes one PUT packed, of line 2) and `count`
 * packed ones (each takes one send). Returns each command's request paths and the packing template.
 */
export async function seedTwoLineTransfers(system, catalogue, count) {
  const { lines, body } = outletTransfer(catalogue, 950, 2);
  const { id: packingId } = await callApi(system, 'POST', '/transfers', body);
  await callApi(system, 'PUT', `/transfers/${packingId}/items/${lines[0].id}/packed`, { packedQuantity: 5 });
  const { id: packedId } = await packedTransfer(system, catalogue, 960, 2);
  return withClient(system.databaseUrl, async (db) => {
    const packing = await cloneTransfer(db, packingId, count, { readModel: true, transactionId: '3' });
    const packed = await cloneTransfer(db, packedId, count, { readModel: true, transactionId: '3' });
    await db.query('ANALYZE');
    return {
      packingTemplateId: packingId,
      packedPaths: packing.map((id) => `${V1}/${id}/items/${lines[1].id}/packed`),
      sendPaths: packed.map((id) => `${V1}/${id}/send`),
    };
  });
}
