import { conflict, notFound, validationError } from '../http/business-error.js';
import { asFields, optionalString, requiredString } from '../http/request-fields.js';
import type { OrderRecord } from '../orders/order-record.js';
import type { SandboxContext } from '../sandbox-context.js';
import { starshipitDate } from '../shared/timestamps.js';
import { eventStatusText, FINAL_STATUSES, isTrackingStatus, TRACKING_STATUSES } from './tracking-status.js';

/**
 * The carrier's scan (POST /admin/shipments/advance): appends a tracking event, moves the shipment's status
 * (Delivered also delivers the order) and sends the tracking webhook. Nothing moves after Delivered or Cancelled.
 */
export function advanceShipment(ctx: SandboxContext, body: unknown): OrderRecord {
  const fields = asFields(body, 'The request body');
  const trackingNumber = requiredString(fields, 'tracking_number', 50);
  const status = fields['status'];
  if (!isTrackingStatus(status)) throw validationError(`status must be one of ${TRACKING_STATUSES.join(', ')}`);
  const order = ctx.store.anyByTrackingNumber(trackingNumber);
  const shipment = order?.shipment;
  if (order === undefined || shipment === undefined) throw notFound('Shipment', `No shipment with tracking_number ${trackingNumber}`);
  if (FINAL_STATUSES.includes(shipment.tracking_status)) {
    throw conflict('Shipment is final', `Shipment ${trackingNumber} is ${shipment.tracking_status}`);
  }
  const at = starshipitDate(ctx.options.now());
  shipment.tracking_status = status;
  shipment.last_updated_date = at;
  shipment.tracking_events.push({
    event_datetime: at,
    status: eventStatusText(status),
    details: optionalString(fields, 'details', 200) ?? `${eventStatusText(status)} (sandbox scan)`,
  });
  if (status === 'Delivered') order.status = 'Delivered';
  ctx.webhooks.dispatch({
    order_number: order.order_number,
    carrier_name: shipment.carrier_name,
    carrier_service: shipment.carrier_service,
    shipment_date: shipment.shipment_date,
    tracking_number: trackingNumber,
    tracking_status: status,
    last_updated_date: at,
    order_reference: order.reference ?? null,
  });
  return order;
}
