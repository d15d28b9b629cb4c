import { badRequest, notFound, unprocessable } from '../http/api-error.js';
import { decideLineWrite } from '../rules/consignment-decisions.js';
import type { LineChannel } from '../rules/line-edit-rules.js';
import type { SandboxContext } from '../sandbox-context.js';
import type { ConsignmentRecord, LineRecord } from '../store/records.js';
import { formatDecimal } from '../shared/decimal.js';
import { writtenFields, type LineValues, type LineWrite } from './line-input.js';

export type WriteMode = 'set' | 'add';

export interface CheckedWrite extends LineWrite {
  dispatches: boolean;
}

/** Validates one line write against the rules without changing anything. */
export function checkLineWrite(
  ctx: SandboxContext,
  consignment: ConsignmentRecord,
  write: LineWrite,
  channel: LineChannel,
): CheckedWrite {
  const { store } = ctx;
  const line = store.linesOf(consignment.id).get(write.productId);
  const lineExists = line !== undefined && line.deleted_at === null;
  if (!lineExists) {
    if (channel === 'put') throw notFound();
    const product = store.products.get(write.productId);
    if (product === undefined || product.deleted_at !== null) {
      throw badRequest(`product_id ${write.productId} not found`);
    }
    if (product.is_composite) throw unprocessable('Composite products cannot be added to a consignment');
  }
  if (consignment.type === 'RETURN' && write.values.cost !== undefined && ctx.options.returnLineCost === 'never') {
    throw unprocessable(`cost cannot be set on a RETURN consignment's lines`);
  }
  const decision = decideLineWrite(consignment, writtenFields(write.values), channel, lineExists);
  if (decision.refusal !== undefined) throw unprocessable(decision.refusal);
  return { ...write, dispatches: decision.dispatches };
}

function combine(current: number, value: number | undefined, mode: WriteMode): number {
  if (value === undefined) return current;
  return mode === 'add' ? current + value : value;
}

/** Applies a checked write: `set` overwrites, `add` accumulates count/received (cost is always overwritten). */
export function applyLineWrite(
  ctx: SandboxContext,
  consignment: ConsignmentRecord,
  productId: string,
  values: LineValues,
  mode: WriteMode,
): LineRecord {
  const { store } = ctx;
  const lines = store.linesOf(consignment.id);
  let line = lines.get(productId);
  if (line === undefined || line.deleted_at !== null) {
    const product = store.products.get(productId)!;
    const now = store.now();
    line = {
      consignment_id: consignment.id,
      product_id: productId,
      product_sku: product.sku,
      count: 0,
      received: 0,
      cost: product.supply_price,
      is_included: true,
      status: 'PENDING',
      created_at: now,
      updated_at: now,
      deleted_at: null,
      version: 0,
    };
    lines.set(productId, line);
  }
  if (mode === 'add') recordAdditiveWrites(ctx, line, values);
  line.count = combine(line.count, values.count, mode);
  line.received = combine(line.received, values.received, mode);
  line.cost = combine(line.cost, values.cost, 'set');
  store.touch(line);
  return line;
}

/** Adding onto a value a line already holds double-counts when a call is repeated: kept for tests to assert on. */
function recordAdditiveWrites(ctx: SandboxContext, line: LineRecord, values: LineValues): void {
  for (const field of ['count', 'received'] as const) {
    const added = values[field];
    if (added === undefined || added === 0 || line[field] === 0) continue;
    ctx.stats.recordAdditiveWrite({
      consignmentId: line.consignment_id,
      productId: line.product_id,
      field,
      held: Number(formatDecimal(line[field])),
      added: Number(formatDecimal(added)),
    });
  }
}
