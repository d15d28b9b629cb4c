import type { ProductDimensionsState } from '#domain';

/** A measured product as the read model holds it: one row per product with dimensions. */
export interface ProductDimensionsRow {
  product_id: string;
  length_mm: number;
  width_mm: number;
  height_mm: number;
  weight_g: number;
  version: number;
  updated_at: string;
  updated_by: string;
}

/** The read-model row of a product's dimensions, or null once cleared; live commands and any rebuild both use it. */
export function productDimensionsRow(state: ProductDimensionsState): ProductDimensionsRow | null {
  if (!state.measurement) return null;
  return {
    product_id: state.productId,
    length_mm: state.measurement.lengthMm,
    width_mm: state.measurement.widthMm,
    height_mm: state.measurement.heightMm,
    weight_g: state.measurement.weightG,
    version: state.version,
    updated_at: state.updatedAt,
    updated_by: state.updatedBy,
  };
}
