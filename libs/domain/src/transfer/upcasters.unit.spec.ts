import { describe, expect, it } from '@jest/globals';
import { CURRENT_SCHEMA_VERSION, TRANSFER_EVENT_TYPES } from './event-catalogue.js';
import { TRANSFER_UPCASTERS, upcast, type UpcasterRegistry } from './upcasters.js';

/**
 * A made-up history of ItemAdded: v1 stored a flat `productId` and `qty`; v2 nested them under
 * `item`; v3 added the optional fields. Today's code would be at v3.
 */
const registry: UpcasterRegistry = {
  'ItemAdded@1': ({ productId, qty }) => ({ item: { productId, quantity: qty } }),
  'ItemAdded@2': ({ item }) => ({ item: { sku: null, name: null, unitCost: null, ...(item as object) } }),
};
const versions = { ...CURRENT_SCHEMA_VERSION, ItemAdded: 3 };

describe('upcasting a stored event', () => {
  it('lifts a v1 payload one version at a time to the current shape', () => {
    expect(upcast('ItemAdded', 1, { productId: 'p-mug', qty: 4 }, registry, versions)).toEqual({
      type: 'ItemAdded',
      data: { item: { productId: 'p-mug', quantity: 4, sku: null, name: null, unitCost: null } },
    });
  });

  it('starts from the version the event was stored at', () => {
    expect(upcast('ItemAdded', 2, { item: { productId: 'p-mug', quantity: 4 } }, registry, versions).data).toEqual({
      item: { productId: 'p-mug', quantity: 4, sku: null, name: null, unitCost: null },
    });
  });

  it('passes a current payload through untouched', () => {
    const payload = { productId: 'p-mug' };
    expect(upcast('ItemRemoved', 1, payload)).toEqual({ type: 'ItemRemoved', data: payload });
  });

  it('refuses an event type it does not know, including names of Object members', () => {
    expect(() => upcast('ItemStolen', 1, {})).toThrow('Unknown event type ItemStolen');
    expect(() => upcast('constructor', 1, {})).toThrow('Unknown event type constructor');
    expect(() => upcast('toString', 1, {})).toThrow('Unknown event type toString');
  });

  it('refuses an event written by newer code than this', () => {
    expect(() => upcast('ItemAdded', 4, {}, registry, versions)).toThrow('ItemAdded v4 is newer than this code understands (v3)');
  });

  it('refuses to skip a version it has no step for', () => {
    const { 'ItemAdded@2': _missing, ...withoutSecondStep } = registry;
    expect(() => upcast('ItemAdded', 1, { productId: 'p-mug', qty: 4 }, withoutSecondStep, versions)).toThrow(
      'No upcaster for ItemAdded from v2',
    );
  });

  it('ships a step for every older version of every event type', () => {
    const missing = TRANSFER_EVENT_TYPES.flatMap((type) =>
      Array.from({ length: CURRENT_SCHEMA_VERSION[type] - 1 }, (_, index) => `${type}@${index + 1}`),
    ).filter((key) => !(key in TRANSFER_UPCASTERS));
    expect(missing).toEqual([]);
  });
});

describe('a receipt recorded before evidence could be attached', () => {
  it('loads with no evidence', () => {
    const v1 = { receiptId: 'r-1', receivedBy: 'clerk', final: false, overReceiptConfirmed: false, lines: [] };
    expect(upcast('ReceiptRecorded', 1, v1)).toEqual({ type: 'ReceiptRecorded', data: { ...v1, evidence: [] } });
    expect(upcast('ReceiptRecorded', 2, { ...v1, evidence: [] }).data).toEqual({ ...v1, evidence: [] });
  });
});
