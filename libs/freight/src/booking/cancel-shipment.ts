import type { StarshipitClient } from '../client/starshipit-client.js';
import { isLabelled } from '../dto/order.js';
import { CarrierRejected } from '../errors.js';

/**
 * What cancelling did. DELETED: the order was unshipped and is gone (its number is free again). ARCHIVED: it
 * was labelled, and is withdrawn from Starshipit (tell the carrier if it was collected). NOT_FOUND: there was
 * no such order. REFUSED_DELIVERED: it was delivered; nothing was changed.
 */
export type CancelOutcome = 'DELETED' | 'ARCHIVED' | 'NOT_FOUND' | 'REFUSED_DELIVERED';

export interface CancelResult {
  outcome: CancelOutcome;
  orderId?: number;
}

/** Cancels the booking with this order number: delete when unshipped, archive when labelled, never when delivered. */
export async function cancelShipment(client: StarshipitClient, request: { orderNumber: string }): Promise<CancelResult> {
  const order = await client.findOrder(request.orderNumber);
  if (order === null) return { outcome: 'NOT_FOUND' };
  if (order.status === 'DELIVERED') return { outcome: 'REFUSED_DELIVERED', orderId: order.orderId };
  if (order.archived) return { outcome: 'ARCHIVED', orderId: order.orderId };
  if (!isLabelled(order)) {
    try {
      await client.deleteOrder(order.orderId);
      return { outcome: 'DELETED', orderId: order.orderId };
    } catch (error) {
      // Printed between the lookup and the delete: archive it instead.
      if (!(error instanceof CarrierRejected) || error.status === 400) throw error;
      const current = await client.getOrder(order.orderId);
      if (current === null || !isLabelled(current)) throw error;
      if (current.status === 'DELIVERED') return { outcome: 'REFUSED_DELIVERED', orderId: order.orderId };
    }
  }
  await client.archiveOrder(order.orderId);
  return { outcome: 'ARCHIVED', orderId: order.orderId };
}
