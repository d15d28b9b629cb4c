import type { TransferView } from './transfer-view.js';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Derived or bookkeeping fields: they change with every command and say nothing new. */
const IGNORED_FIELDS = new Set(['version', 'updatedAt', 'allowedActions', 'totals', 'variance']);

/**
 * The fields a command changed, for auditors: `status`, `lines[SKU-1].receivedQuantity`, … Lines
 * are matched by product, so adding one line does not report every later line as changed.
 */
export function diffSnapshots(before: TransferView | null, after: TransferView): FieldChange[] {
  const changes: FieldChange[] = [];
  diffValue('', before ?? {}, after, changes);
  return changes;
}

function diffValue(path: string, before: unknown, after: unknown, changes: FieldChange[]): void {
  if (isLineList(before) || isLineList(after)) return diffLines(path, asLines(before), asLines(after), changes);
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

type Line = { productId: string } & Record<string, unknown>;

function diffLines(path: string, before: Line[], after: Line[], changes: FieldChange[]): void {
  const previous = new Map(before.map((line) => [line.productId, line]));
  const next = new Map(after.map((line) => [line.productId, line]));
  for (const [productId, line] of next) {
    const old = previous.get(productId);
    if (!old) changes.push({ field: `${path}[${productId}]`, before: null, after: line });
    else diffValue(`${path}[${productId}]`, old, line, changes);
  }
  for (const [productId, line] of previous) {
    if (!next.has(productId)) changes.push({ field: `${path}[${productId}]`, before: line, after: null });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLineList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && isPlainObject(value[0]) && 'productId' in value[0];
}

function asLines(value: unknown): Line[] {
  return Array.isArray(value) ? (value as Line[]) : [];
}
