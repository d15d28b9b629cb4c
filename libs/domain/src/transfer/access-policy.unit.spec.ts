import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  ACCESS_TABLE,
  mayAct,
  OUTLET_SIDES,
  readableOutlets,
  ROLES,
  TRANSFER_ACTIONS,
  type AccessSubject,
  type Role,
  type TransferAction,
  type TransferPlace,
} from './access-policy.js';
import { TRANSFER_TYPES } from './transfer-type.js';
import { TRANSITIONS } from './transition-policy.js';

const A_TO_B: TransferPlace = { type: 'OUTLET_TRANSFER', sourceOutletId: 'A', destinationOutletId: 'B' };
const ORDER_FOR_B: TransferPlace = { type: 'PURCHASE_ORDER', sourceOutletId: null, destinationOutletId: 'B' };
const RETURN_FROM_A: TransferPlace = { type: 'SUPPLIER_RETURN', sourceOutletId: 'A', destinationOutletId: null };
const COUNT_AT_B: TransferPlace = { type: 'STOCKTAKE', sourceOutletId: null, destinationOutletId: 'B' };

const subject = (roles: Role[], outlets: string[] = []): AccessSubject => ({ roles, outlets });
const allowed = (who: AccessSubject, transfer: TransferPlace) => TRANSFER_ACTIONS.filter((action) => mayAct(who, action, transfer));

/** What the sending side's staff may do (the transition table decides which of these a type and status offer). */
const SENDING_WORK: TransferAction[] = [
  'create',
  'addItem',
  'changeItemQuantity',
  'removeItem',
  'recordPacked',
  'pack',
  'submit',
  'send',
  'recordCount',
  'complete',
  'cancel',
];

describe('who may act on a transfer, and at which outlet', () => {
  it('covers every action of the transition table, plus reading, creating, adding a note, retrying the sync, packing boxes, booking a shipment and (workers only) recording it', () => {
    expect(Object.keys(ACCESS_TABLE).sort()).toEqual(['read', 'create', ...TRANSITIONS, 'addNote', 'retrySync', 'packBoxes', 'bookShipment', 'recordShipment'].sort());
  });

  it('decides each role with its own scope: staff of C who also audit may read an A → B transfer but not cancel or receive it', () => {
    const staffAuditorAtC = subject(['staff', 'auditor'], ['C']);
    expect(allowed(staffAuditorAtC, A_TO_B)).toEqual(['read']);
  });

  it('leaves receiving to the destination: the sending outlet may not confirm its own delivery', () => {
    expect(allowed(subject(['staff'], ['A']), A_TO_B)).toEqual(['read', ...SENDING_WORK, 'addNote', 'packBoxes', 'bookShipment']);
    expect(mayAct(subject(['staff'], ['A']), 'receivePartial', A_TO_B)).toBe(false);
    expect(mayAct(subject(['staff'], ['A']), 'receiveFinal', A_TO_B)).toBe(false);
  });

  it('leaves making up, packing, sending and cancelling to the source: the destination only reads, receives and notes', () => {
    expect(allowed(subject(['staff'], ['B']), A_TO_B)).toEqual(['read', 'receivePartial', 'receiveFinal', 'addNote']);
  });

  it('lets staff working at both outlets act as either side', () => {
    expect(allowed(subject(['staff'], ['A', 'B']), A_TO_B)).toEqual(
      TRANSFER_ACTIONS.filter((action) => ACCESS_TABLE[action].staff !== undefined),
    );
  });

  it('gives a purchase order to the outlet that orders: it raises, submits, sends and receives it', () => {
    expect(allowed(subject(['staff'], ['B']), ORDER_FOR_B)).toEqual(
      TRANSFER_ACTIONS.filter((action) => ACCESS_TABLE[action].staff !== undefined),
    );
    expect(allowed(subject(['staff'], ['A']), ORDER_FOR_B)).toEqual([]);
  });

  it('gives a supplier return to the returning outlet, and its receipt to nobody here', () => {
    expect(allowed(subject(['staff'], ['A']), RETURN_FROM_A)).toEqual(
      TRANSFER_ACTIONS.filter((action) => ACCESS_TABLE[action].staff !== undefined && !action.startsWith('receive')),
    );
  });

  it('gives a stocktake to the counted outlet', () => {
    expect(allowed(subject(['staff'], ['B']), COUNT_AT_B)).toEqual(expect.arrayContaining(['create', 'recordCount', 'submit', 'complete', 'cancel']));
    expect(allowed(subject(['staff'], ['A']), COUNT_AT_B)).toEqual([]);
  });

  it('lets managers and admins act at every outlet, managers alone approve, reject and correct, admins alone retry the sync, auditors only read', () => {
    const anywhere = (roles: Role[]) => allowed(subject(roles, ['elsewhere']), A_TO_B);
    const workflow = TRANSFER_ACTIONS.filter((action) => ACCESS_TABLE[action].staff !== undefined);
    expect(anywhere(['manager'])).toEqual(([...workflow, 'approve', 'reject', 'correctReceipt'] as TransferAction[]).sort(byTableOrder));
    expect(anywhere(['admin'])).toEqual(([...workflow, 'retrySync'] as TransferAction[]).sort(byTableOrder));
    expect(anywhere(['auditor'])).toEqual(['read']);
    expect(anywhere(['staff', 'manager'])).toEqual(anywhere(['manager']));
  });

  it('lets nobody note external changes (only the Lightspeed worker does)', () => {
    expect(ROLES.filter((role) => mayAct(subject([role], ['A', 'B']), 'noteExternalChange', A_TO_B))).toEqual([]);
  });

  it('names a sending side for every type, and a receiving side exactly where stock arrives at an outlet of ours', () => {
    for (const type of TRANSFER_TYPES) expect(OUTLET_SIDES[type].sending).not.toBeNull();
    expect(TRANSFER_TYPES.filter((type) => OUTLET_SIDES[type].receiving !== null)).toEqual(['OUTLET_TRANSFER', 'PURCHASE_ORDER']);
  });

  it('refuses outlet-bound staff a transfer whose type is unknown (creation validates it later)', () => {
    const unknown = { type: 'TELEPORT', sourceOutletId: 'A', destinationOutletId: 'B' } as unknown as TransferPlace;
    expect(mayAct(subject(['staff'], ['A', 'B']), 'create', unknown)).toBe(false);
    expect(mayAct(subject(['manager']), 'create', unknown)).toBe(true);
  });
});

