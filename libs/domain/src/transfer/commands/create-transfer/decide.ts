import { DomainError } from '../../../shared/domain-error.js';
import type { DecisionContext } from '../../decision-context.js';
import type { TransferCreated } from '../../events.js';
import { isTransferType, type TransferType } from '../../transfer-type.js';
import { requireText, requireUniqueProducts, toNewItem } from '../../validation.js';
import type { CreateTransfer } from './command.js';

type Party = 'sourceOutletId' | 'destinationOutletId' | 'supplierId';

/** Which parties each type of movement names; the rest must be absent. */
const PARTIES: Readonly<Record<TransferType, readonly Party[]>> = {
  OUTLET_TRANSFER: ['sourceOutletId', 'destinationOutletId'],
  PURCHASE_ORDER: ['supplierId', 'destinationOutletId'],
  SUPPLIER_RETURN: ['sourceOutletId', 'supplierId'],
  STOCKTAKE: ['destinationOutletId'],
};

export function decideCreateTransfer(command: CreateTransfer, context: DecisionContext): TransferCreated[] {
  const type = command.transferType;
  if (!isTransferType(type)) {
    throw new DomainError('INVALID_TRANSFER', `Unknown transfer type ${String(type)}`, { field: 'type' });
  }
  const parties = { sourceOutletId: null, destinationOutletId: null, supplierId: null } as Record<Party, string | null>;
  for (const party of ['sourceOutletId', 'destinationOutletId', 'supplierId'] as const) {
    const value = command[party] ?? null;
    const required = PARTIES[type].includes(party);
    if (required) parties[party] = requireText(value, party);
    else if (value !== null) {
      throw new DomainError('INVALID_TRANSFER', `A ${type} has no ${party}`, { field: party });
    }
  }
  if (parties.sourceOutletId !== null && parties.sourceOutletId === parties.destinationOutletId) {
    throw new DomainError('INVALID_TRANSFER', 'Source and destination outlet must differ', {
      field: 'destinationOutletId',
    });
  }
  const items = (command.items ?? []).map((item) => toNewItem(type, item));
  requireUniqueProducts(items.map((item) => item.productId));
  return [
    {
      type: 'TransferCreated',
      data: {
        transferId: requireText(command.transferId, 'transferId'),
        transferType: type,
        ...parties,
        reference: command.reference?.trim() || null,
        notes: command.notes?.trim() || null,
        items,
        createdBy: context.actorId,
      },
    },
  ];
}
