import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { evolve, type TransferLine, type TransferState } from '#domain';
import { diffTransfers, type FieldChange } from './snapshot-diff.js';
import { toTransferView, type TransferView } from './transfer-view.js';

const created = (lines: number): TransferState =>
  evolve(
    null,
    {
      type: 'TransferCreated',
      data: {
        transferId: 'transfer-1',
        transferType: 'OUTLET_TRANSFER',
        sourceOutletId: 'a',
        destinationOutletId: 'b',
        supplierId: null,
        reference: null,
        notes: null,
        createdBy: 'ana',
        items: Array.from({ length: lines }, (_, index) => ({ productId: `p${index}`, sku: null, name: null, quantity: 5, unitCost: null })),
      },
    },
    { version: 1, recordedAt: '2026-11-01T00:00:00.000Z' },
  ) as TransferState;

/** The plain definition: compare the two whole views, line by line by product, field by field. */
function viewDiff(before: TransferView, after: TransferView): FieldChange[] {
  const changes: FieldChange[] = [];
  const skip = new Set(['version', 'updatedAt', 'allowedActions', 'totals', 'variance', 'lines']);
  for (const key of Object.keys(after) as (keyof TransferView)[]) {
    if (!skip.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes.push({ field: key, before: before[key], after: after[key] });
    }
  }
  const old = new Map(before.lines.map((line) => [line.productId, line]));
  for (const line of after.lines) {
    const previous = old.get(line.productId);
    if (!previous) changes.push({ field: `lines[${line.productId}]`, before: null, after: line });
    else {
      for (const key of Object.keys(line) as (keyof typeof line)[]) {
        if (key !== 'variance' && previous[key] !== line[key]) {
          changes.push({ field: `lines[${line.productId}].${key}`, before: previous[key], after: line[key] });
        }
      }
    }
  }
  const kept = new Set(after.lines.map((line) => line.productId));
  for (const line of before.lines) if (!kept.has(line.productId)) changes.push({ field: `lines[${line.productId}]`, before: line, after: null });
  return changes;
}

type Edit =
  | { kind: 'pack'; at: number; quantity: number }
  | { kind: 'copy'; at: number }
  | { kind: 'remove'; at: number }
  | { kind: 'append'; product: number }
  | { kind: 'status' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('pack' as const), at: fc.nat(), quantity: fc.nat(9) }),
  fc.record({ kind: fc.constant('copy' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('append' as const), product: fc.nat(5) }),
  fc.record({ kind: fc.constant('status' as const) }),
);

/** Applies edits as `evolve` does: every untouched line keeps its object, a touched one is a new object. */
function apply(state: TransferState, edits: Edit[]): TransferState {
  let lines: TransferLine[] = state.lines;
  let status = state.status;
  for (const change of edits) {
    const at = lines.length ? (change as { at?: number }).at ?? 0 : 0;
    const index = lines.length ? at % lines.length : -1;
    if (change.kind === 'pack' && index >= 0) lines = lines.map((line, i) => (i === index ? { ...line, packedQuantity: change.quantity } : line));
    if (change.kind === 'copy' && index >= 0) lines = lines.map((line, i) => (i === index ? { ...line } : line));
    if (change.kind === 'remove' && index >= 0) lines = lines.filter((_, i) => i !== index);
    if (change.kind === 'append' && !lines.some((line) => line.productId === `new${change.product}`)) {
      lines = [...lines, { ...(state.lines[0] as TransferLine), productId: `new${change.product}` }];
    }
    if (change.kind === 'status') status = status === 'OPEN' ? 'PACKING' : 'OPEN';
  }
  return { ...state, lines, status, version: state.version + 1 };
}

describe('diffTransfers', () => {
  it('reports exactly what a comparison of the whole views reports, whichever lines were touched', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(edit, { maxLength: 8 }), (lines, edits) => {
        const before = created(lines);
        const after = apply(before, edits);
        expect(diffTransfers(before, after)).toEqual(viewDiff(toTransferView(before), toTransferView(after)));
      }),
    );
  });

  it('reports a creation as every field from nothing and each line whole', () => {
    const state = created(2);
    const changes = diffTransfers(null, state);
    expect(changes).toContainEqual({ field: 'status', before: null, after: 'OPEN' });
    expect(changes.filter((change) => change.field.startsWith('lines'))).toEqual(
      toTransferView(state).lines.map((line) => ({ field: `lines[${line.productId}]`, before: null, after: line })),
    );
  });
});
