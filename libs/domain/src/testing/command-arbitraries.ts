import fc from 'fast-check';
import type { TransferCommand } from '../transfer/commands.js';
import { VARIANCE_REASONS } from '../transfer/transfer-line.js';
import { TRANSFER_TYPES, type TransferType } from '../transfer/transfer-type.js';

const product = fc.constantFrom('p-mug', 'p-tea', 'p-spoon');
const quantity = fc.integer({ min: 0, max: 15 });
const unitCost = fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null });
const text = fc.constantFrom('Checked', 'Recount', '  ', '');
const outlet = fc.option(fc.constantFrom('outlet-north', 'outlet-south'), { nil: null });
const receiptLine = fc.record({
  productId: product,
  receivedQuantity: quantity,
  reason: fc.option(fc.constantFrom(...VARIANCE_REASONS), { nil: null }),
  note: fc.option(text, { nil: null }),
});

/** Any command but creation, with values that are sometimes valid and sometimes not. */
export const laterCommand: fc.Arbitrary<TransferCommand> = fc.oneof(
  fc.record({ type: fc.constant('AddItem' as const), item: fc.record({ productId: product, quantity, unitCost }) }),
  fc.record({ type: fc.constant('ChangeItemQuantity' as const), productId: product, quantity }),
  fc.record({ type: fc.constant('RemoveItem' as const), productId: product }),
  fc.record({ type: fc.constant('RecordPackedQuantity' as const), productId: product, packedQuantity: quantity, confirmOverPack: fc.boolean() }),
  fc.constant({ type: 'MarkPacked' as const }),
  fc.constant({ type: 'SubmitTransfer' as const }),
  fc.constant({ type: 'ApproveTransfer' as const }),
  fc.record({ type: fc.constant('RejectTransfer' as const), reason: text }),
  fc.constant({ type: 'SendTransfer' as const }),
  fc.record({
    type: fc.constant('ReceiveTransfer' as const),
    receiptId: fc.constantFrom('r-1', 'r-2', 'r-3', ' r-3 '),
    final: fc.boolean(),
    confirmOverReceipt: fc.boolean(),
    lines: fc.uniqueArray(receiptLine, { maxLength: 3, selector: (entry) => entry.productId }),
  }),
  fc.record({
    type: fc.constant('CorrectReceipt' as const),
    correctionId: fc.constantFrom('c-1', 'c-2', ' c-2 '),
    reason: text,
    lines: fc.uniqueArray(receiptLine, { minLength: 1, maxLength: 3, selector: (entry) => entry.productId }),
  }),
  fc.record({ type: fc.constant('RecordCount' as const), productId: product, countedQuantity: quantity, unitCost }),
  fc.constant({ type: 'CompleteStocktake' as const }),
  fc.record({ type: fc.constant('CancelTransfer' as const), reason: text }),
  fc.record({
    type: fc.constant('RecordExternalChange' as const),
    consignmentId: fc.constantFrom('c-1', ''),
    lightspeedStatus: fc.constantFrom('RECEIVED', 'CANCELLED'),
    lightspeedVersion: fc.constantFrom(3, -1),
    source: fc.constantFrom('poll' as const, 'webhook' as const),
    detectedAt: fc.constant('2025-01-01T00:00:00.000Z'),
  }),
);

/** A creation naming any parties of any type (or an unknown one), sometimes valid and sometimes not. */
export const creationCommand: fc.Arbitrary<TransferCommand> = fc.record({
  type: fc.constant('CreateTransfer' as const),
  transferId: fc.constantFrom('t-1', ' '),
  transferType: fc.constantFrom<TransferType>(...TRANSFER_TYPES, 'TELEPORT' as TransferType),
  sourceOutletId: outlet,
  destinationOutletId: outlet,
  supplierId: fc.option(fc.constant('supplier-acme'), { nil: null }),
  items: fc.array(fc.record({ productId: product, quantity, unitCost }), { maxLength: 3 }),
});

export const anyCommand: fc.Arbitrary<TransferCommand> = fc.oneof(creationCommand, laterCommand);
