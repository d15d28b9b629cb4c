import { createRandom, pick, randomUuid } from '../shared/prng.js';
import { toUnits } from '../shared/decimal.js';
import { isoTimestamp } from '../shared/timestamps.js';
import type { Store } from '../store/store.js';
import { seededProductCodes } from '../product-codes/product-codes.js';
import { ADJECTIVES, NOUNS, OUTLETS, SUPPLIERS, VARIANTS } from './catalogue-words.js';

export const SEED_PRODUCTS = 2000;
/** Every 200th seeded product is a composite (consignments refuse those). */
export const COMPOSITE_EVERY = 200;
/** Soft-deleted products on top of the live catalogue, visible with `deleted=true`. */
export const SEED_DELETED_PRODUCTS = 10;

const SEEDED_AT = isoTimestamp(Date.UTC(2025, 0, 1));

/** Fills an empty store: 6 outlets, 4 suppliers, 2,000 live products (+10 deleted). Same seed, same store. */
export function seedStore(store: Store): void {
  const random = createRandom(store.seed ^ 0x5eed);
  const base = { created_at: SEEDED_AT, updated_at: SEEDED_AT, deleted_at: null };

  for (const outlet of OUTLETS) {
    const id = randomUuid(random);
    store.outlets.set(id, {
      ...base,
      id,
      name: outlet.name,
      time_zone: outlet.time_zone,
      currency: outlet.currency,
      currency_symbol: outlet.symbol,
      physical_city: outlet.city,
      version: store.nextVersion(),
    });
  }

  const supplierIds: string[] = [];
  for (const supplier of SUPPLIERS) {
    const id = randomUuid(random);
    supplierIds.push(id);
    store.suppliers.set(id, {
      ...base,
      id,
      name: supplier.name,
      description: `${supplier.name} (sandbox)`,
      default_markup: toUnits(Math.round(random() * 100)),
      contact: {
        first_name: supplier.first,
        last_name: supplier.last,
        email: `${supplier.first.toLowerCase()}@example.test`,
      },
      version: store.nextVersion(),
    });
  }

  for (let index = 1; index <= SEED_PRODUCTS + SEED_DELETED_PRODUCTS; index += 1) {
    const id = randomUuid(random);
    const name = `${pick(random, ADJECTIVES)} ${pick(random, NOUNS)}`;
    const variant = pick(random, VARIANTS);
    const sku = `SKU-${String(index).padStart(5, '0')}`;
    const supplierId = index % 17 === 0 ? null : pick(random, supplierIds);
    store.products.set(id, {
      id,
      created_at: SEEDED_AT,
      updated_at: SEEDED_AT,
      name: `${name} / ${variant}`,
      variant_name: variant,
      sku,
      product_codes: seededProductCodes(index),
      handle: `${name}-${variant}`.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      supply_price: toUnits(Math.round((0.5 + random() * 150) * 100) / 100),
      supplier_id: supplierId,
      supplier_code: supplierId === null ? null : `SC-${index}`,
      active: true,
      has_inventory: true,
      is_composite: index <= SEED_PRODUCTS && index % COMPOSITE_EVERY === 0,
      variant_parent_id: null,
      deleted_at: index > SEED_PRODUCTS ? SEEDED_AT : null,
      version: store.nextVersion(),
    });
  }
}
