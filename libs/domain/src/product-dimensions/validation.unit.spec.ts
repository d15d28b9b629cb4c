import { describe, expect, it } from '@jest/globals';
import { failureOf } from '../testing/decider-spec.js';
import { KETTLE } from '../testing/product-dimensions-fixtures.js';
import { MAX_PRODUCT_DIMENSION_MM, MAX_PRODUCT_WEIGHT_G, productVolumeMm3, type ProductMeasurement } from './product-dimensions.js';
import { requireValidMeasurement } from './validation.js';

const refusalOf = (measurement: Partial<ProductMeasurement>) => {
  const error = failureOf(() => requireValidMeasurement({ ...KETTLE, ...measurement }));
  expect(error.code).toBe('INVALID_PRODUCT_DIMENSIONS');
  return error.details.errors as { field: string; messages: string[] }[];
};
const badFieldsOf = (measurement: Partial<ProductMeasurement>) => refusalOf(measurement).map((entry) => entry.field);

describe('a product measurement', () => {
  it('is accepted at its bounds: 1 mm to 10 m a side, 1 g to 1 t', () => {
    const smallest = { lengthMm: 1, widthMm: 1, heightMm: 1, weightG: 1 };
    const largest = { lengthMm: MAX_PRODUCT_DIMENSION_MM, widthMm: MAX_PRODUCT_DIMENSION_MM, heightMm: MAX_PRODUCT_DIMENSION_MM, weightG: MAX_PRODUCT_WEIGHT_G };
    expect(requireValidMeasurement(smallest)).toEqual(smallest);
    expect(requireValidMeasurement(largest)).toEqual(largest);
    expect([MAX_PRODUCT_DIMENSION_MM, MAX_PRODUCT_WEIGHT_G]).toEqual([10_000, 1_000_000]);
  });

  it('needs each dimension in whole millimetres from 1 to 10,000, saying so', () => {
    expect(badFieldsOf({ lengthMm: 0, widthMm: 12.5, heightMm: MAX_PRODUCT_DIMENSION_MM + 1 })).toEqual(['lengthMm', 'widthMm', 'heightMm']);
    expect(badFieldsOf({ widthMm: -300 })).toEqual(['widthMm']);
    expect(badFieldsOf({ heightMm: '250' as unknown as number })).toEqual(['heightMm']);
    expect(refusalOf({ lengthMm: 0 })).toEqual([{ field: 'lengthMm', messages: ['lengthMm must be a whole number of millimetres from 1 to 10000'] }]);
  });

  it('needs a weight in whole grams from 1 to 1,000,000 (one tonne), saying so', () => {
    expect(badFieldsOf({ weightG: 0 })).toEqual(['weightG']);
    expect(badFieldsOf({ weightG: Number.NaN })).toEqual(['weightG']);
    expect(refusalOf({ weightG: MAX_PRODUCT_WEIGHT_G + 1 })).toEqual([
      { field: 'weightG', messages: ['weightG must be a whole number of grams from 1 to 1000000'] },
    ]);
  });

  it('keeps only the measurement’s own fields', () => {
    expect(requireValidMeasurement({ ...KETTLE, type: 'SetProductDimensions', colour: 'red' } as ProductMeasurement)).toEqual(KETTLE);
  });

  it('has a volume in cubic millimetres', () => {
    expect(productVolumeMm3(KETTLE)).toBe(15_000_000);
  });
});
