import { notFound, validationError } from '../http/business-error.js';
import type { OrderRecord, Shipment } from '../orders/order-record.js';
import type { SandboxContext } from '../sandbox-context.js';
import { trackedOrderStatus } from './tracking-status.js';

/** One `results` entry of GET /api/track. */
export function trackResult(order: OrderRecord, shipment: Shipment, trackingNumber: string) {
  return {
    order_number: order.order_number,
    order_status: trackedOrderStatus(shipment.tracking_status),
    carrier_name: shipment.carrier_name,
    carrier_service: shipment.carrier_service,
    tracking_number: trackingNumber,
    shipment_date: shipment.shipment_date,
    tracking_status: shipment.tracking_status,
    last_updated_date: shipment.last_updated_date,
    tracking_url: order.packages.find((item) => item.tracking_number === trackingNumber)?.tracking_url ?? null,
    tracking_events: shipment.tracking_events.map((event) => ({ ...event })),
  };
}

/**
 * Tracking by `tracking_number` (that package) or `order_number` (its first package). An order without labels
 * has nothing to track: 404, like an unknown number.
 */
export function trackQuery(ctx: SandboxContext, account: string, query: Record<string, string | undefined>) {
  const trackingNumber = query['tracking_number'];
  const orderNumber = query['order_number'];
  if (trackingNumber) {
    const order = ctx.store.byTrackingNumber(account, trackingNumber);
    if (order?.shipment === undefined) throw notFound('Tracking', `No shipment with tracking_number ${trackingNumber}`);
    return trackResult(order, order.shipment, trackingNumber);
  }
  if (orderNumber) {
    const order = ctx.store.byNumber(account, orderNumber);
    if (order?.shipment === undefined) throw notFound('Tracking', `No shipment for order_number ${orderNumber}`);
    return trackResult(order, order.shipment, order.packages[0]!.tracking_number!);
  }
  throw validationError('tracking_number or order_number is required');
}
