import { conflict, notFound, validationError } from '../http/business-error.js';
import { asFields, optionalBoolean, optionalString, orderIdParam, type Fields } from '../http/request-fields.js';
import { findOrder } from '../orders/remove-order.js';
import type { OrderRecord, PackageRecord, Shipment } from '../orders/order-record.js';
import { serviceByCode, SERVICES, type CarrierService } from '../rates/services.js';
import type { SandboxContext } from '../sandbox-context.js';
import { starshipitDate } from '../shared/timestamps.js';
import { packageSize } from '../shared/units.js';
import { labelPdf } from './label-pdf.js';

export const TRACKING_URL_BASE = 'https://tracking.starshipit-sandbox.invalid/';

/** The answer of POST /api/orders/shipment. */
export function shipmentView(order: OrderRecord, shipment: Shipment) {
  return {
    order_id: order.order_id,
    order_number: order.order_number,
    carrier_name: shipment.carrier_name,
    tracking_numbers: order.packages.map((item) => item.tracking_number ?? null),
    labels: [...shipment.labels],
    label_types: shipment.labels.map(() => 'Label'),
    success: true,
  };
}

/**
 * Prints the labels of an unshipped order: one tracking number per package, one base64 PDF (a page per
 * package). A printed order is refused unless `reprint: true`, which answers the same labels again.
 */
export function printLabels(ctx: SandboxContext, account: string, body: unknown): { order: OrderRecord; shipment: Shipment } {
  const fields = asFields(body, 'The request body');
  const order = orderOf(ctx, account, fields);
  const reprint = optionalBoolean(fields, 'reprint') ?? false;
  if (order.shipment !== undefined) {
    if (reprint) return { order, shipment: order.shipment };
    throw conflict('Order already printed', `Order ${order.order_number} is ${order.status}: send reprint: true for its labels`);
  }
  if (reprint) throw conflict('Order not printed', `Order ${order.order_number} has no labels to reprint`);
  if (order.archived) throw conflict('Order archived', `Order ${order.order_number} is archived`);
  const service = serviceOf(order, fields);
  const packages = packagesOf(ctx, order, fields);
  if (packages.length === 0) throw validationError(`Order ${order.order_number} has no packages to label`);
  for (const key of ['street', 'post_code', 'country'] as const) {
    if (order.destination?.[key] === undefined) throw validationError(`destination.${key} is required to print a label`);
  }
  order.packages = packages;
  const printedAt = starshipitDate(ctx.options.now());
  order.packages.forEach((item, index) => {
    item.tracking_number = `${service.trackingPrefix}${String(order.order_id).padStart(9, '0')}${String(index + 1).padStart(2, '0')}`;
    item.tracking_url = `${TRACKING_URL_BASE}${item.tracking_number}`;
    item.label_created_date = printedAt;
  });
  const pages = order.packages.map((item, index) => ({
    lines: [item.tracking_number!, `${service.carrier_name} ${service.service_name}`, `Order ${order.order_number}`, `Package ${index + 1} of ${order.packages.length}, ${item.weight} kg`],
  }));
  order.carrier_service_code = service.service_code;
  order.status = 'Printed';
  order.shipment = {
    carrier: service.carrier,
    carrier_name: service.carrier_name,
    carrier_service: service.service_name,
    shipment_date: printedAt,
    labels: [labelPdf(pages).toString('base64')],
    tracking_status: 'Printed',
    last_updated_date: printedAt,
    tracking_events: [{ event_datetime: printedAt, status: 'Printed', details: 'Label printed' }],
  };
  return { order, shipment: order.shipment };
}

function orderOf(ctx: SandboxContext, account: string, fields: Fields): OrderRecord {
  const rawId = fields['order_id'];
  if (rawId !== undefined && rawId !== null) {
    if (typeof rawId !== 'number') throw validationError('order_id must be an integer');
    return findOrder(ctx, account, orderIdParam(String(rawId))!);
  }
  const orderNumber = optionalString(fields, 'order_number', 50);
  if (orderNumber === undefined) throw validationError('order_id or order_number is required');
  const order = ctx.store.byNumber(account, orderNumber);
  if (order === undefined) throw notFound('Order', `No order with order_number ${orderNumber}`);
  return order;
}

/** The service from the request, else the order's; a carrier alone is not enough (no rules are modelled). */
function serviceOf(order: OrderRecord, fields: Fields): CarrierService {
  const carrier = optionalString(fields, 'carrier', 50) ?? order.carrier;
  const code = optionalString(fields, 'carrier_service_code', 50) ?? order.carrier_service_code;
  if (code === undefined) throw validationError('carrier_service_code is required (on the request or the order)');
  const service = serviceByCode(code);
  if (service === undefined) {
    throw validationError(`carrier_service_code ${code} is not enabled; use one of ${SERVICES.map((s) => s.service_code).join(', ')}`);
  }
  if (carrier !== undefined && carrier !== service.carrier) {
    throw validationError(`carrier_service_code ${code} belongs to ${service.carrier}, not ${carrier}`);
  }
  return service;
}

/** The request's `packages` replace the order's. */
function packagesOf(ctx: SandboxContext, order: OrderRecord, fields: Fields): PackageRecord[] {
  const packages = fields['packages'];
  if (packages === undefined || packages === null) return order.packages;
  if (!Array.isArray(packages)) throw validationError('packages must be an array');
  return packages.map((item, index) => ({
    package_id: ctx.store.newChildId(),
    ...packageSize(asFields(item, `packages[${index}]`), `packages[${index}]`),
  }));
}
