import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { RemoteConsignment, RemoteConsignmentLine } from '../dto/consignment.js';
import { LightspeedMappingError } from '../errors.js';
import {
  bulkResultFromLightspeed,
  consignmentLineFromLightspeed,
  consignmentLineToLightspeed,
  consignmentLineValuesToLightspeed,
  newConsignmentLineToLightspeed,
} from './consignment-line.mapping.js';
import {
  consignmentFromLightspeed,
  consignmentToLightspeed,
  consignmentUpdateToLightspeed,
  newConsignmentToLightspeed,
} from './consignment.mapping.js';
import { pageFromLightspeed, unwrapData } from './envelope.js';

const lightspeedConsignment = {
  id: '6f1c7a4e-0000-4000-8000-000000000001',
  type: 'OUTLET',
  status: 'SENT',
  outlet_id: 'dest-outlet',
  source_outlet_id: 'src-outlet',
  supplier_id: null,
  name: 'Weekly restock',
  reference: null,
  due_at: '2025-06-02T00:00:00+00:00',
  received_at: null,
  updated_at: '2025-05-30T10:01:44+00:00',
  deleted_at: null,
  version: 98231457,
  consignment_date: '2025-05-30 10:00:00',
};

const timestamp = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());
const id = fc.uuid();

const remoteConsignment: fc.Arbitrary<RemoteConsignment> = fc.record({
  id,
  type: fc.constantFrom('SUPPLIER', 'OUTLET', 'RETURN', 'STOCKTAKE' as const),
  status: fc.constantFrom('OPEN', 'SENT', 'DISPATCHED', 'STOCKTAKE_IN_PROGRESS', 'SOMETHING_NEW'),
  outletId: id,
  sourceOutletId: fc.option(id, { nil: null }),
  supplierId: fc.option(id, { nil: null }),
  name: fc.string(),
  reference: fc.option(fc.string(), { nil: null }),
  dueAt: fc.option(timestamp, { nil: null }),
  receivedAt: fc.option(timestamp, { nil: null }),
  version: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
  deletedAt: fc.option(timestamp, { nil: null }),
});

const remoteLine: fc.Arbitrary<RemoteConsignmentLine> = fc.record({
  productId: id,
  sku: fc.option(fc.string(), { nil: null }),
  count: fc.option(fc.nat({ max: 1e9 }), { nil: null }),
  received: fc.option(fc.nat({ max: 1e9 }), { nil: null }),
  cost: fc.option(fc.nat({ max: 1e12 }), { nil: null }),
  version: fc.option(fc.nat({ max: Number.MAX_SAFE_INTEGER }), { nil: null }),
});

describe('consignment mapping', () => {
  it('reads a Lightspeed consignment into camelCase with UTC timestamps', () => {
    expect(consignmentFromLightspeed(unwrapData({ data: lightspeedConsignment }, 'consignment'))).toEqual({
      id: '6f1c7a4e-0000-4000-8000-000000000001',
      type: 'OUTLET',
      status: 'SENT',
      outletId: 'dest-outlet',
      sourceOutletId: 'src-outlet',
      supplierId: null,
      name: 'Weekly restock',
      reference: null,
      dueAt: '2025-06-02T00:00:00.000Z',
      receivedAt: null,
      version: 98231457,
      deletedAt: null,
    });
  });

  it('round-trips any consignment through the Lightspeed shape', () => {
    fc.assert(
      fc.property(remoteConsignment, (consignment) => {
        expect(consignmentFromLightspeed(consignmentToLightspeed(consignment))).toEqual(consignment);
      }),
    );
  });

  it('passes an unknown future status through instead of failing', () => {
    expect(consignmentFromLightspeed({ ...lightspeedConsignment, status: 'DISPATCHED_SUCCESS' }).status).toBe(
      'DISPATCHED_SUCCESS',
    );
  });

  it('tolerates missing optional fields, empty ids, string versions and zone-less timestamps', () => {
    const sparse = consignmentFromLightspeed({
      id: 'c1',
      type: 'SUPPLIER',
      status: 'OPEN',
      outlet_id: 'o1',
      supplier_id: '',
      version: '42',
      received_at: '2025-05-30 10:01:44',
    });
    expect(sparse).toMatchObject({
      supplierId: null,
      sourceOutletId: null,
      name: '',
      version: 42,
      receivedAt: '2025-05-30T10:01:44.000Z',
      deletedAt: null,
    });
  });

  it.each([
    ['not an object', 'nope', /expected an object/],
    ['null', null, /expected an object, got null/],
    ['an array', [], /expected an object/],
    ['an unknown type', { ...lightspeedConsignment, type: 'TRANSFER' }, /consignment\.type: unknown consignment type/],
    ['a missing id', { ...lightspeedConsignment, id: undefined }, /consignment\.id/],
    ['a numeric outlet id', { ...lightspeedConsignment, outlet_id: 7 }, /consignment\.outlet_id/],
    ['a missing version', { ...lightspeedConsignment, version: undefined }, /consignment\.version/],
    ['a negative version', { ...lightspeedConsignment, version: -1 }, /version/],
    ['an unsafe version', { ...lightspeedConsignment, version: 2 ** 60 }, /version/],
    ['a garbage timestamp', { ...lightspeedConsignment, due_at: 'tomorrow' }, /consignment\.due_at/],
    ['a numeric name', { ...lightspeedConsignment, name: 5 }, /consignment\.name/],
  ])('refuses a consignment with %s', (_, json, message) => {
    expect(() => consignmentFromLightspeed(json)).toThrow(LightspeedMappingError);
    expect(() => consignmentFromLightspeed(json)).toThrow(message);
  });

  it('writes a new consignment as Lightspeed fields, leaving out what was not given', () => {
    expect(
      newConsignmentToLightspeed({
        type: 'SUPPLIER',
        outletId: 'o1',
        name: 'PO 17',
        supplierId: 's1',
        dueAt: '2025-06-02T00:00:00+02:00',
      }),
    ).toEqual({ type: 'SUPPLIER', outlet_id: 'o1', name: 'PO 17', supplier_id: 's1', due_at: '2025-06-01T22:00:00.000Z' });
  });

  it('writes an update with only the changed fields, nulls included', () => {
    expect(consignmentUpdateToLightspeed({ status: 'SENT', reference: null })).toEqual({ status: 'SENT', reference: null });
    expect(consignmentUpdateToLightspeed({ receivedAt: '2025-06-02T10:00:00Z', dueAt: null })).toEqual({
      received_at: '2025-06-02T10:00:00.000Z',
      due_at: null,
    });
    expect(() => consignmentUpdateToLightspeed({ dueAt: 'soon' })).toThrow(RangeError);
  });
});

