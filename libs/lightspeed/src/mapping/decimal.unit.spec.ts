import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { LightspeedMappingError } from '../errors.js';
import { formatCost, formatQuantity, parseCost, parseQuantity } from './decimal.js';

describe('Lightspeed decimals', () => {
  it('reads whole quantities from five-decimal strings and plain numbers', () => {
    expect(parseQuantity('24.00000', 'count')).toBe(24);
    expect(parseQuantity('0', 'count')).toBe(0);
    expect(parseQuantity(' 7.0 ', 'count')).toBe(7);
    expect(parseQuantity(12, 'count')).toBe(12);
    expect(parseQuantity('-3.00000', 'count')).toBe(-3);
    expect(Object.is(parseQuantity('-0.00000', 'count'), 0)).toBe(true);
  });

  it('refuses a fractional quantity instead of rounding stock', () => {
    expect(() => parseQuantity('2.50000', 'count')).toThrow(LightspeedMappingError);
    expect(() => parseQuantity(2.5, 'count')).toThrow(/not a whole quantity/);
  });

  it('refuses quantities that are not decimals', () => {
    for (const bad of ['', 'ten', '1e3', '1,5', null, true, {}, Number.NaN, Number.POSITIVE_INFINITY, 1e21]) {
      expect(() => parseQuantity(bad, 'line.count')).toThrow(LightspeedMappingError);
    }
    expect(() => parseQuantity('99999999999999999999', 'count')).toThrow(/too large/);
  });

  it('reads costs into Money, rounding the fifth decimal half to even', () => {
    expect(parseCost('3.50000', 'cost')).toBe(35_000);
    expect(parseCost('3.5', 'cost')).toBe(35_000);
    expect(parseCost(3.25, 'cost')).toBe(32_500);
    expect(parseCost('0.00005', 'cost')).toBe(0);
    expect(parseCost('0.00015', 'cost')).toBe(2);
    expect(parseCost('0.00025', 'cost')).toBe(2);
    expect(parseCost('0.000251', 'cost')).toBe(3);
    expect(parseCost('1.23456', 'cost')).toBe(12_346);
    expect(parseCost('1.23454', 'cost')).toBe(12_345);
    expect(parseCost('-1.23455', 'cost')).toBe(-12_346);
    expect(Object.is(parseCost('-0.00001', 'cost'), 0)).toBe(true);
  });

  it('refuses costs that are not decimals or too large to be exact', () => {
    expect(() => parseCost('3,50', 'cost')).toThrow(LightspeedMappingError);
    expect(() => parseCost('99999999999999999.0', 'cost')).toThrow(/too large/);
  });

  it('writes quantities and costs in Lightspeed notation', () => {
    expect(formatQuantity(24, 'count')).toBe('24.00000');
    expect(formatCost(35_000, 'cost')).toBe('3.50000');
    expect(formatCost(1, 'cost')).toBe('0.00010');
    expect(formatCost(-12_345, 'cost')).toBe('-1.23450');
    expect(() => formatQuantity(1.5, 'count')).toThrow(RangeError);
    expect(() => formatCost(0.5, 'cost')).toThrow(RangeError);
  });

  it('round-trips every quantity and every amount of Money', () => {
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => parseQuantity(formatQuantity(n, 'q'), 'q') === n));
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 1e14 }), (m) => {
        const back = parseCost(formatCost(m, 'c'), 'c');
        return back === m || (m === 0 && back === 0);
      }),
    );
  });
});
