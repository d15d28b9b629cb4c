import { randomUUID } from 'node:crypto';
import { parseMoney, type ItemInput, type TransferCommand } from '#domain';
import type { CreateTransferDto } from './create-transfer.dto.js';
import type { CountDto, ItemDto } from './item.dto.js';

/**
 * Request bodies to domain commands: money becomes exact units, a stocktake's outlet its outlet.
 * An optional field sent as null is not given (as @IsOptional validated it).
 */
export function toMoney(value: string | number | null | undefined): number | null {
  return value === undefined || value === null ? null : parseMoney(String(value));
}

export function toItemInput(dto: ItemDto): ItemInput {
  return { productId: dto.productId, sku: dto.sku ?? null, name: dto.name ?? null, quantity: dto.quantity, unitCost: toMoney(dto.unitCost) };
}

export function toCreateCommand(dto: CreateTransferDto): Extract<TransferCommand, { type: 'CreateTransfer' }> {
  return {
    type: 'CreateTransfer',
    transferId: dto.id ?? randomUUID(),
    transferType: dto.type,
    sourceOutletId: dto.sourceOutletId ?? null,
    destinationOutletId: dto.type === 'STOCKTAKE' ? (dto.outletId ?? dto.destinationOutletId ?? null) : (dto.destinationOutletId ?? null),
    supplierId: dto.supplierId ?? null,
    reference: dto.reference ?? null,
    notes: dto.notes ?? null,
    items: (dto.items ?? []).map(toItemInput),
  };
}

export function toCountCommand(productId: string, dto: CountDto): Extract<TransferCommand, { type: 'RecordCount' }> {
  return {
    type: 'RecordCount',
    productId,
    countedQuantity: dto.countedQuantity,
    sku: dto.sku ?? null,
    name: dto.name ?? null,
    unitCost: toMoney(dto.unitCost),
  };
}
