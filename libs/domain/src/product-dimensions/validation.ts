import type { BoxTypeFieldError } from '../box-type/validation.js';
import { DomainError } from '../shared/domain-error.js';
import { MAX_PRODUCT_DIMENSION_MM, MAX_PRODUCT_WEIGHT_G, measurementOf, type ProductMeasurement } from './product-dimensions.js';

const DIMENSIONS = ['lengthMm', 'widthMm', 'heightMm'] as const;

const isWholeBetween = (value: unknown, min: number, max: number): value is number =>
  Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;

/** The measurement, or INVALID_PRODUCT_DIMENSIONS naming every bad field and what is allowed. */
export function requireValidMeasurement(input: ProductMeasurement): ProductMeasurement {
  const errors: BoxTypeFieldError[] = [];
  for (const dimension of DIMENSIONS) {
    if (!isWholeBetween(input[dimension], 1, MAX_PRODUCT_DIMENSION_MM)) {
      errors.push({ field: dimension, messages: [`${dimension} must be a whole number of millimetres from 1 to ${MAX_PRODUCT_DIMENSION_MM}`] });
    }
  }
  if (!isWholeBetween(input.weightG, 1, MAX_PRODUCT_WEIGHT_G)) {
    errors.push({ field: 'weightG', messages: [`weightG must be a whole number of grams from 1 to ${MAX_PRODUCT_WEIGHT_G}`] });
  }
  if (errors.length > 0) {
    throw new DomainError('INVALID_PRODUCT_DIMENSIONS', `Invalid product dimensions: ${errors.map((error) => error.field).join(', ')}`, {
      errors,
    });
  }
  return measurementOf(input);
}
