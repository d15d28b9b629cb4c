import { serviceByCode } from '../rates/services.js';
import { starshipitDate } from '../shared/timestamps.js';
import type { OrderRecord } from './order-record.js';

/** The FullOrder of GET/POST /api/orders. */
export function fullOrderView(order: OrderRecord) {
  const serviceCode = order.carrier_service_code;
  const service = serviceCode === undefined ? undefined : serviceByCode(serviceCode);
  return {
    order_id: order.order_id,
    order_date: order.order_date,
    order_number: order.order_number,
    reference: order.reference ?? null,
    carrier: order.shipment?.carrier ?? order.carrier ?? null,
    carrier_name: order.shipment?.carrier_name ?? service?.carrier_name ?? null,
    carrier_service_code: serviceCode ?? null,
    shipping_method: order.shipping_method ?? null,
    shipping_description: order.shipping_description ?? null,
    signature_required: order.signature_required,
    return_order: order.return_order,
    currency: order.currency ?? null,
    dangerous_goods: false,
    archived: order.archived,
    manifested: false,
    manifest_number: null,
    address_validation: 'NotChecked',
    type: 'Outgoing',
    platform: 'API',
    status: order.status,
    sender_details: order.sender_details ?? null,
    destination: order.destination ?? null,
    items: order.items,
    packages: order.packages.map((item) => ({
      ...item,
      carrier_service_code: order.shipment === undefined ? null : (serviceCode ?? null),
      carrier_service_name: order.shipment?.carrier_service ?? null,
      tracking_number: item.tracking_number ?? null,
      tracking_url: item.tracking_url ?? null,
      delivery_status: order.shipment?.tracking_status ?? null,
      label_created_date: item.label_created_date ?? null,
    })),
    events: (order.shipment?.tracking_events ?? []).map((event) => ({ ...event })),
  };
}

export function orderDate(ms: number, given: string | undefined): string {
  return given === undefined ? starshipitDate(ms) : starshipitDate(Date.parse(given));
}
