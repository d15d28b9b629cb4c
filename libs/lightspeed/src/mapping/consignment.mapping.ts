import { LightspeedMappingError } from '../errors.js';
import {
  isConsignmentType,
  type ConsignmentUpdate,
  type NewConsignment,
  type RemoteConsignment,
} from '../dto/consignment.js';
import { JsonObject } from './json-object.js';

export type LightspeedJson = Record<string, unknown>;

export function consignmentFromLightspeed(json: unknown, path = 'consignment'): RemoteConsignment {
  const object = JsonObject.from(json, path);
  const type = object.raw('type');
  if (!isConsignmentType(type)) {
    throw new LightspeedMappingError(object.field('type'), `unknown consignment type ${JSON.stringify(type)}`);
  }
  return {
    id: object.string('id'),
    type,
    status: object.string('status'),
    outletId: object.string('outlet_id'),
    sourceOutletId: object.optionalId('source_outlet_id'),
    supplierId: object.optionalId('supplier_id'),
    name: object.optionalString('name') ?? '',
    reference: object.optionalString('reference'),
    dueAt: object.optionalTimestamp('due_at'),
    receivedAt: object.optionalTimestamp('received_at'),
    version: object.version('version'),
    deletedAt: object.optionalTimestamp('deleted_at'),
  };
}

/** The full Lightspeed shape of a consignment (what the API returns inside `data`). */
export function consignmentToLightspeed(consignment: RemoteConsignment): LightspeedJson {
  return {
    id: consignment.id,
    type: consignment.type,
    status: consignment.status,
    outlet_id: consignment.outletId,
    source_outlet_id: consignment.sourceOutletId,
    supplier_id: consignment.supplierId,
    name: consignment.name,
    reference: consignment.reference,
    due_at: consignment.dueAt,
    received_at: consignment.receivedAt,
    version: consignment.version,
    deleted_at: consignment.deletedAt,
  };
}

export function newConsignmentToLightspeed(consignment: NewConsignment): LightspeedJson {
  return withoutUndefined({
    type: consignment.type,
    outlet_id: consignment.outletId,
    name: consignment.name,
    status: consignment.status,
    source_outlet_id: consignment.sourceOutletId,
    supplier_id: consignment.supplierId,
    reference: consignment.reference,
    due_at: timestamp(consignment.dueAt, 'dueAt'),
    filters: consignment.countedProductIds?.map((productId) => ({ type: 'product', value: productId })),
  });
}

export function consignmentUpdateToLightspeed(update: ConsignmentUpdate): LightspeedJson {
  return withoutUndefined({
    status: update.status,
    name: update.name,
    outlet_id: update.outletId,
    source_outlet_id: update.sourceOutletId,
    supplier_id: update.supplierId,
    reference: update.reference,
    due_at: timestamp(update.dueAt, 'dueAt'),
    received_at: timestamp(update.receivedAt, 'receivedAt'),
  });
}

function timestamp(value: string | null | undefined, field: string): string | null | undefined {
  if (value === undefined || value === null) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${field} must be an ISO-8601 timestamp, got "${value}"`);
  return date.toISOString();
}

export function withoutUndefined(json: LightspeedJson): LightspeedJson {
  return Object.fromEntries(Object.entries(json).filter(([, value]) => value !== undefined));
}
