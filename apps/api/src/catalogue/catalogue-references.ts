import { findTransition, type TransferCommand, type TransferState } from '#domain';
import { findCompositeProducts, findUnknownReferences, type CatalogueReferences, type CompositeProduct, type SqlClient } from '#persistence';
import { ProblemException } from '../http/problem.exception.js';

/**
 * The products a command puts on the transfer that are not on it yet: the lines of a create, an
 * added line, a count, a receipt's extra items. Lines already on the transfer were checked when
 * they were put there.
 */
export function productsAddedBy(command: TransferCommand, before: TransferState | null): string[] {
  const named = (() => {
    switch (command.type) {
      case 'CreateTransfer':
        return (command.items ?? []).map((item) => item.productId);
      case 'AddItem':
        return [command.item.productId];
      case 'RecordCount':
        return [command.productId];
      case 'ReceiveTransfer':
        return command.lines.map((line) => line.productId);
      default:
        return [];
    }
  })();
  const onTransfer = new Set(before?.lines.map((line) => line.productId));
  return named.filter((productId) => !onTransfer.has(productId));
}

/** The outlets, supplier and new products a command names (commands that name none give empty lists). */
export function referencesOf(command: TransferCommand, before: TransferState | null): CatalogueReferences {
  const productIds = productsAddedBy(command, before);
  if (command.type !== 'CreateTransfer') return { outletIds: [], supplierIds: [], productIds };
  return {
    outletIds: [command.sourceOutletId, command.destinationOutletId].filter((id): id is string => !!id),
    supplierIds: command.supplierId ? [command.supplierId] : [],
    productIds,
  };
}

/**
 * The products that would reach Lightspeed through this command: the new ones, and, when sending a
 * transfer or completing a stocktake (the moment it is mirrored), every line it holds — a line
 * added before the catalogue knew its product was composite is caught there. A send the status no
 * longer allows (a repeat of one that went through) is left to be replayed or refused as before.
 */
export function productsBoundForLightspeed(command: TransferCommand, before: TransferState | null): string[] {
  const mirroring = command.type === 'SendTransfer' ? 'send' : command.type === 'CompleteStocktake' ? 'complete' : null;
  if (mirroring === null || before === null) return productsAddedBy(command, before);
  return findTransition(before.type, before.status, mirroring) ? before.lines.map((line) => line.productId) : [];
}

/**
 * Refuses a command naming an outlet, supplier or product Lightspeed does not have (422
 * UNKNOWN_REFERENCE, naming each; until the worker has synced a part of the catalogue, that part is
 * not checked), or putting a composite product on a transfer (422 COMPOSITE_PRODUCT): Lightspeed
 * refuses composites on every consignment, so the transfer could never be mirrored.
 */
export async function requireReferencesLightspeedAccepts(client: SqlClient, command: TransferCommand, before: TransferState | null): Promise<void> {
  const references = referencesOf(command, before);
  if (references.outletIds.length + references.supplierIds.length + references.productIds.length > 0) {
    const unknown = await findUnknownReferences(client, references);
    const named = [
      ...unknown.outletIds.map((id) => `outlet ${id}`),
      ...unknown.supplierIds.map((id) => `supplier ${id}`),
      ...unknown.productIds.map((id) => `product ${id}`),
    ];
    if (named.length > 0) throw new ProblemException(422, 'UNKNOWN_REFERENCE', `Lightspeed has no ${named.join(', ')}`, { unknown });
  }
  const composites = await findCompositeProducts(client, productsBoundForLightspeed(command, before));
  if (composites.length > 0) {
    throw new ProblemException(
      422,
      'COMPOSITE_PRODUCT',
      `Lightspeed takes no composite product on a consignment: ${composites.map(describeProduct).join(', ')}; add the component products instead`,
      { compositeProducts: composites },
    );
  }
}

function describeProduct({ productId, name, sku }: CompositeProduct): string {
  const known = [name, sku ? `SKU ${sku}` : ''].filter(Boolean);
  return known.length > 0 ? `${productId} (${known.join(', ')})` : productId;
}
