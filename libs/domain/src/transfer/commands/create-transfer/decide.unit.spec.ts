import { describe, expect, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import { CLERK, MUGS, TEA, create, historyTo, item } from '../../../testing/transfer-fixtures.js';
import type { TransferType } from '../../transfer-type.js';

const noHistory = [] as const;

describe('creating a transfer', () => {
  it('records who created it, its parties and its items with unset optional fields as null', () => {
    given(noHistory)
      .when(create('OUTLET_TRANSFER', { reference: '  RESTOCK-42 ', notes: '   ', items: [{ productId: MUGS, sku: 'MUG-1', quantity: 10 }] }))
      .then([
        {
          type: 'TransferCreated',
          data: {
            transferId: 't-outlet_transfer',
            transferType: 'OUTLET_TRANSFER',
            sourceOutletId: 'outlet-north',
            destinationOutletId: 'outlet-south',
            supplierId: null,
            reference: 'RESTOCK-42',
            notes: null,
            items: [{ productId: MUGS, sku: 'MUG-1', name: null, quantity: 10, unitCost: null }],
            createdBy: CLERK,
          },
        },
      ]);
  });

  it('starts every transfer OPEN with its items as planned lines and nothing packed, sent or received', () => {
    const state = given(noHistory).when(create('PURCHASE_ORDER')).thenState();
    expect(state).toMatchObject({ status: 'OPEN', version: 1, receipts: [], corrections: [], submittedBy: null });
    expect(state.lines.map((l) => [l.productId, l.plannedQuantity, l.packedQuantity, l.sentQuantity, l.receivedQuantity])).toEqual([
      [MUGS, 10, 0, 0, 0],
      [TEA, 4, 0, 0, 0],
    ]);
  });

  it('may start with no items at all', () => {
    given(noHistory).when(create('SUPPLIER_RETURN', { items: undefined })).thenStatus('OPEN');
  });

  describe('names exactly the parties its type moves stock between', () => {
    const cases: [TransferType, 'sourceOutletId' | 'destinationOutletId' | 'supplierId', 'required' | 'forbidden'][] = [
      ['OUTLET_TRANSFER', 'sourceOutletId', 'required'],
      ['OUTLET_TRANSFER', 'destinationOutletId', 'required'],
      ['OUTLET_TRANSFER', 'supplierId', 'forbidden'],
      ['PURCHASE_ORDER', 'supplierId', 'required'],
      ['PURCHASE_ORDER', 'destinationOutletId', 'required'],
      ['PURCHASE_ORDER', 'sourceOutletId', 'forbidden'],
      ['SUPPLIER_RETURN', 'sourceOutletId', 'required'],
      ['SUPPLIER_RETURN', 'supplierId', 'required'],
      ['SUPPLIER_RETURN', 'destinationOutletId', 'forbidden'],
      ['STOCKTAKE', 'destinationOutletId', 'required'],
      ['STOCKTAKE', 'sourceOutletId', 'forbidden'],
      ['STOCKTAKE', 'supplierId', 'forbidden'],
    ];

    it.each(cases.filter(([, , rule]) => rule === 'required'))('a %s without %s is refused', (type, party) => {
      given(noHistory).when(create(type, { [party]: null })).thenFails('INVALID_TRANSFER', { field: party });
      given(noHistory).when(create(type, { [party]: '   ' })).thenFails('INVALID_TRANSFER', { field: party });
    });

    it.each(cases.filter(([, , rule]) => rule === 'forbidden'))('a %s with a %s is refused', (type, party) => {
      given(noHistory).when(create(type, { [party]: 'somewhere' })).thenFails('INVALID_TRANSFER', { field: party });
    });
  });

  it.each(['OUTLET_TRANSFER', 'SUPPLIER_RETURN'] as const)('trims the party ids of a %s', (type) => {
    const state = given(noHistory).when(create(type, { sourceOutletId: '  outlet-north  ' })).thenState();
    expect(state.sourceOutletId).toBe('outlet-north');
  });

  it('refuses an outlet transfer from an outlet to itself, even when spelled with spaces', () => {
    given(noHistory)
      .when(create('OUTLET_TRANSFER', { sourceOutletId: 'outlet-north', destinationOutletId: ' outlet-north ' }))
      .thenFails('INVALID_TRANSFER', { field: 'destinationOutletId' });
  });

  it.each(['PURCHASE_ORDER', 'STOCKTAKE'] as const)('requires a unit cost on every %s line', (type) => {
    given(noHistory)
      .when(create(type, { items: [item(MUGS, 10), item(TEA, 4, null)] }))
      .thenFails('UNIT_COST_REQUIRED', { productId: TEA });
  });

  it.each(['OUTLET_TRANSFER', 'SUPPLIER_RETURN'] as const)('lets a %s line go without a unit cost', (type) => {
    given(noHistory).when(create(type, { items: [item(MUGS, 10, null)] })).thenStatus('OPEN');
  });

  it('accepts a free line (unit cost zero) but refuses a negative or fractional unit cost', () => {
    given(noHistory).when(create('PURCHASE_ORDER', { items: [item(MUGS, 10, 0)] })).thenStatus('OPEN');
    given(noHistory).when(create('PURCHASE_ORDER', { items: [item(MUGS, 10, -1)] })).thenFails('INVALID_TRANSFER', { field: 'unitCost' });
    given(noHistory).when(create('PURCHASE_ORDER', { items: [item(MUGS, 10, 2.5)] })).thenFails('INVALID_TRANSFER', { field: 'unitCost' });
  });

  it('refuses the same product twice', () => {
    given(noHistory)
      .when(create('OUTLET_TRANSFER', { items: [item(MUGS, 10), item(TEA, 1), item(MUGS, 2)] }))
      .thenFails('DUPLICATE_ITEM', { productId: MUGS });
  });

  it.each([
    ['a negative quantity', -1],
    ['a fractional quantity', 1.5],
    ['a quantity above a billion', 1_000_000_001],
  ])('refuses an item with %s', (_, quantity) => {
    given(noHistory).when(create('OUTLET_TRANSFER', { items: [item(MUGS, quantity)] })).thenFails('INVALID_TRANSFER', { field: 'quantity' });
  });

  it('refuses an item without a product id', () => {
    given(noHistory).when(create('OUTLET_TRANSFER', { items: [item(' ', 1)] })).thenFails('INVALID_TRANSFER', { field: 'productId' });
  });

  it('refuses a blank transfer id', () => {
    given(noHistory).when(create('OUTLET_TRANSFER', { transferId: '  ' })).thenFails('INVALID_TRANSFER', { field: 'transferId' });
  });

  it('refuses a type of movement it does not know', () => {
    given(noHistory)
      .when(create('OUTLET_TRANSFER', { transferType: 'CONSIGNMENT' as TransferType }))
      .thenFails('INVALID_TRANSFER', { field: 'type' });
  });

  it('refuses to create a transfer that already exists', () => {
    given(historyTo('OUTLET_TRANSFER', 'OPEN'))
      .when(create('OUTLET_TRANSFER'))
      .thenFails('TRANSFER_ALREADY_EXISTS', { transferId: 't-outlet_transfer' });
  });

  it('refuses a purchase order whose total cost is too large to be held exactly, instead of rounding it', () => {
    given([])
      .when({
        type: 'CreateTransfer',
        transferId: 'po-huge',
        transferType: 'PURCHASE_ORDER',
        supplierId: 'supplier-1',
        destinationOutletId: 'outlet-1',
        items: [
          { productId: 'a', quantity: 1_000_000_000, unitCost: 9_000_000_000 },
          { productId: 'b', quantity: 1, unitCost: 1 },
        ],
      })
      .thenFails('INVALID_TRANSFER', { field: 'unitCost' });
  });
});
