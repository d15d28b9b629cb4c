import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { bookingOrderNumber as domainOrderNumber } from '#domain';
import { bookingOrderNumber, MAX_ORDER_NUMBER_LENGTH } from './order-number.js';

const transferIds = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 80 }), fc.stringMatching(/^[A-Za-z0-9_-]{1,60}$/));
const versions = fc.nat({ max: Number.MAX_SAFE_INTEGER });

describe('bookingOrderNumber', () => {
  it('is deterministic and at most 50 characters', () => {
    fc.assert(
      fc.property(transferIds, versions, (id, version) => {
        const number = bookingOrderNumber(id, version);
        expect(number.length).toBeGreaterThan(0);
        expect(number.length).toBeLessThanOrEqual(MAX_ORDER_NUMBER_LENGTH);
        expect(bookingOrderNumber(id, version)).toBe(number);
      }),
    );
  });

  it('differs for different transfers or versions', () => {
    fc.assert(
      fc.property(transferIds, versions, transferIds, versions, (a, va, b, vb) => {
        fc.pre(a !== b || va !== vb);
        expect(bookingOrderNumber(a, va)).not.toBe(bookingOrderNumber(b, vb));
      }),
      { numRuns: 2_000 },
    );
    expect(bookingOrderNumber('a-v1', 2)).not.toBe(bookingOrderNumber('a', 12));
  });

  it('is readable for a UUID', () => {
    expect(bookingOrderNumber('0190f4c2-7d3e-7a11-9c55-2f1e0a6b8c01', 3)).toBe('TR-0190f4c2-7d3e-7a11-9c55-2f1e0a6b8c01-v3');
    expect(bookingOrderNumber('x'.repeat(60), 1)).toMatch(/^TX-[0-9a-f]{40}$/);
  });

  it('refuses an empty transfer id and a version that is not a whole number', () => {
    expect(() => bookingOrderNumber('', 1)).toThrow(RangeError);
    expect(() => bookingOrderNumber('t', -1)).toThrow(RangeError);
    expect(() => bookingOrderNumber('t', 1.5)).toThrow(RangeError);
  });

  it('is the domain’s order number (the one a BookingRequested carries) for every transfer id, a uuid', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.nat({ max: 999_999_999 }), (id, version) => {
        expect(bookingOrderNumber(id, version)).toBe(domainOrderNumber(id, version));
        expect(bookingOrderNumber(id, version)).toBe(`TR-${id}-v${version}`);
      }),
    );
  });
});
