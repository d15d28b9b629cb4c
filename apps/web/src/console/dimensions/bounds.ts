import type { ProductMeasurement } from '../../api.js';

/**
 * What the API takes for each figure of a measurement (whole numbers, from 1): the domain's bounds,
 * which the OpenAPI document states but the typed client cannot carry. A unit spec keeps them equal.
 */
export const MAX_DIMENSION_MM = 10_000;
export const MAX_WEIGHT_G = 1_000_000;

export const FIGURES: readonly { name: keyof ProductMeasurement; label: string; unit: 'mm' | 'g'; max: number }[] = [
  { name: 'lengthMm', label: 'Length', unit: 'mm', max: MAX_DIMENSION_MM },
  { name: 'widthMm', label: 'Width', unit: 'mm', max: MAX_DIMENSION_MM },
  { name: 'heightMm', label: 'Height', unit: 'mm', max: MAX_DIMENSION_MM },
  { name: 'weightG', label: 'Weight', unit: 'g', max: MAX_WEIGHT_G },
];

/** The header an import must start with, in this order. */
export const CSV_COLUMNS = ['sku', 'length_mm', 'width_mm', 'height_mm', 'weight_g'] as const;
