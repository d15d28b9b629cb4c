import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { RemoteOutlet, RemoteProduct, RemoteSupplier } from '../dto/catalogue.js';
import { LightspeedMappingError } from '../errors.js';
import {
  outletFromLightspeed,
  outletToLightspeed,
  productFromLightspeed,
  productToLightspeed,
  supplierFromLightspeed,
  supplierToLightspeed,
} from './catalogue.mapping.js';

const timestamp = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());
const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
const version = fc.nat({ max: Number.MAX_SAFE_INTEGER });

describe('catalogue mapping', () => {
  it('reads a product with its supply price as Money', () => {
    expect(
      productFromLightspeed({
        id: 'p1',
        name: 'Mug',
        variant_name: 'Mug / Blue',
        sku: 'MUG-B',
        handle: 'mug',
        supply_price: '4.12345',
        supplier_id: 's1',
        active: true,
        has_inventory: true,
        is_composite: false,
        version: 12,
        deleted_at: null,
      }),
    ).toEqual({
      id: 'p1',
      name: 'Mug',
      variantName: 'Mug / Blue',
      sku: 'MUG-B',
      codes: [],
      supplyPrice: 41_234,
      supplierId: 's1',
      active: true,
      isComposite: false,
      version: 12,
      deletedAt: null,
    });
  });

  it("reads a product's codes, keeping an EAN or UPC only when its check digit holds", () => {
    const product = productFromLightspeed({
      id: 'p1',
      version: 3,
      product_codes: [
        { id: 'c1', type: 'EAN', code: '9300675024235' },
        { id: 'c2', type: 'upc', code: '036000291452' },
        { id: 'c3', type: 'EAN', code: '9300675024236' },
        { id: 'c4', type: 'CUSTOM', code: 'MUG B' },
        { id: 'c5', code: 'NO-TYPE' },
      ],
    });
    expect(product.codes).toEqual([
      { code: '9300675024235', type: 'EAN' },
      { code: '036000291452', type: 'UPC' },
      { code: '9300675024236', type: 'CUSTOM' },
      { code: 'MUG B', type: 'CUSTOM' },
      { code: 'NO-TYPE', type: 'CUSTOM' },
    ]);
    expect(productFromLightspeed({ id: 'p1', version: 3, product_codes: null }).codes).toEqual([]);
  });

  it('names the product code that is not one', () => {
    expect(() => productFromLightspeed({ id: 'p1', version: 3, product_codes: 'x' })).toThrow('product.product_codes');
    expect(() => productFromLightspeed({ id: 'p1', version: 3, product_codes: [{ type: 'EAN' }] })).toThrow('product.product_codes[0].code');
  });

  it('round-trips products, outlets and suppliers', () => {
    const product: fc.Arbitrary<RemoteProduct> = fc.record({
      id: fc.uuid(),
      name: fc.string(),
      variantName: nullable(fc.string()),
      sku: nullable(fc.string()),
      codes: fc.array(
        fc.oneof(
          fc.record({ code: fc.string({ minLength: 1 }), type: fc.constantFrom('CUSTOM', 'ISBN', 'ITF', 'JAN') }),
          fc.constantFrom({ code: '9300675024235', type: 'EAN' }, { code: '036000291452', type: 'UPC' }),
        ),
        { maxLength: 3 },
      ),
      supplyPrice: nullable(fc.integer({ min: -1e12, max: 1e12 })),
      supplierId: nullable(fc.uuid()),
      active: fc.boolean(),
      isComposite: fc.boolean(),
      version,
      deletedAt: nullable(timestamp),
    });
    const outlet: fc.Arbitrary<RemoteOutlet> = fc.record({
      id: fc.uuid(),
      name: fc.string(),
      timeZone: nullable(fc.constantFrom('Pacific/Auckland', 'Europe/Berlin')),
      currency: nullable(fc.constantFrom('NZD', 'EUR')),
      version,
      deletedAt: nullable(timestamp),
    });
    const supplier: fc.Arbitrary<RemoteSupplier> = fc.record({
      id: fc.uuid(),
      name: fc.string(),
      description: nullable(fc.string()),
      version,
      deletedAt: nullable(timestamp),
    });
    fc.assert(fc.property(product, (p) => void expect(productFromLightspeed(productToLightspeed(p))).toEqual(p)));
    fc.assert(fc.property(outlet, (o) => void expect(outletFromLightspeed(outletToLightspeed(o))).toEqual(o)));
    fc.assert(fc.property(supplier, (s) => void expect(supplierFromLightspeed(supplierToLightspeed(s))).toEqual(s)));
  });

  it('reads active flags written as numbers and defaults a missing one to active', () => {
    expect(productFromLightspeed({ id: 'p', version: 1, active: 0 }).active).toBe(false);
    expect(productFromLightspeed({ id: 'p', version: 1, active: '1' }).active).toBe(true);
    expect(productFromLightspeed({ id: 'p', version: 1 }).active).toBe(true);
  });

  it('reads whether a product is composite, a missing flag meaning it is not', () => {
    expect(productFromLightspeed({ id: 'p', version: 1, is_composite: true }).isComposite).toBe(true);
    expect(productFromLightspeed({ id: 'p', version: 1, is_composite: 0 }).isComposite).toBe(false);
    expect(productFromLightspeed({ id: 'p', version: 1 }).isComposite).toBe(false);
    expect(() => productFromLightspeed({ id: 'p', version: 1, is_composite: 'bundle' })).toThrow(/product\.is_composite/);
  });

  it('refuses catalogue records of the wrong shape', () => {
    expect(() => productFromLightspeed({ id: 'p', version: 1, active: 'maybe' })).toThrow(/product\.active/);
    expect(() => productFromLightspeed({ id: 'p', version: 1, supply_price: 'cheap' })).toThrow(LightspeedMappingError);
    expect(() => outletFromLightspeed({ id: 'o', version: 1, time_zone: 3 })).toThrow(/outlet\.time_zone/);
    expect(() => supplierFromLightspeed({ name: 'S', version: 1 })).toThrow(/supplier\.id/);
  });
});
