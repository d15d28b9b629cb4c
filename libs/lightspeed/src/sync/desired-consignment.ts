import type { Money, TransferState } from '#domain';
import type { ConsignmentType, KnownConsignmentStatus } from '../dto/consignment.js';
import { toLightspeedStatus } from '../status-map.js';

export interface DesiredLine {
  productId: string;
  count: number;
  received: number;
  cost: Money | null;
}

/** What Lightspeed should hold for a transfer, in Lightspeed's terms but our own field names. */
export interface DesiredConsignment {
  type: ConsignmentType;
  status: KnownConsignmentStatus;
  outletId: string;
  sourceOutletId: string | null;
  supplierId: string | null;
  /** Written as the consignment's name: finds a consignment again after a crash during its create. */
  marker: string;
  reference: string | null;
  lines: DesiredLine[];
  /** Stocktakes: the products the count covers, so Lightspeed never counts the whole catalogue. */
  countedProductIds?: string[];
}

/** Statuses from which Lightspeed must hold the consignment: once goods have left, or a count is final. */
const MIRRORED = new Set(['SENT', 'RECEIVING', 'RECEIVED', 'COMPLETED', 'CANCELLED']);

export function syncMarker(transferId: string): string {
  return `CONS-${transferId}`;
}

/**
 * The consignment a transfer needs in Lightspeed, or null while Lightspeed need not know of it.
 * A transfer is mirrored from the moment it is sent (fewest calls: no churn while lines are
 * edited), a stocktake once its count is complete; a cancelled one matters only if it had been
 * mirrored. A stocktake is scoped to the products it counted: an unscoped Lightspeed count covers
 * the whole catalogue, and completing it would zero every product it did not touch.
 */
export function desiredConsignment(state: TransferState): DesiredConsignment | null {
  if (!MIRRORED.has(state.status)) return null;
  if (state.type === 'STOCKTAKE') return desiredStocktake(state);
  const { type, status } = toLightspeedStatus(state.type, state.status);
  const outletId = state.type === 'SUPPLIER_RETURN' ? state.sourceOutletId : state.destinationOutletId;
  return {
    type,
    status,
    outletId: outletId as string,
    sourceOutletId: state.type === 'OUTLET_TRANSFER' ? state.sourceOutletId : null,
    supplierId: state.supplierId,
    marker: syncMarker(state.id),
    reference: state.reference,
    lines: state.lines
      .filter((line) => line.sentQuantity > 0 || line.receivedQuantity > 0)
      .map((line) => ({
        productId: line.productId,
        count: line.sentQuantity,
        received: line.receivedQuantity,
        // Lightspeed fills a return's or order's line cost with the supply price unless told ours.
        cost: state.type === 'PURCHASE_ORDER' || state.type === 'SUPPLIER_RETURN' ? line.unitCost : null,
      })),
  };
}

function desiredStocktake(state: TransferState): DesiredConsignment {
  return {
    type: 'STOCKTAKE',
    status: toLightspeedStatus(state.type, state.status).status,
    outletId: state.destinationOutletId as string,
    sourceOutletId: null,
    supplierId: null,
    marker: syncMarker(state.id),
    reference: state.reference,
    lines: state.lines.map((line) => ({ productId: line.productId, count: 0, received: line.receivedQuantity, cost: null })),
    countedProductIds: state.lines.map((line) => line.productId),
  };
}
