import { describe, expect, it } from '@jest/globals';
import { failureOf } from '../testing/decider-spec.js';
import { KETTLE, MANAGER_ID, PRODUCT_ID, clearDimensions, playProductDimensions, setDimensions } from '../testing/product-dimensions-fixtures.js';
import type { ProductDimensionsCommand } from './commands.js';
import { decideProductDimensions } from './decide.js';

const by = { actorId: MANAGER_ID };
const decideAfter = (history: ProductDimensionsCommand[], command: ProductDimensionsCommand) =>
  decideProductDimensions(playProductDimensions(...history).state, command, by);

describe('setting a product’s dimensions', () => {
  it('records the whole measurement and who set it', () => {
    expect(decideProductDimensions(null, setDimensions(), by)).toEqual([
      { type: 'ProductDimensionsSet', data: { productId: PRODUCT_ID, ...KETTLE, setBy: MANAGER_ID } },
    ]);
  });

  it('records the new measurement when it differs in any field', () => {
    expect(decideAfter([setDimensions()], setDimensions({ weightG: 1_650 }))).toEqual([
      { type: 'ProductDimensionsSet', data: { productId: PRODUCT_ID, ...KETTLE, weightG: 1_650, setBy: MANAGER_ID } },
    ]);
  });

  it('records nothing when the measurement is what it already is: already done', () => {
    expect(decideAfter([setDimensions()], setDimensions())).toEqual([]);
  });

  it('records the measurement again once it was cleared', () => {
    expect(decideAfter([setDimensions(), clearDimensions()], setDimensions())).toHaveLength(1);
  });

  it('is refused with invalid values, naming the bad fields', () => {
    const error = failureOf(() => decideProductDimensions(null, setDimensions({ heightMm: 0, weightG: 1_000_001 }), by));
    expect(error.code).toBe('INVALID_PRODUCT_DIMENSIONS');
    expect(error.message).toBe('Invalid product dimensions: heightMm, weightG');
  });
});

describe('clearing a product’s dimensions', () => {
  it('records who cleared them', () => {
    expect(decideAfter([setDimensions()], clearDimensions())).toEqual([
      { type: 'ProductDimensionsCleared', data: { productId: PRODUCT_ID, clearedBy: MANAGER_ID } },
    ]);
  });

  it('a second time records nothing: it is already done', () => {
    expect(decideAfter([setDimensions(), clearDimensions()], clearDimensions())).toEqual([]);
  });

  it('is refused for a product whose dimensions were never set', () => {
    const error = failureOf(() => decideProductDimensions(null, clearDimensions(), by));
    expect({ code: error.code, details: error.details }).toEqual({ code: 'PRODUCT_DIMENSIONS_NOT_FOUND', details: { productId: PRODUCT_ID } });
  });
});
