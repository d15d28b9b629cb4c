import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { bookingOrderNumber, MAX_ORDER_NUMBER_LENGTH, transferOfOrderNumber } from './shipment.js';

const version = fc.integer({ min: 0, max: 1_000_000 });

describe("a booking's carrier order number", () => {
  it('names its transfer and box-set version, and reads back to them', () => {
    fc.assert(
      fc.property(fc.uuid(), version, (transferId, boxSetVersion) => {
        const orderNumber = bookingOrderNumber(transferId, boxSetVersion);
        expect(orderNumber.length).toBeLessThanOrEqual(MAX_ORDER_NUMBER_LENGTH);
        expect(transferOfOrderNumber(orderNumber)).toEqual({ transferId, boxSetVersion });
      }),
    );
  });

  it('differs for any other transfer or version', () => {
    fc.assert(
      fc.property(fc.uuid(), version, fc.uuid(), version, (a, av, b, bv) => {
        fc.pre(a !== b || av !== bv);
        expect(bookingOrderNumber(a, av)).not.toBe(bookingOrderNumber(b, bv));
      }),
    );
  });

  it('reads nothing from an order number this service did not make', () => {
    for (const other of ['', '17062', 'TR-', 'TR-abc', 'TR-abc-v', 'TR-abc-vx', 'TX-0123456789abcdef', 'tr-abc-v1', 'TR-a b-v1', 'TR-abc-v01']) {
      expect(transferOfOrderNumber(other)).toBeNull();
    }
  });
});
