import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { price } from './money.js';

describe('price', () => {
  it('shows cents as a sum with two decimals, naming the currency when there is one', () => {
    expect(price(1_250, null)).toBe('$12.50');
    expect(price(5, 'NZD')).toBe('0.05 NZD');
    expect(price(0, 'AUD')).toBe('0.00 AUD');
  });

  it('never loses a cent', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), (cents) => Math.round(Number(price(cents, 'NZD').split(' ')[0]) * 100) === cents));
  });
});
