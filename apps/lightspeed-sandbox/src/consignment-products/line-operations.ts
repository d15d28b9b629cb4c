import { unprocessable, notFound } from '../http/api-error.js';
import type { Fields } from '../http/request-body.js';
import { refuseLineDelete } from '../rules/consignment-decisions.js';
import type { SandboxContext } from '../sandbox-context.js';
import type { LineRecord } from '../store/records.js';
import { finishLineWrites } from './finish-line-writes.js';
import { readLineValues, readLineWrite } from './line-input.js';
import { applyLineWrite, checkLineWrite } from './write-line.js';

/** POST /consignments/:id/products — adds the product, or *adds to* its count when already on it (the trap). */
export function addLine(ctx: SandboxContext, consignmentId: string, fields: Fields): LineRecord {
  const consignment = ctx.store.liveConsignment(consignmentId);
  const write = checkLineWrite(ctx, consignment, readLineWrite(fields, 'The product'), 'post');
  const line = applyLineWrite(ctx, consignment, write.productId, write.values, 'add');
  finishLineWrites(ctx, consignment, write.dispatches);
  return line;
}

/** PUT /consignments/:id/products/:product_id — sets absolute values on an existing line. */
export function setLine(ctx: SandboxContext, consignmentId: string, productId: string, fields: Fields): LineRecord {
  const consignment = ctx.store.liveConsignment(consignmentId);
  const write = checkLineWrite(ctx, consignment, { productId, values: readLineValues(fields) }, 'put');
  const line = applyLineWrite(ctx, consignment, productId, write.values, 'set');
  finishLineWrites(ctx, consignment, write.dispatches);
  return line;
}

/** DELETE /consignments/:id/products/:product_id — soft delete; the line leaves the list. */
export function deleteLine(ctx: SandboxContext, consignmentId: string, productId: string): void {
  const { store } = ctx;
  const consignment = store.liveConsignment(consignmentId);
  const line = store.linesOf(consignmentId).get(productId);
  if (line === undefined || line.deleted_at !== null) throw notFound();
  const refusal = refuseLineDelete(consignment);
  if (refusal !== undefined) throw unprocessable(refusal);
  line.deleted_at = store.now();
  store.touch(line);
  finishLineWrites(ctx, consignment, false);
}