describe('consignment line mapping', () => {
  it('reads a Lightspeed line: integer quantities and Money cost', () => {
    expect(
      consignmentLineFromLightspeed({
        product_id: 'p1',
        product_sku: 'ABC-123',
        count: '24.00000',
        received: '0.00000',
        cost: '3.50005',
        is_included: true,
        status: 'PENDING',
        deleted_at: null,
        version: 98231460,
      }),
    ).toEqual({ productId: 'p1', sku: 'ABC-123', count: 24, received: 0, cost: 35_000, version: 98231460 });
  });

  it('round-trips any line through the Lightspeed shape', () => {
    fc.assert(
      fc.property(remoteLine, (line) => {
        expect(consignmentLineFromLightspeed(consignmentLineToLightspeed(line))).toEqual(line);
      }),
    );
  });

  it('refuses a line with a fractional count, a bad cost or no product', () => {
    expect(() => consignmentLineFromLightspeed({ product_id: 'p1', count: '1.50000' })).toThrow(
      /consignment_product\.count: 1\.50000 is not a whole quantity/,
    );
    expect(() => consignmentLineFromLightspeed({ product_id: 'p1', cost: 'free' })).toThrow(LightspeedMappingError);
    expect(() => consignmentLineFromLightspeed({ count: '1' })).toThrow(/product_id/);
  });

  it('reads the sku from `sku` when `product_sku` is absent', () => {
    expect(consignmentLineFromLightspeed({ product_id: 'p1', sku: 'S' }).sku).toBe('S');
  });

  it('writes new lines and absolute values in Lightspeed notation', () => {
    expect(newConsignmentLineToLightspeed({ productId: 'p1', count: 3, cost: 12_500 })).toEqual({
      product_id: 'p1',
      count: '3.00000',
      cost: '1.25000',
    });
    expect(consignmentLineValuesToLightspeed({ received: 2 })).toEqual({ received: '2.00000' });
    expect(() => newConsignmentLineToLightspeed({ productId: 'p1', cost: 1 })).toThrow(/needs a count or a received/);
    expect(() => newConsignmentLineToLightspeed({ productId: 'p1', count: 0.5 })).toThrow(RangeError);
  });

  it('reads a bulk answer as a product map or as a list of lines', () => {
    expect(bulkResultFromLightspeed({ p1: { count: '3.00000', received: null }, p2: { received: '1.00000' } })).toEqual([
      { productId: 'p1', count: 3, received: null },
      { productId: 'p2', count: null, received: 1 },
    ]);
    expect(bulkResultFromLightspeed([{ product_id: 'p1', count: '2.00000', received: '0.00000' }])).toEqual([
      { productId: 'p1', count: 2, received: 0 },
    ]);
    expect(bulkResultFromLightspeed(null)).toEqual([]);
    expect(() => bulkResultFromLightspeed('ok')).toThrow(LightspeedMappingError);
    expect(() => bulkResultFromLightspeed({ p1: 'three' })).toThrow(/bulk\.p1/);
  });
});

describe('envelopes and pages', () => {
  it('reads a page and its version cursor', () => {
    const page = pageFromLightspeed(
      { data: [{ product_id: 'p1', count: '1.00000', version: 5 }], version: { min: 5, max: 5 } },
      'lines',
      consignmentLineFromLightspeed,
    );
    expect(page).toEqual({
      items: [{ productId: 'p1', sku: null, count: 1, received: null, cost: null, version: 5 }],
      versionMax: 5,
    });
  });

  it('reads an empty last page with or without a version block', () => {
    expect(pageFromLightspeed({ data: [] }, 'x', consignmentLineFromLightspeed)).toEqual({ items: [], versionMax: null });
    expect(pageFromLightspeed({ data: null, version: null }, 'x', consignmentLineFromLightspeed)).toEqual({
      items: [],
      versionMax: null,
    });
  });

  it('refuses a body without the data envelope and a page whose data is not a list', () => {
    expect(() => unwrapData({ id: 'c1' }, 'consignment')).toThrow(/consignment\.data: missing the data envelope/);
    expect(() => pageFromLightspeed({ data: {} }, 'lines', consignmentLineFromLightspeed)).toThrow(/lines\.data: expected an array/);
    expect(() => pageFromLightspeed({ data: [], version: { max: 'x' } }, 'lines', consignmentLineFromLightspeed)).toThrow(
      /lines\.version\.max/,
    );
  });

  it('names the failing item of a page', () => {
    expect(() => pageFromLightspeed({ data: [{ product_id: 'p1' }, {}] }, 'lines', consignmentLineFromLightspeed)).toThrow(
      /lines\.data\[1\]\.product_id/,
    );
  });
});
