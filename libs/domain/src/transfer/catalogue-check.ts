import { DomainError } from '../shared/domain-error.js';
import type { TransferCommand } from './commands.js';
import type { TransferState } from './transfer-state.js';
import { findTransition } from './transition-policy.js';

/** Ids of Lightspeed's catalogue, by kind. */
export interface CatalogueReferences {
  outletIds: readonly string[];
  supplierIds: readonly string[];
  productIds: readonly string[];
}

export interface CompositeProduct {
  productId: string;
  name: string;
  sku: string | null;
}

/**
 * What to look up in the shadow catalogue before a command is decided: every id it names, and — for
 * the commands that mirror a transfer to Lightspeed — the products on the transfer's lines. Asked
 * before the transfer is loaded, so it may ask more than the check uses.
 */
export interface CatalogueQuestion extends CatalogueReferences {
  includeTransferLines: boolean;
}

/** What the catalogue answered to a CatalogueQuestion. */
export interface CatalogueFindings {
  /** The ids asked that the catalogue does not have (or has as deleted); a part not yet synced has none. */
  unknown: { outletIds: string[]; supplierIds: string[]; productIds: string[] };
  /** The composite products among those asked. */
  composites: CompositeProduct[];
}

export const NO_CATALOGUE_FINDINGS: CatalogueFindings = { unknown: { outletIds: [], supplierIds: [], productIds: [] }, composites: [] };

function productsNamedBy(command: TransferCommand): string[] {
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
}

/** The commands at which a transfer is mirrored to Lightspeed, with the transition that does it. */
function mirroringTransition(command: TransferCommand): 'send' | 'complete' | null {
  return command.type === 'SendTransfer' ? 'send' : command.type === 'CompleteStocktake' ? 'complete' : null;
}

export function catalogueQuestion(command: TransferCommand): CatalogueQuestion {
  const create = command.type === 'CreateTransfer' ? command : null;
  return {
    outletIds: [create?.sourceOutletId, create?.destinationOutletId].filter((id): id is string => !!id),
    supplierIds: create?.supplierId ? [create.supplierId] : [],
    productIds: productsNamedBy(command),
    includeTransferLines: mirroringTransition(command) !== null,
  };
}

/**
 * The products a command puts on the transfer that are not on it yet: the lines of a create, an
 * added line, a count, a receipt's extra items. Lines already on the transfer were checked when
 * they were put there.
 */
export function productsAddedBy(command: TransferCommand, before: TransferState | null): string[] {
  const onTransfer = new Set(before?.lines.map((line) => line.productId));
  return productsNamedBy(command).filter((productId) => !onTransfer.has(productId));
}

/** The outlets, supplier and new products a command names (commands that name none give empty lists). */
export function referencesOf(command: TransferCommand, before: TransferState | null): CatalogueReferences {
  const { outletIds, supplierIds } = catalogueQuestion(command);
  return { outletIds, supplierIds, productIds: productsAddedBy(command, before) };
}

/**
 * The products that would reach Lightspeed through this command: the new ones, and, when sending a
 * transfer or completing a stocktake (the moment it is mirrored), every line it holds — a line
 * added before the catalogue knew its product was composite is caught there. A send the status no
 * longer allows (a repeat of one that went through) is left to be replayed or refused as before.
 */
export function productsBoundForLightspeed(command: TransferCommand, before: TransferState | null): string[] {
  const mirroring = mirroringTransition(command);
  if (mirroring === null || before === null) return productsAddedBy(command, before);
  return findTransition(before.type, before.status, mirroring) ? before.lines.map((line) => line.productId) : [];
}

/**
 * Refuses a command naming an outlet, supplier or product Lightspeed does not have (422
 * UNKNOWN_REFERENCE, naming each; until the worker has synced a part of the catalogue, that part is
 * not checked), or putting a composite product on a transfer (422 COMPOSITE_PRODUCT): Lightspeed
 * refuses composites on every consignment, so the transfer could never be mirrored.
 */
export function requireCatalogueAccepts(command: TransferCommand, before: TransferState | null, findings: CatalogueFindings): void {
  const references = referencesOf(command, before);
  const among = (ids: readonly string[], found: readonly string[]) => [...new Set(ids)].filter((id) => found.includes(id));
  const unknown = {
    outletIds: among(references.outletIds, findings.unknown.outletIds),
    supplierIds: among(references.supplierIds, findings.unknown.supplierIds),
    productIds: among(references.productIds, findings.unknown.productIds),
  };
  const named = [
    ...unknown.outletIds.map((id) => `outlet ${id}`),
    ...unknown.supplierIds.map((id) => `supplier ${id}`),
    ...unknown.productIds.map((id) => `product ${id}`),
  ];
  if (named.length > 0) throw new DomainError('UNKNOWN_REFERENCE', `Lightspeed has no ${named.join(', ')}`, { unknown });
  const composites = [...new Set(productsBoundForLightspeed(command, before))].flatMap((productId) =>
    findings.composites.filter((composite) => composite.productId === productId),
  );
  if (composites.length > 0) {
    throw new DomainError(
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
