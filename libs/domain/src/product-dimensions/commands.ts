import type { ProductMeasurement } from './product-dimensions.js';

/**
 * What a keeper asks of a product's dimensions. Setting states the whole measurement anew. Each
 * command names its product (the pipeline puts the stream's canonical id there).
 */
export type ProductDimensionsCommand =
  | ({ type: 'SetProductDimensions'; productId: string } & ProductMeasurement)
  | { type: 'ClearProductDimensions'; productId: string };

export type ProductDimensionsCommandType = ProductDimensionsCommand['type'];

export interface ProductDimensionsDecisionContext {
  actorId: string;
}
