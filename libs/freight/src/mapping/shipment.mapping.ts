import type { PrintedLabels } from '../dto/labels.js';
import { CarrierMappingError } from '../errors.js';
import { JsonReader } from './json-reader.js';

/** The body of POST /api/orders/shipment. */
export function printRequestToStarshipit(orderId: number, reprint: boolean) {
  return reprint ? { order_id: orderId, reprint: true } : { order_id: orderId };
}

/** `{order_id, order_number, carrier_name, tracking_numbers, labels (base64 PDF), …}` → the labels. */
export function labelsFromStarshipit(body: unknown): PrintedLabels {
  const answer = JsonReader.from(body, 'shipment');
  const labels = answer.list('labels').map((item, index) => {
    const text = typeof item === 'string' ? item : JsonReader.isObject(item) ? item['label_base64_string'] : undefined;
    if (typeof text !== 'string' || text === '') throw new CarrierMappingError(`shipment.labels[${index}]`, 'expected a base64 PDF');
    return Buffer.from(text, 'base64');
  });
  return {
    orderId: answer.integer('order_id'),
    orderNumber: answer.optionalString('order_number') ?? '',
    carrierName: answer.optionalString('carrier_name') ?? '',
    trackingNumbers: answer
      .list('tracking_numbers')
      .filter((number): number is string | number => (typeof number === 'string' && number !== '') || typeof number === 'number')
      .map(String),
    labels,
  };
}
