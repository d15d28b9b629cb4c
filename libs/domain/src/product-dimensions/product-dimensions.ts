import { MAX_INNER_DIMENSION_MM } from '../box-type/box-type.js';

/** A product as freight sees it: the outside of one unit, and what it weighs. */
export interface ProductMeasurement {
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  weightG: number;
}

/** A product's dimensions as its events have made them; `measurement` is null once cleared. */
export interface ProductDimensionsState {
  productId: string;
  measurement: ProductMeasurement | null;
  version: number;
  updatedAt: string;
  /** The actor of the last change. */
  updatedBy: string;
}

/** Ten metres, as for a box: no product sent in a box is longer, and any three multiply to a safe integer. */
export const MAX_PRODUCT_DIMENSION_MM = MAX_INNER_DIMENSION_MM;
/** One tonne. */
export const MAX_PRODUCT_WEIGHT_G = 1_000_000;

export const PRODUCT_MEASUREMENT_FIELDS = ['lengthMm', 'widthMm', 'heightMm', 'weightG'] as const satisfies readonly (keyof ProductMeasurement)[];

/** Only the measurement's own fields, whatever else `source` carries. */
export function measurementOf(source: ProductMeasurement): ProductMeasurement {
  const { lengthMm, widthMm, heightMm, weightG } = source;
  return { lengthMm, widthMm, heightMm, weightG };
}

export function sameMeasurement(a: ProductMeasurement | null, b: ProductMeasurement | null): boolean {
  if (a === null || b === null) return a === b;
  return PRODUCT_MEASUREMENT_FIELDS.every((field) => a[field] === b[field]);
}

/** The space one unit takes, in cubic millimetres. */
export function productVolumeMm3(measurement: ProductMeasurement): number {
  return measurement.lengthMm * measurement.widthMm * measurement.heightMm;
}
