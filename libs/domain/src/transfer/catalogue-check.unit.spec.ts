import { describe, expect, it } from '@jest/globals';
import {
  addItem,
  changeQuantity,
  complete,
  correct,
  count,
  create,
  line,
  MUGS,
  receiveFinal,
  receivePartial,
  recordPacked,
  send,
  stateAt,
  TEA,
} from '../testing/transfer-fixtures.js';
import { DomainError } from '../shared/domain-error.js';
import { catalogueQuestion, NO_CATALOGUE_FINDINGS, productsAddedBy, productsBoundForLightspeed, referencesOf, requireCatalogueAccepts } from './catalogue-check.js';
import type { TransferCommand } from './commands.js';

const GIFT_BOX = 'p-gift-box';

describe('the catalogue references a command makes', () => {
  it('a create names its outlets, supplier and every product', () => {
    expect(referencesOf(create('PURCHASE_ORDER'), null)).toEqual({ outletIds: ['outlet-south'], supplierIds: ['supplier-acme'], productIds: [MUGS, TEA] });
    expect(referencesOf(create('OUTLET_TRANSFER', { items: [] }), null)).toEqual({ outletIds: ['outlet-north', 'outlet-south'], supplierIds: [], productIds: [] });
  });

  it('only products not yet on the transfer are new: an added line, a count, a receipt’s extra items', () => {
    const open = stateAt('OUTLET_TRANSFER', 'OPEN');
    const sent = stateAt('OUTLET_TRANSFER', 'SENT');
    const counting = stateAt('STOCKTAKE', 'OPEN');
    const cases: [TransferCommand, typeof open, string[]][] = [
      [addItem(GIFT_BOX, 1), open, [GIFT_BOX]],
      [count(GIFT_BOX, 1), counting, [GIFT_BOX]],
      [count(MUGS, 9), counting, []],
      [receivePartial('r-1', line(MUGS, 10), line(GIFT_BOX, 1, 'EXTRA')), sent, [GIFT_BOX]],
      [receiveFinal('r-2', line(MUGS, 10), line(TEA, 4)), sent, []],
      // These act on lines the transfer already has.
      [changeQuantity(MUGS, 3), open, []],
      [recordPacked(MUGS, 3), open, []],
      [correct('recount', line(GIFT_BOX, 1)), stateAt('OUTLET_TRANSFER', 'RECEIVED'), []],
    ];
    for (const [command, state, expected] of cases) {
      expect(productsAddedBy(command, state)).toEqual(expected);
      expect(referencesOf(command, state)).toEqual({ outletIds: [], supplierIds: [], productIds: expected });
    }
  });

  it('sending a transfer or completing a stocktake takes every line to Lightspeed, once: not when it is already mirrored', () => {
    expect(productsBoundForLightspeed(send, stateAt('OUTLET_TRANSFER', 'PACKED'))).toEqual([MUGS, TEA]);
    expect(productsBoundForLightspeed(send, stateAt('PURCHASE_ORDER', 'OPEN'))).toEqual([MUGS, TEA]);
    expect(productsBoundForLightspeed(complete, stateAt('STOCKTAKE', 'IN_PROGRESS'))).toEqual([MUGS, TEA]);
    expect(productsBoundForLightspeed(send, stateAt('OUTLET_TRANSFER', 'SENT'))).toEqual([]);
    expect(productsBoundForLightspeed(complete, stateAt('STOCKTAKE', 'COMPLETED'))).toEqual([]);
    expect(productsBoundForLightspeed(send, null)).toEqual([]);
    expect(productsBoundForLightspeed(addItem(GIFT_BOX, 1), stateAt('OUTLET_TRANSFER', 'OPEN'))).toEqual([GIFT_BOX]);
  });

  it('asks the catalogue, before the transfer is loaded, of every id the command names and, to mirror it, of its lines', () => {
    expect(catalogueQuestion(create('PURCHASE_ORDER'))).toEqual({ outletIds: ['outlet-south'], supplierIds: ['supplier-acme'], productIds: [MUGS, TEA], includeTransferLines: false });
    expect(catalogueQuestion(send)).toEqual({ outletIds: [], supplierIds: [], productIds: [], includeTransferLines: true });
    expect(catalogueQuestion(complete).includeTransferLines).toBe(true);
  });
});

describe('the catalogue check, given what the catalogue answered', () => {
  const refusal = (run: () => void) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      return error as DomainError;
    }
    throw new Error('expected a refusal');
  };

  it('refuses a product Lightspeed does not have that the command puts on the transfer, naming each unknown id', () => {
    const findings = { ...NO_CATALOGUE_FINDINGS, unknown: { outletIds: ['outlet-south'], supplierIds: [], productIds: [TEA, 'p-other'] } };
    const refused = refusal(() => requireCatalogueAccepts(create('PURCHASE_ORDER'), null, findings));
    expect(refused).toMatchObject({ code: 'UNKNOWN_REFERENCE', message: `Lightspeed has no outlet outlet-south, product ${TEA}` });
    expect(refused.details).toEqual({ unknown: { outletIds: ['outlet-south'], supplierIds: [], productIds: [TEA] } });
  });

  it('lets a product already on the transfer through, whatever the catalogue says of it now', () => {
    const findings = { ...NO_CATALOGUE_FINDINGS, unknown: { outletIds: [], supplierIds: [], productIds: [MUGS] } };
    expect(() => requireCatalogueAccepts(receivePartial('r-1', line(MUGS, 1)), stateAt('OUTLET_TRANSFER', 'SENT'), findings)).not.toThrow();
  });

  it('refuses to mirror a composite product, in the order of the lines, naming it by name and SKU', () => {
    const findings = { ...NO_CATALOGUE_FINDINGS, composites: [{ productId: TEA, name: 'Tea box', sku: 'T-1' }, { productId: MUGS, name: 'Mugs', sku: null }] };
    const refused = refusal(() => requireCatalogueAccepts(send, stateAt('OUTLET_TRANSFER', 'PACKED'), findings));
    expect(refused.code).toBe('COMPOSITE_PRODUCT');
    expect(refused.message).toBe(`Lightspeed takes no composite product on a consignment: ${MUGS} (Mugs), ${TEA} (Tea box, SKU T-1); add the component products instead`);
    expect(() => requireCatalogueAccepts(send, stateAt('OUTLET_TRANSFER', 'SENT'), findings)).not.toThrow();
  });

  it('accepts everything while the catalogue knows of no problem', () => {
    expect(() => requireCatalogueAccepts(create('PURCHASE_ORDER'), null, NO_CATALOGUE_FINDINGS)).not.toThrow();
  });
});
