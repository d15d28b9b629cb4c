import { describe, expect, it } from '@jest/globals';
import { MAX_PRODUCT_DIMENSION_MM, MAX_PRODUCT_WEIGHT_G } from '#domain';
import { DIMENSIONS_CSV_COLUMNS } from '../../../../api/src/product-dimensions/dimensions-csv.js';
import { CSV_COLUMNS, MAX_DIMENSION_MM, MAX_WEIGHT_G } from './bounds.js';

describe('the product sizes page’s bounds', () => {
  it('are the domain’s, and the import header the API’s', () => {
    expect(MAX_DIMENSION_MM).toBe(MAX_PRODUCT_DIMENSION_MM);
    expect(MAX_WEIGHT_G).toBe(MAX_PRODUCT_WEIGHT_G);
    expect([...CSV_COLUMNS]).toEqual([...DIMENSIONS_CSV_COLUMNS]);
  });
});