const roles = fc.subarray([...ROLES], { minLength: 0 });
const outlets = fc.subarray(['A', 'B', 'C'], { minLength: 0 });
const places = fc.constantFrom(A_TO_B, ORDER_FOR_B, RETURN_FROM_A, COUNT_AT_B);
const actions = fc.constantFrom(...TRANSFER_ACTIONS);

describe('the access decision, for any token', () => {
  it('is allowed exactly when one of its roles alone would be allowed (no role widens or narrows another)', () => {
    fc.assert(
      fc.property(roles, outlets, actions, places, (someRoles, someOutlets, action, place) => {
        const together = mayAct(subject(someRoles, someOutlets), action, place);
        const alone = someRoles.some((role) => mayAct(subject([role], someOutlets), action, place));
        expect(together).toBe(alone);
      }),
    );
  });

  it('never depends on outlets for a role granted at any outlet, and always on them for staff', () => {
    fc.assert(
      fc.property(outlets, outlets, actions, places, (some, other, action, place) => {
        for (const role of ['manager', 'auditor', 'admin'] as const) {
          expect(mayAct(subject([role], some), action, place)).toBe(mayAct(subject([role], other), action, place));
        }
        expect(mayAct(subject(['staff'], []), action, place)).toBe(false);
      }),
    );
  });

  it('agrees with the outlets the transfer list is filtered to', () => {
    fc.assert(
      fc.property(roles, outlets, places, (someRoles, someOutlets, place) => {
        const who = subject(someRoles, someOutlets);
        const visible = readableOutlets(who);
        const touched = [place.sourceOutletId, place.destinationOutletId].filter((outlet) => outlet !== null);
        const listed = visible === null || touched.some((outlet) => visible.includes(outlet as string));
        expect(listed).toBe(mayAct(who, 'read', place));
      }),
    );
  });
});

function byTableOrder(a: TransferAction, b: TransferAction): number {
  return TRANSFER_ACTIONS.indexOf(a) - TRANSFER_ACTIONS.indexOf(b);
}
