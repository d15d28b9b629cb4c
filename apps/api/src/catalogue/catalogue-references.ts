import type { TransferCommand } from '#domain';
import { findUnknownReferences, type CatalogueReferences, type SqlClient } from '#persistence';
import { ProblemException } from '../http/problem.exception.js';

/** The outlets, supplier and products a command names (commands that name none give empty lists). */
export function referencesOf(command: TransferCommand): CatalogueReferences {
  switch (command.type) {
    case 'CreateTransfer':
      return {
        outletIds: [command.sourceOutletId, command.destinationOutletId].filter((id): id is string => !!id),
        supplierIds: command.supplierId ? [command.supplierId] : [],
        productIds: (command.items ?? []).map((item) => item.productId),
      };
    case 'AddItem':
      return { outletIds: [], supplierIds: [], productIds: [command.item.productId] };
    case 'RecordCount':
      return { outletIds: [], supplierIds: [], productIds: [command.productId] };
    default:
      return { outletIds: [], supplierIds: [], productIds: [] };
  }
}

/**
 * Refuses a command naming an outlet, supplier or product Lightspeed does not have (422
 * UNKNOWN_REFERENCE, naming each). Until the worker has synced a part of the catalogue, that part
 * is not checked.
 */
export async function requireKnownReferences(client: SqlClient, command: TransferCommand): Promise<void> {
  const references = referencesOf(command);
  if (references.outletIds.length + references.supplierIds.length + references.productIds.length === 0) return;
  const unknown = await findUnknownReferences(client, references);
  const named = [
    ...unknown.outletIds.map((id) => `outlet ${id}`),
    ...unknown.supplierIds.map((id) => `supplier ${id}`),
    ...unknown.productIds.map((id) => `product ${id}`),
  ];
  if (named.length === 0) return;
  throw new ProblemException(422, 'UNKNOWN_REFERENCE', `Lightspeed has no ${named.join(', ')}`, { unknown });
}
