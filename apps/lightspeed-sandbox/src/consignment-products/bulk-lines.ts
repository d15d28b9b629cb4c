import { badRequest } from '../http/api-error.js';
import { arrayBody, asFields } from '../http/request-body.js';
import { formatDecimal } from '../shared/decimal.js';
import type { SandboxContext } from '../sandbox-context.js';
import { finishLineWrites } from './finish-line-writes.js';
import { readLineWrite } from './line-input.js';
import { applyLineWrite, checkLineWrite } from './write-line.js';

export const MAX_BULK_ITEMS = 500;

/**
 * POST /consignments/:id/bulk — count/received are *added* (replaying a call double-counts), cost overwritten.
 * All items are validated against the status before the call, then applied together: one bad item refuses all.
 */
export function bulkLines(ctx: SandboxContext, consignmentId: string, body: unknown) {
  const consignment = ctx.store.liveConsignment(consignmentId);
  const items = arrayBody(body);
  if (items.length === 0) throw badRequest('At least one product is required');
  if (items.length > MAX_BULK_ITEMS) throw badRequest(`At most ${MAX_BULK_ITEMS} products per bulk call`);
  const writes = items.map((item, index) =>
    checkLineWrite(ctx, consignment, readLineWrite(asFields(item, `Item ${index}`), `Item ${index}`), 'bulk'),
  );
  const result: Record<string, { count: string; received: string }> = {};
  for (const write of writes) {
    const line = applyLineWrite(ctx, consignment, write.productId, write.values, 'add');
    result[line.product_id] = { count: formatDecimal(line.count), received: formatDecimal(line.received) };
  }
  finishLineWrites(ctx, consignment, writes.some((write) => write.dispatches));
  return result;
}
