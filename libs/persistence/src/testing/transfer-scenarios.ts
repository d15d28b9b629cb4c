import { randomUUID } from 'node:crypto';
import type { Actor, TransferCommand, TransferRules } from '#domain';
import type { CommandContext, CommandPipeline } from '../commands/command-pipeline.js';
import type { EventMetadata } from '../event-store/stored-event.js';
import { TransferAggregate } from '../transfers/transfer-aggregate.js';

export const TEST_RULES: TransferRules = {
  purchaseOrderApprovalThreshold: 1_000 * 10_000,
  stocktakeReviewThreshold: 500 * 10_000,
  overReceiptTolerancePercent: 10,
  unsentItemLimit: 10,
};

/** Transfers under the test rules. */
export const TEST_TRANSFERS = new TransferAggregate(TEST_RULES);

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

export function actorFor(actorId: string, roles = ['manager']): Actor {
  return { id: actorId, name: `Name of ${actorId}`, roles, outlets: [] };
}

export function contextFor(actorId: string, roles = ['manager']): CommandContext {
  return { actor: actorFor(actorId, roles), correlationId: randomUUID(), causationId: null, commandId: randomUUID() };
}

/** Runs a command the way the API does (a manager, who may act at any outlet). */
export function run(pipeline: CommandPipeline, transferId: string, command: TransferCommand, actorId = 'alice') {
  return pipeline.handle(TEST_TRANSFERS, transferId, command, contextFor(actorId));
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
export async function outletTransferLifecycle(pipeline: CommandPipeline, transferId: string): Promise<void> {
  await run(pipeline, transferId, outletTransfer(transferId, 2));
  await run(pipeline, transferId, { type: 'RecordPackedQuantity', productId: 'product-1', packedQuantity: 10 });
  await run(pipeline, transferId, { type: 'RecordPackedQuantity', productId: 'product-2', packedQuantity: 20 });
  await run(pipeline, transferId, { type: 'MarkPacked' });
  await run(pipeline, transferId, { type: 'SendTransfer' });
  await run(pipeline, transferId, {
    type: 'ReceiveTransfer',
    receiptId: randomUUID(),
    final: false,
    lines: [{ productId: 'product-1', receivedQuantity: 10 }],
  });
  await run(pipeline, transferId, {
    type: 'ReceiveTransfer',
    receiptId: randomUUID(),
    final: true,
    lines: [{ productId: 'product-2', receivedQuantity: 18, reason: 'DAMAGED', note: 'two crushed' }],
  });
}
