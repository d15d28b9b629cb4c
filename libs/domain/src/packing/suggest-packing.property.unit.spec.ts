import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { overlaps } from './occupancy-grid.js';
import { edgesOf, innerEdgesOf, payloadG, volumeMm3, type PackableLine, type PackingBoxType } from './shapes.js';
import { suggestPacking } from './suggest-packing.js';

const boxType = fc
  .record({
    innerLengthMm: fc.integer({ min: 50, max: 800 }),
    innerWidthMm: fc.integer({ min: 50, max: 800 }),
    innerHeightMm: fc.integer({ min: 20, max: 800 }),
    tareWeightG: fc.integer({ min: 0, max: 2_000 }),
    payloadG: fc.integer({ min: 100, max: 30_000 }),
  })
  .map(({ payloadG: payload, ...spec }) => ({ ...spec, maxWeightG: spec.tareWeightG + payload }));

const boxTypes = fc
  .array(boxType, { minLength: 1, maxLength: 4 })
  .map((specs) => specs.map((spec, index): PackingBoxType => ({ id: `box-${index}`, ...spec })));

const lines = fc
  .array(
    fc.record({
      lengthMm: fc.integer({ min: 5, max: 600 }),
      widthMm: fc.integer({ min: 5, max: 600 }),
      heightMm: fc.integer({ min: 5, max: 400 }),
      weightG: fc.integer({ min: 1, max: 8_000 }),
      quantity: fc.integer({ min: 0, max: 12 }),
    }),
    { maxLength: 12 },
  )
  .map((specs) => specs.map((spec, index): PackableLine => ({ productId: `product-${index}`, ...spec })));

const sorted = (edges: readonly number[]) => [...edges].sort((a, b) => a - b);

describe('a suggested packing, for any lines and box types', () => {
  it('puts every unit of each packable line in exactly one box, and names the lines no box type can take', () => {
    fc.assert(
      fc.property(lines, boxTypes, (given, types) => {
        const suggestion = suggestPacking(given, types);
        const unpackable = new Set(suggestion.unpackable.map((line) => line.productId));
        for (const line of given) {
          const packed = suggestion.boxes.flatMap((box) => box.contents).filter((content) => content.productId === line.productId);
          const count = packed.reduce((sum, content) => sum + content.quantity, 0);
          expect(count).toBe(unpackable.has(line.productId) ? 0 : line.quantity);
          const takenBySome = types.some((type) => line.weightG <= payloadG(type) && sorted(edgesOf(line)).every((edge, axis) => edge <= sorted(innerEdgesOf(type))[axis]!));
          if (line.quantity > 0) expect(unpackable.has(line.productId)).toBe(!takenBySome);
        }
      }),
    );
  });

  it('keeps each unit inside its box, turned but not resized, overlapping no other', () => {
    fc.assert(
      fc.property(lines, boxTypes, (given, types) => {
        for (const box of suggestPacking(given, types).boxes) {
          const inner = innerEdgesOf(types.find((type) => type.id === box.boxTypeId)!);
          box.placements.forEach((placement, index) => {
            const line = given.find((candidate) => candidate.productId === placement.productId)!;
            expect(sorted(placement.edges)).toEqual(sorted(edgesOf(line)));
            placement.at.forEach((start, axis) => {
              expect(start).toBeGreaterThanOrEqual(0);
              expect(start + placement.edges[axis]!).toBeLessThanOrEqual(inner[axis]!);
            });
            for (const other of box.placements.slice(index + 1)) expect(overlaps(placement.at, placement.edges, other.at, other.edges)).toBe(false);
          });
        }
      }),
    );
  });

  it("never loads a box past its maximum weight, and weighs it as contents plus the box's own weight", () => {
    fc.assert(
      fc.property(lines, boxTypes, (given, types) => {
        for (const box of suggestPacking(given, types).boxes) {
          const type = types.find((candidate) => candidate.id === box.boxTypeId)!;
          const weight = box.placements.reduce((sum, placement) => sum + placement.weightG, 0);
          expect(box.contentsWeightG).toBe(weight);
          expect(box.grossWeightG).toBe(weight + type.tareWeightG);
          expect(box.grossWeightG).toBeLessThanOrEqual(type.maxWeightG);
          expect(box.filledVolumeMm3).toBe(box.placements.reduce((sum, placement) => sum + volumeMm3(placement.edges), 0));
          expect(box.placements.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('uses no fewer boxes than the lower bound, and gives the same boxes for the same lines', () => {
    fc.assert(
      fc.property(lines, boxTypes, (given, types) => {
        const suggestion = suggestPacking(given, types);
        expect(suggestion.boxes.length).toBeGreaterThanOrEqual(suggestion.lowerBound);
        expect(suggestPacking(given, types)).toEqual(suggestion);
      }),
    );
  });
});
