import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parcelToStarshipit } from './parcel.mapping.js';
import { centsToPrice, gramsToKg, mmToMetres, priceToCents } from './units.js';

describe('unit conversions', () => {
  it('g → kg and mm → m: never 0, never less than given, at most one unit more, in thousandths', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1_000_000, noNaN: true }), (value) => {
        for (const [convert] of [[gramsToKg], [mmToMetres]] as const) {
          const converted = convert(value);
          expect(converted).toBeGreaterThan(0);
          expect(converted * 1000).toBeGreaterThanOrEqual(value - 1e-6);
          expect(converted * 1000).toBeLessThan(Math.max(value, 1) + 1 + 1e-6);
          expect(Math.round(converted * 1000)).toBeCloseTo(converted * 1000, 6);
        }
      }),
    );
  });

  it('is exact for whole grams and millimetres', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (whole) => {
        expect(gramsToKg(whole)).toBe(whole / 1000);
        expect(mmToMetres(whole)).toBe(whole / 1000);
      }),
    );
    expect(gramsToKg(0.2)).toBe(0.001);
    expect(mmToMetres(1234.0000000001)).toBe(1.234);
  });

  it('refuses 0, negatives and non-numbers', () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => gramsToKg(bad)).toThrow(RangeError);
      expect(() => mmToMetres(bad)).toThrow(RangeError);
    }
  });

  it('cents round-trip through Starshipit prices', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000_000 }), (cents) => expect(priceToCents(centsToPrice(cents))).toBe(cents)));
    expect(priceToCents(10.15)).toBe(1015);
  });

  it('a parcel becomes a package in kg and m, the three dimensions or none', () => {
    expect(parcelToStarshipit({ weightGrams: 2500, lengthMm: 400, widthMm: 300, heightMm: 200, packagingType: 'Carton', name: 'Box 1' }, 0)).toEqual({
      weight: 2.5,
      length: 0.4,
      width: 0.3,
      height: 0.2,
      packaging_type: 'Carton',
      name: 'Box 1',
    });
    expect(parcelToStarshipit({ weightGrams: 800 }, 0)).toEqual({ weight: 0.8 });
    expect(() => parcelToStarshipit({ weightGrams: 800, widthMm: 3, heightMm: 2 }, 4)).toThrow(/parcels\[4\]/);
  });
});
