import { validationError } from '../http/business-error.js';
import { asFields, optionalBoolean, optionalNumber, optionalString, requiredString, type Fields } from '../http/request-fields.js';
import { orderAddress } from '../shared/addresses.js';
import { packageSize, weightKg } from '../shared/units.js';
import type { ItemRecord, OrderRecord, PackageRecord } from './order-record.js';

export type OrderInput = Omit<OrderRecord, 'account' | 'order_id' | 'order_date' | 'status' | 'archived' | 'items' | 'packages'> & {
  order_date?: string;
  items: Omit<ItemRecord, 'item_id'>[];
  packages: Omit<PackageRecord, 'package_id'>[];
};

/** Validates `{"order": {...}}`: only `order_number` (1–50 characters) is required. */
export function parseOrderInput(body: unknown): OrderInput {
  const order = asFields(asFields(body, 'The request body')['order'], 'order');
  const orderDate = optionalString(order, 'order_date', 40);
  if (orderDate !== undefined && Number.isNaN(Date.parse(orderDate))) throw validationError('order_date must be an ISO-8601 UTC date');
  const currency = optionalString(order, 'currency', 100);
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) throw validationError('currency must be a 3-letter code such as AUD');
  return {
    order_number: requiredString(order, 'order_number', 50),
    order_date: orderDate === undefined ? undefined : new Date(orderDate).toISOString(),
    reference: optionalString(order, 'reference', 50),
    carrier: optionalString(order, 'carrier', 50),
    carrier_service_code: optionalString(order, 'carrier_service_code', 50),
    shipping_method: optionalString(order, 'shipping_method', 100),
    shipping_description: optionalString(order, 'shipping_description', 100),
    signature_required: optionalBoolean(order, 'signature_required') ?? false,
    return_order: optionalBoolean(order, 'return_order') ?? false,
    currency,
    sender_details: orderAddress(order['sender_details'], 'sender_details', false),
    destination: orderAddress(order['destination'], 'destination', true),
    items: listOf(order, 'items').map((item, index) => itemInput(asFields(item, `items[${index}]`), `items[${index}]`)),
    packages: listOf(order, 'packages').map((item, index) => packageInput(asFields(item, `packages[${index}]`), `packages[${index}]`)),
  };
}

function listOf(order: Fields, key: string): unknown[] {
  const value = order[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw validationError(`${key} must be an array`);
  return value;
}

function itemInput(fields: Fields, path: string): Omit<ItemRecord, 'item_id'> {
  const quantity = fields['quantity'] ?? 1;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
    throw validationError(`${path}.quantity must be a positive integer`);
  }
  return dropUndefined({
    description: optionalString(fields, 'description', 100, `${path}.description`),
    sku: optionalString(fields, 'sku', 50, `${path}.sku`),
    tariff_code: optionalString(fields, 'tariff_code', 18, `${path}.tariff_code`),
    country_of_origin: optionalString(fields, 'country_of_origin', 100, `${path}.country_of_origin`),
    quantity,
    weight: weightKg(fields, 'weight', `${path}.weight`, false),
    value: optionalNumber(fields, 'value', `${path}.value`),
  });
}

function packageInput(fields: Fields, path: string): Omit<PackageRecord, 'package_id'> {
  return dropUndefined({
    ...packageSize(fields, path),
    name: optionalString(fields, 'name', 100, `${path}.name`),
    packaging_type: optionalString(fields, 'packaging_type', 50, `${path}.packaging_type`),
  });
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
