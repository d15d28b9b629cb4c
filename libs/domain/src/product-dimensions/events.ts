import type { ProductMeasurement } from './product-dimensions.js';

/** The facts of a product's dimensions, past tense. */
export interface ProductDimensionsSet {
  type: 'ProductDimensionsSet';
  data: ProductMeasurement & { productId: string; setBy: string };
}
export interface ProductDimensionsCleared {
  type: 'ProductDimensionsCleared';
  data: { productId: string; clearedBy: string };
}

export type ProductDimensionsEvent = ProductDimensionsSet | ProductDimensionsCleared;
export type ProductDimensionsEventType = ProductDimensionsEvent['type'];

/** The payload schema version each event type is written with today. */
export const PRODUCT_DIMENSIONS_SCHEMA_VERSION: Readonly<Record<ProductDimensionsEventType, number>> = {
  ProductDimensionsSet: 1,
  ProductDimensionsCleared: 1,
};

export const PRODUCT_DIMENSIONS_EVENT_TYPES = Object.keys(PRODUCT_DIMENSIONS_SCHEMA_VERSION) as ProductDimensionsEventType[];
