import { describe, expect, it } from '@jest/globals';
import { KETTLE, MANAGER_ID, PRODUCT_ID, clearDimensions, playProductDimensions, positionOf, setDimensions } from '../testing/product-dimensions-fixtures.js';
import { evolveProductDimensions, foldProductDimensions } from './evolve.js';

describe('evolving a product’s dimensions', () => {
  it('holds the measurement set, stamped with its version, time and actor', () => {
    expect(playProductDimensions(setDimensions()).state).toEqual({
      productId: PRODUCT_ID,
      measurement: KETTLE,
      version: 1,
      updatedAt: positionOf(0).recordedAt,
      updatedBy: MANAGER_ID,
    });
  });

  it('holds no measurement once cleared, at the version of the clearing', () => {
    const { events } = playProductDimensions(setDimensions(), setDimensions({ weightG: 2_000 }), clearDimensions());
    expect(foldProductDimensions(events.map((event, index) => ({ event, at: positionOf(index) })))).toEqual({
      productId: PRODUCT_ID,
      measurement: null,
      version: 3,
      updatedAt: positionOf(2).recordedAt,
      updatedBy: MANAGER_ID,
    });
  });

  it('gives nothing for an empty stream, and refuses a history that starts with a clearing', () => {
    expect(foldProductDimensions([])).toBeNull();
    expect(() => evolveProductDimensions(null, { type: 'ProductDimensionsCleared', data: { productId: PRODUCT_ID, clearedBy: 'x' } }, positionOf(0))).toThrow(
      'ProductDimensionsCleared cannot be the first event',
    );
  });
});
