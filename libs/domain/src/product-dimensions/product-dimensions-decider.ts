import type { Decider } from '../shared/decider.js';
import { authorizeProductDimensions } from './authorize.js';
import type { ProductDimensionsCommand, ProductDimensionsDecisionContext } from './commands.js';
import { decideProductDimensions } from './decide.js';
import { PRODUCT_DIMENSIONS_SCHEMA_VERSION, type ProductDimensionsEvent } from './events.js';
import { evolveProductDimensions } from './evolve.js';
import type { ProductDimensionsState } from './product-dimensions.js';
import { upcastProductDimensionsEvent } from './upcasters.js';

export const PRODUCT_DIMENSIONS_STREAM_PREFIX = 'product-dimensions';

/** Products' dimensions as the command pipeline runs them: streams `product-dimensions-<product id>`. */
export const productDimensionsDecider: Decider<ProductDimensionsState, ProductDimensionsCommand, ProductDimensionsEvent, ProductDimensionsDecisionContext> = {
  streamPrefix: PRODUCT_DIMENSIONS_STREAM_PREFIX,
  schemaVersion: (eventType) => PRODUCT_DIMENSIONS_SCHEMA_VERSION[eventType],
  upcast: upcastProductDimensionsEvent,
  identify: (command, productId) => ({ ...command, productId }),
  authorize: (actor, command, state) => authorizeProductDimensions(actor, command, state),
  decide: decideProductDimensions,
  evolve: evolveProductDimensions,
};
