import type { CarrierOrder, CarrierOrderStatus, NewCarrierOrder, OrderItem } from '../dto/order.js';
import { orderAddressToStarshipit, withoutUndefined } from './address.mapping.js';
import { JsonReader } from './json-reader.js';
import { parcelToStarshipit } from './parcel.mapping.js';
import { centsToPrice, gramsToKg, priceToCents } from './units.js';

/** The body of POST /api/orders. */
export function newOrderToStarshipit(order: NewCarrierOrder) {
  if (order.orderNumber.length < 1 || order.orderNumber.length > 50) throw new RangeError('orderNumber must be 1–50 characters');
  return {
    order: withoutUndefined({
      order_number: order.orderNumber,
      order_date: (order.orderDate ?? new Date()).toISOString(),
      reference: order.reference,
      carrier: order.carrier,
      carrier_service_code: order.serviceCode,
      currency: order.currency,
      signature_required: order.signatureRequired,
      sender_details: order.sender === undefined ? undefined : orderAddressToStarshipit(order.sender, false),
      destination: orderAddressToStarshipit(order.destination, true),
      items: order.items?.map(itemToStarshipit),
      packages: order.parcels.map(parcelToStarshipit),
    }),
  };
}

function itemToStarshipit(item: OrderItem) {
  return withoutUndefined({
    description: item.description,
    sku: item.sku,
    quantity: item.quantity,
    weight: item.weightGrams === undefined ? undefined : gramsToKg(item.weightGrams),
    value: item.valueCents === undefined ? undefined : centsToPrice(item.valueCents),
  });
}

const ORDER_STATUSES: Record<string, CarrierOrderStatus> = {
  unshipped: 'UNSHIPPED',
  saved: 'SAVED',
  printed: 'PRINTED',
  shipped: 'SHIPPED',
  dispatched: 'SHIPPED',
  delivered: 'DELIVERED',
};

export function orderStatusFromStarshipit(raw: string): CarrierOrderStatus {
  return ORDER_STATUSES[raw.replace(/\s+/g, '').toLowerCase()] ?? 'UNKNOWN';
}

/**
 * The answer of a lookup: `{order: FullOrder, success}` (the documented form), or a list (`orders` or
 * `data.orders`) from which the entry with the asked number is taken. `order: null` or no match → null.
 */
export function foundOrderFromStarshipit(body: unknown, wanted: { orderNumber?: string; orderId?: number }): CarrierOrder | null {
  const answer = JsonReader.from(body, 'answer');
  if (answer.has('order')) return orderFromStarshipit(body);
  const list = answer.has('orders') ? answer.list('orders') : answer.has('data') ? answer.object('data').list('orders') : [];
  const match = list.find(
    (item) =>
      JsonReader.isObject(item) &&
      (wanted.orderNumber === undefined || String(item['order_number']) === wanted.orderNumber) &&
      (wanted.orderId === undefined || String(item['order_id']) === String(wanted.orderId)),
  );
  return match === undefined ? null : orderFromStarshipit({ order: match });
}

/** `{order: FullOrder, success}` → the order. */
export function orderFromStarshipit(body: unknown): CarrierOrder {
  const order = JsonReader.from(body, 'answer').object('order');
  const rawStatus = order.optionalString('status') ?? '';
  const trackingNumbers = order
    .list('packages')
    .map((item, index) => JsonReader.from(item, `${order.path}.packages[${index}]`).optionalString('tracking_number'))
    .filter((number): number is string => number !== undefined && number !== '');
  const price = order.optionalNumber('total_shipping_price');
  return withoutUndefined({
    orderId: order.integer('order_id'),
    orderNumber: order.string('order_number'),
    status: orderStatusFromStarshipit(rawStatus),
    rawStatus,
    archived: order.boolean('archived', false),
    carrier: order.optionalString('carrier') ?? order.optionalString('carrier_id'),
    carrierName: order.optionalString('carrier_name'),
    serviceCode: order.optionalString('carrier_service_code'),
    trackingNumbers,
    shippingPriceCents: price === undefined ? undefined : priceToCents(price),
  });
}
