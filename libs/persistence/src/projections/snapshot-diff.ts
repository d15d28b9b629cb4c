import type { TransferLine, TransferState } from '#domain';
import { toLineView, toTransferHeaderView } from './transfer-view.js';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Derived or bookkeeping fields: they change with every command and say nothing new. */
const IGNORED_FIELDS = new Set(['version', 'updatedAt', 'allowedActions', 'totals', 'variance']);

/**
 * What one command changed, for auditors, as the transfer's view shows it: `status`,
 * `lines[P1].receivedQuantity`, … A line is keyed by product: an added line is one change with the
 * whole line after, a removed one the whole line before, an edited one a change per field. So an
 * entry grows with what changed, never with the size of the transfer.
 */
export function diffTransfers(before: TransferState | null, after: TransferState): FieldChange[] {
  const changes: FieldChange[] = [];
  diffValue('', before ? toTransferHeaderView(before) : {}, toTransferHeaderView(after), changes);
  for (const [old, next] of changedLines(before?.lines ?? [], after.lines)) {
    const productId = (next ?? old)?.productId as string;
    const field = `lines[${productId}]`;
    if (!old) changes.push({ field, before: null, after: toLineView(next as TransferLine, after.type) });
    else if (!next) changes.push({ field, before: toLineView(old, after.type), after: null });
    else diffValue(field, toLineView(old, after.type), toLineView(next, after.type), changes);
  }
  return changes;
}

/**
 * Pairs of lines that may differ: [before, after], null for a line added or removed. Commands change
 * few lines and `evolve` keeps every other line object as it was, so an identical object is skipped
 * without building its view: that keeps the rebuild's diff of a 2,000-line transfer cheap.
 */
function changedLines(before: readonly TransferLine[], after: readonly TransferLine[]): [TransferLine | null, TransferLine | null][] {
  if (before === after) return [];
  const pairs: [TransferLine | null, TransferLine | null][] = [];
  // The usual case, lines kept in place and perhaps some appended, needs no lookup by product.
  const common = Math.min(before.length, after.length);
  let index = 0;
  for (; index < common && before[index]?.productId === after[index]?.productId; index++) {
    if (before[index] !== after[index]) pairs.push([before[index] as TransferLine, after[index] as TransferLine]);
  }
  if (index === before.length) return [...pairs, ...after.slice(index).map((line) => [null, line] as [null, TransferLine])];
  const previous = new Map(before.slice(index).map((line) => [line.productId, line]));
  const next = new Set<string>();
  for (const line of after.slice(index)) {
    next.add(line.productId);
    const old = previous.get(line.productId) ?? null;
    if (old !== line) pairs.push([old, line]);
  }
  for (const line of before.slice(index)) if (!next.has(line.productId)) pairs.push([line, null]);
  return pairs;
}

function diffValue(path: string, before: unknown, after: unknown, changes: FieldChange[]): void {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) {
      if (IGNORED_FIELDS.has(key)) continue;
      diffValue(path ? `${path}.${key}` : key, before[key], after[key], changes);
    }
    return;
  }
  // Most fields are unchanged primitives: skip serialising them (the rebuild diffs every commit).
  if ((before ?? null) === (after ?? null)) return;
  if (JSON.stringify(before ?? null) !== JSON.stringify(after ?? null)) {
    changes.push({ field: path, before: before ?? null, after: after ?? null });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
