import { catalogueCode, type ProductCode } from '#domain';
import type { RemoteOutlet, RemoteProduct, RemoteSupplier } from '../dto/catalogue.js';
import { formatCost, parseCost } from './decimal.js';
import { JsonObject } from './json-object.js';
import type { LightspeedJson } from './consignment.mapping.js';
import { LightspeedMappingError } from '../errors.js';

export function productFromLightspeed(json: unknown, path = 'product'): RemoteProduct {
  const object = JsonObject.from(json, path);
  return {
    id: object.string('id'),
    name: object.optionalString('name') ?? '',
    variantName: object.optionalString('variant_name'),
    sku: object.optionalString('sku'),
    codes: productCodesFrom(object),
    supplyPrice: object.has('supply_price') ? parseCost(object.raw('supply_price'), object.field('supply_price')) : null,
    supplierId: object.optionalId('supplier_id'),
    active: object.boolean('active', true),
    isComposite: object.boolean('is_composite', false),
    version: object.version('version'),
    deletedAt: object.optionalTimestamp('deleted_at'),
  };
}

/** Missing or null `product_codes` (a store or API that has none) → no codes beyond the SKU. */
function productCodesFrom(product: JsonObject): ProductCode[] {
  if (!product.has('product_codes')) return [];
  const list = product.raw('product_codes');
  if (!Array.isArray(list)) throw new LightspeedMappingError(product.field('product_codes'), 'expected an array');
  return list.map((entry: unknown, index) => {
    const object = JsonObject.from(entry, `${product.field('product_codes')}[${index}]`);
    return catalogueCode({ code: object.string('code'), type: (object.optionalString('type') ?? 'CUSTOM').toUpperCase() });
  });
}

export function productToLightspeed(product: RemoteProduct): LightspeedJson {
  return {
    id: product.id,
    name: product.name,
    variant_name: product.variantName,
    sku: product.sku,
    product_codes: product.codes.map(({ type, code }) => ({ type, code })),
    supply_price: product.supplyPrice === null ? null : formatCost(product.supplyPrice, 'supplyPrice'),
    supplier_id: product.supplierId,
    active: product.active,
    is_composite: product.isComposite,
    version: product.version,
    deleted_at: product.deletedAt,
  };
}

export function outletFromLightspeed(json: unknown, path = 'outlet'): RemoteOutlet {
  const object = JsonObject.from(json, path);
  return {
    id: object.string('id'),
    name: object.optionalString('name') ?? '',
    timeZone: object.optionalString('time_zone'),
    currency: object.optionalString('currency'),
    version: object.version('version'),
    deletedAt: object.optionalTimestamp('deleted_at'),
  };
}

export function outletToLightspeed(outlet: RemoteOutlet): LightspeedJson {
  return {
    id: outlet.id,
    name: outlet.name,
    time_zone: outlet.timeZone,
    currency: outlet.currency,
    version: outlet.version,
    deleted_at: outlet.deletedAt,
  };
}

export function supplierFromLightspeed(json: unknown, path = 'supplier'): RemoteSupplier {
  const object = JsonObject.from(json, path);
  return {
    id: object.string('id'),
    name: object.optionalString('name') ?? '',
    description: object.optionalString('description'),
    version: object.version('version'),
    deletedAt: object.optionalTimestamp('deleted_at'),
  };
}

export function supplierToLightspeed(supplier: RemoteSupplier): LightspeedJson {
  return {
    id: supplier.id,
    name: supplier.name,
    description: supplier.description,
    version: supplier.version,
    deleted_at: supplier.deletedAt,
  };
}
