import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { packingLowerBound } from './lower-bound.js';
import type { PackableLine, PackingBoxType } from './shapes.js';

const line = fc.record({
  productId: fc.constant('product'),
  lengthMm: fc.integer({ min: 1, max: 1_000 }),
  widthMm: fc.integer({ min: 1, max: 1_000 }),
  heightMm: fc.integer({ min: 1, max: 1_000 }),
  weightG: fc.integer({ min: 0, max: 50_000 }),
  quantity: fc.integer({ min: 0, max: 50 }),
});
const boxType = fc
  .record({
    id: fc.uuid(),
    innerLengthMm: fc.integer({ min: 1, max: 2_000 }),
    innerWidthMm: fc.integer({ min: 1, max: 2_000 }),
    innerHeightMm: fc.integer({ min: 1, max: 2_000 }),
    tareWeightG: fc.integer({ min: 0, max: 5_000 }),
    payloadG: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .map(({ payloadG, ...spec }): PackingBoxType => ({ ...spec, maxWeightG: spec.tareWeightG + payloadG }));

const volume = (lines: PackableLine[]) => lines.reduce((sum, l) => sum + l.quantity * l.lengthMm * l.widthMm * l.heightMm, 0);
const weight = (lines: PackableLine[]) => lines.reduce((sum, l) => sum + l.quantity * l.weightG, 0);

describe('the packing lower bound', () => {
  it('leaves room in that many of the roomiest and strongest boxes for all the volume and weight, and in one fewer it would not', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.array(boxType, { minLength: 1, maxLength: 4 }), (lines, types) => {
        const bound = packingLowerBound(lines, types);
        const units = lines.reduce((sum, l) => sum + l.quantity, 0);
        if (units === 0) return expect(bound).toBe(0);
        const roomiest = Math.max(...types.map((t) => t.innerLengthMm * t.innerWidthMm * t.innerHeightMm));
        const strongest = Math.max(...types.map((t) => t.maxWeightG - t.tareWeightG));
        expect(bound).toBeGreaterThanOrEqual(1);
        expect(bound * roomiest).toBeGreaterThanOrEqual(volume(lines));
        expect(bound * strongest).toBeGreaterThanOrEqual(weight(lines));
        if (bound > 1) expect((bound - 1) * roomiest < volume(lines) || (bound - 1) * strongest < weight(lines)).toBe(true);
      }),
    );
  });

  it('is zero with nothing to pack or nothing to pack into', () => {
    expect(packingLowerBound([], [])).toBe(0);
    fc.assert(fc.property(fc.array(line), (lines) => expect(packingLowerBound(lines, [])).toBe(0)));
  });
});
