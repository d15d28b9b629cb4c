import { LightspeedMappingError } from '../errors.js';
import type {
  BulkLineResult,
  ConsignmentLineValues,
  NewConsignmentLine,
  RemoteConsignmentLine,
} from '../dto/consignment.js';
import { formatCost, formatQuantity, parseCost, parseQuantity } from './decimal.js';
import { JsonObject } from './json-object.js';
import { withoutUndefined, type LightspeedJson } from './consignment.mapping.js';

export function consignmentLineFromLightspeed(json: unknown, path = 'consignment_product'): RemoteConsignmentLine {
  const object = JsonObject.from(json, path);
  return {
    productId: object.string('product_id'),
    sku: object.optionalString('product_sku') ?? object.optionalString('sku'),
    count: object.has('count') ? parseQuantity(object.raw('count'), object.field('count')) : null,
    received: object.has('received') ? parseQuantity(object.raw('received'), object.field('received')) : null,
    cost: object.has('cost') ? parseCost(object.raw('cost'), object.field('cost')) : null,
    version: object.optionalVersion('version'),
  };
}

export function consignmentLineToLightspeed(line: RemoteConsignmentLine): LightspeedJson {
  return {
    product_id: line.productId,
    product_sku: line.sku,
    count: line.count === null ? null : formatQuantity(line.count, 'count'),
    received: line.received === null ? null : formatQuantity(line.received, 'received'),
    cost: line.cost === null ? null : formatCost(line.cost, 'cost'),
    version: line.version,
  };
}

export function newConsignmentLineToLightspeed(line: NewConsignmentLine): LightspeedJson {
  if (line.count === undefined && line.received === undefined) {
    throw new RangeError(`line for product ${line.productId} needs a count or a received quantity`);
  }
  return withoutUndefined({ product_id: line.productId, ...lineValues(line) });
}

export function consignmentLineValuesToLightspeed(values: ConsignmentLineValues): LightspeedJson {
  return withoutUndefined(lineValues(values));
}

function lineValues(values: ConsignmentLineValues): LightspeedJson {
  return {
    count: values.count === undefined ? undefined : formatQuantity(values.count, 'count'),
    received: values.received === undefined ? undefined : formatQuantity(values.received, 'received'),
    cost: values.cost === undefined ? undefined : formatCost(values.cost, 'cost'),
  };
}

/**
 * The bulk endpoint answers with `product_id → {count, received}`; an array of lines is accepted
 * as well, since the documentation only describes the map in prose.
 */
export function bulkResultFromLightspeed(data: unknown, path = 'bulk'): BulkLineResult[] {
  if (Array.isArray(data)) {
    return data.map((item, index) => {
      const line = consignmentLineFromLightspeed(item, `${path}[${index}]`);
      return { productId: line.productId, count: line.count, received: line.received };
    });
  }
  if (data === null || data === undefined) return [];
  if (typeof data !== 'object') throw new LightspeedMappingError(path, `expected an object, got ${typeof data}`);
  return Object.entries(data).map(([productId, value]) => {
    const object = JsonObject.from(value, `${path}.${productId}`);
    return {
      productId,
      count: object.has('count') ? parseQuantity(object.raw('count'), object.field('count')) : null,
      received: object.has('received') ? parseQuantity(object.raw('received'), object.field('received')) : null,
    };
  });
}
