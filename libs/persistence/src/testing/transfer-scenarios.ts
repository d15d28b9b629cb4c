import { randomUUID } from 'node:crypto';
import type { TransferCommand, TransferRules } from '#domain';
import type { TransferCommandExecutor } from '../commands/transfer-command-executor.js';
import type { EventMetadata } from '../event-store/stored-event.js';
import { toTransferView } from '../projections/transfer-view.js';

export const TEST_RULES: TransferRules = {
  purchaseOrderApprovalThreshold: 1_000 * 10_000,
  stocktakeReviewThreshold: 500 * 10_000,
  overReceiptTolerancePercent: 10,
  unsentItemLimit: 10,
};

export function metadataFor(actorId: string, commandName = 'test', roles = ['manager']): EventMetadata {
  return {
    idempotencyKey: null,
    actor: { id: actorId, name: `Name of ${actorId}`, roles },
    correlationId: randomUUID(),
    causationId: null,
    commandName,
    commandId: randomUUID(),
  };
}

/** Runs a command the way the API does, answering with the transfer view. */
export function run(executor: TransferCommandExecutor, transferId: string, command: TransferCommand, actorId = 'alice') {
  return executor.execute(transferId, command, metadataFor(actorId, command.type), {
    toResponse: ({ after }) => ({ statusCode: 200, body: toTransferView(after), etag: `"${after.version}"` }),
  });
}

export function outletTransfer(transferId: string, lines = 3): TransferCommand {
  return {
    type: 'CreateTransfer',
    transferId,
    transferType: 'OUTLET_TRANSFER',
    sourceOutletId: 'outlet-a',
    destinationOutletId: 'outlet-b',
    items: Array.from({ length: lines }, (_, index) => ({
      productId: `product-${index + 1}`,
      sku: `SKU-${index + 1}`,
      name: `Product ${index + 1}`,
      quantity: 10 * (index + 1),
    })),
  };
}

/** Drives an outlet transfer from creation to a final receipt with one short line. */
export async function outletTransferLifecycle(executor: TransferCommandExecutor, transferId: string): Promise<void> {
  await run(executor, transferId, outletTransfer(transferId, 2));
  await run(executor, transferId, { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 10 });
  await run(executor, transferId, { type: 'RecordPackedQuantity', productId: 'product-2', packedQuantity: 20 });
  await run(executor, transferId, { type: 'MarkPacked' });
  await run(executor, transferId, { type: 'SendTransfer' });
  await run(executor, transferId, {
    type: 'ReceiveTransfer',
    receiptId: randomUUID(),
    final: false,
    lines: [{ productId: 'product-1', receivedQuantity: 10 }],
  });
  await run(executor, transferId, {
    type: 'ReceiveTransfer',
    receiptId: randomUUID(),
    final: true,
    lines: [{ productId: 'product-2', receivedQuantity: 18, reason: 'DAMAGED', note: 'two crushed' }],
  });
}
