import { describe, expect, it } from '@jest/globals';
import { fitsWithin, orientations } from './shapes.js';
import { suggestPacking } from './suggest-packing.js';

const carton = (id: string, edge: number, maxWeightG = 20_000) => ({ id, innerLengthMm: edge, innerWidthMm: edge, innerHeightMm: edge, tareWeightG: 500, maxWeightG });
const cube = (productId: string, edge: number, quantity: number, weightG = 100) => ({ productId, lengthMm: edge, widthMm: edge, heightMm: edge, weightG, quantity });

describe('the shape arithmetic', () => {
  it('turns a cuboid every distinct way, lowest first', () => {
    expect(orientations([10, 10, 10])).toEqual([[10, 10, 10]]);
    expect(orientations([10, 10, 20]).map((edges) => edges[2])).toEqual([10, 10, 20]);
    expect(orientations([30, 20, 10])).toHaveLength(6);
    expect(orientations([30, 20, 10])[0]).toEqual([30, 20, 10]);
  });

  it('lets a long thin item fit a box it fits only when turned', () => {
    expect(fitsWithin([500, 10, 10], [20, 600, 20])).toBe(true);
    expect(fitsWithin([500, 30, 10], [20, 600, 20])).toBe(false);
  });
});

describe('suggesting a packing', () => {
  it('fills a box exactly with the cubes that tile it', () => {
    const suggestion = suggestPacking([cube('a', 100, 8)], [carton('c', 200)]);
    expect(suggestion.boxes).toHaveLength(1);
    expect(suggestion.boxes[0]!.filledVolumeMm3).toBe(200 ** 3);
    expect(suggestion.lowerBound).toBe(1);
  });

  it('opens a second box for what the first has no room for', () => {
    const suggestion = suggestPacking([cube('a', 100, 9)], [carton('c', 200)]);
    expect(suggestion.boxes.map((box) => box.contents)).toEqual([[{ productId: 'a', quantity: 8 }], [{ productId: 'a', quantity: 1 }]]);
  });

  it('splits by weight when the volume would fit in one box', () => {
    const suggestion = suggestPacking([cube('heavy', 50, 4, 6_000)], [carton('c', 400, 12_500)]);
    expect(suggestion.boxes.map((box) => box.contents[0]!.quantity)).toEqual([2, 2]);
    expect(suggestion.boxes.every((box) => box.grossWeightG <= 12_500)).toBe(true);
  });

  it('moves a lightly filled box to the smallest box type that still holds it', () => {
    const suggestion = suggestPacking([cube('a', 100, 1)], [carton('large', 600), carton('small', 150), carton('medium', 300)]);
    expect(suggestion.boxes.map((box) => box.boxTypeId)).toEqual(['small']);
    expect(suggestion.boxes[0]!.grossWeightG).toBe(600);
  });

  it('reports, whole, the lines no box type can take, and why', () => {
    const suggestion = suggestPacking(
      [cube('huge', 700, 2), cube('lead', 50, 3, 30_000), cube('fine', 50, 1)],
      [carton('c', 600)],
    );
    expect(suggestion.unpackable).toEqual([
      { productId: 'huge', quantity: 2, reason: 'LARGER_THAN_EVERY_BOX_TYPE' },
      { productId: 'lead', quantity: 3, reason: 'HEAVIER_THAN_EVERY_BOX_TYPE' },
    ]);
    expect(suggestion.boxes.flatMap((box) => box.contents)).toEqual([{ productId: 'fine', quantity: 1 }]);
  });

  it('suggests nothing for no units', () => {
    expect(suggestPacking([cube('a', 10, 0)], [carton('c', 100)])).toEqual({ boxes: [], unpackable: [], lowerBound: 0 });
  });

  it('packs many small items around large ones rather than opening boxes for them', () => {
    const suggestion = suggestPacking([cube('big', 300, 1), cube('small', 50, 100)], [carton('c', 400)]);
    expect(suggestion.boxes).toHaveLength(1);
  });
});
