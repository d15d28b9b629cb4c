import { describe, expect, it } from '@jest/globals';
import { given } from '../../../testing/decider-spec.js';
import { BOX_1, BOX_2, CARTON, addBox } from '../../../testing/box-fixtures.js';
import { CLERK, fold, history, historyTo, nameOf, create } from '../../../testing/transfer-fixtures.js';
import { mayAct } from '../../access-policy.js';
import { affectsLightspeed } from '../../event-catalogue.js';

const NORTH_TO_SOUTH = { type: 'OUTLET_TRANSFER', sourceOutletId: 'north', destinationOutletId: 'south' } as const;

describe('adding a box to a transfer', () => {
  it('records the box with its box type as it is now, its scanned label and who added it', () => {
    given(historyTo('OUTLET_TRANSFER', 'OPEN'))
      .when(addBox(BOX_1, '  BX-0001 '))
      .then([{ type: 'BoxAdded', data: { boxId: BOX_1, boxType: CARTON, label: 'BX-0001', by: { id: CLERK, name: nameOf(CLERK) } } }]);
  });

  it('starts the box empty and unweighed, and stamps the version the boxes last changed at', () => {
    const past = historyTo('OUTLET_TRANSFER', 'PACKING');
    const state = given(past).when(addBox(BOX_1)).thenState();
    expect(state.status).toBe('PACKING');
    expect(state.boxes).toEqual([
      { boxId: BOX_1, boxType: CARTON, label: null, contents: [], measuredWeightG: null, addedAt: expect.any(String), version: past.length + 1 },
    ]);
    expect(state.boxSetVersion).toBe(past.length + 1);
    expect(fold(past)!.boxSetVersion).toBe(0);
  });

  it.each([
    ['OUTLET_TRANSFER', 'OPEN'],
    ['OUTLET_TRANSFER', 'PACKING'],
    ['OUTLET_TRANSFER', 'PACKED'],
    ['SUPPLIER_RETURN', 'OPEN'],
    ['SUPPLIER_RETURN', 'PENDING_APPROVAL'],
    ['SUPPLIER_RETURN', 'APPROVED'],
  ] as const)('is allowed on a %s in %s, while the goods are with the sender, and moves no status', (type, status) => {
    given(historyTo(type, status)).when(addBox(BOX_1)).thenStatus(status);
  });

  it.each([
    ['OUTLET_TRANSFER', 'SENT'],
    ['OUTLET_TRANSFER', 'RECEIVING'],
    ['OUTLET_TRANSFER', 'RECEIVED'],
    ['OUTLET_TRANSFER', 'CANCELLED'],
    ['SUPPLIER_RETURN', 'SENT'],
    ['SUPPLIER_RETURN', 'CANCELLED'],
  ] as const)('is refused on a %s in %s: the boxes are frozen once the goods have left (or never will)', (type, status) => {
    given(historyTo(type, status)).when(addBox(BOX_1)).thenFails('BOXES_FROZEN', { currentStatus: status });
  });

  it.each(['PURCHASE_ORDER', 'STOCKTAKE'] as const)('is refused on a %s, which ships nothing in our boxes', (type) => {
    given(historyTo(type, 'OPEN')).when(addBox(BOX_1)).thenFails('BOXES_NOT_SHIPPED', { transferType: type });
  });

  it('takes the same box sent again as already done, and another box under its id as a conflict', () => {
    const withBox = history(create('OUTLET_TRANSFER'), addBox(BOX_1, 'BX-0001'));
    given(withBox).when(addBox(BOX_1, 'BX-0001')).thenNothingHappens();
    given(withBox).when(addBox(BOX_1, 'BX-0002')).thenFails('BOX_ID_CONFLICT', { boxId: BOX_1 });
    given(withBox).when(addBox(BOX_1, 'BX-0001', { ...CARTON, maxWeightG: 20_000 })).thenFails('BOX_ID_CONFLICT', { boxId: BOX_1 });
  });

  it('refuses a label already on another box of the transfer, and takes any number of unlabelled boxes', () => {
    const withBox = history(create('OUTLET_TRANSFER'), addBox(BOX_1, 'BX-0001'));
    given(withBox).when(addBox(BOX_2, 'BX-0001')).thenFails('DUPLICATE_BOX_LABEL', { label: 'BX-0001' });
    const unlabelled = history(create('OUTLET_TRANSFER'), addBox(BOX_1));
    expect(given(unlabelled).when(addBox(BOX_2)).thenState().boxes).toHaveLength(2);
  });

  it('takes a label of up to 64 characters, and refuses a longer or blank one', () => {
    const open = historyTo('OUTLET_TRANSFER', 'OPEN');
    given(open).when(addBox(BOX_1, 'L'.repeat(64))).thenStatus('OPEN');
    given(open).when(addBox(BOX_1, 'L'.repeat(65))).thenFails('INVALID_TRANSFER', { field: 'label' });
    given(open).when(addBox(BOX_1, '   ')).thenFails('INVALID_TRANSFER', { field: 'label' });
  });

  it('needs a box id, a transfer and a box type that is one', () => {
    given(historyTo('OUTLET_TRANSFER', 'OPEN')).when(addBox(' ')).thenFails('INVALID_TRANSFER', { field: 'boxId' });
    given([]).when(addBox(BOX_1)).thenFails('TRANSFER_NOT_FOUND');
    given(historyTo('OUTLET_TRANSFER', 'OPEN')).when(addBox(BOX_1, null, { ...CARTON, maxWeightG: 0 })).thenFails('INVALID_BOX_TYPE');
  });

  it('is the sending side’s work, as packing is: not the receiving outlet’s staff, not an auditor’s', () => {
    expect(mayAct({ roles: ['staff'], outlets: ['north'] }, 'packBoxes', NORTH_TO_SOUTH)).toBe(true);
    expect(mayAct({ roles: ['staff'], outlets: ['south'] }, 'packBoxes', NORTH_TO_SOUTH)).toBe(false);
    expect(mayAct({ roles: ['auditor'], outlets: ['north'] }, 'packBoxes', NORTH_TO_SOUTH)).toBe(false);
    expect(mayAct({ roles: ['manager'], outlets: [] }, 'packBoxes', NORTH_TO_SOUTH)).toBe(true);
  });

  it('is no business of Lightspeed, nor is any other box event', () => {
    for (const type of ['BoxAdded', 'ItemsBoxed', 'ItemsUnboxed', 'BoxWeighed', 'BoxRemoved']) expect(affectsLightspeed(type)).toBe(false);
  });
});
