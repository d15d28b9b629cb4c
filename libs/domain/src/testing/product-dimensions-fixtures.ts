import fc from 'fast-check';
import type { ProductDimensionsCommand } from '../product-dimensions/commands.js';
import { decideProductDimensions } from '../product-dimensions/decide.js';
import type { ProductDimensionsEvent } from '../product-dimensions/events.js';
import { evolveProductDimensions } from '../product-dimensions/evolve.js';
import { MAX_PRODUCT_DIMENSION_MM, MAX_PRODUCT_WEIGHT_G, type ProductDimensionsState, type ProductMeasurement } from '../product-dimensions/product-dimensions.js';
import { positionOf } from './transfer-fixtures.js';

export { positionOf };

export const PRODUCT_ID = 'product-kettle-1';
export const MANAGER_ID = 'manager-mia';

/** A boxed kettle: 250 × 200 × 300 mm, 1.6 kg. */
export const KETTLE: ProductMeasurement = { lengthMm: 250, widthMm: 200, heightMm: 300, weightG: 1_600 };

export const setDimensions = (measurement: Partial<ProductMeasurement> = {}, productId = PRODUCT_ID): ProductDimensionsCommand => ({
  type: 'SetProductDimensions',
  productId,
  ...KETTLE,
  ...measurement,
});
export const clearDimensions = (productId = PRODUCT_ID): ProductDimensionsCommand => ({ type: 'ClearProductDimensions', productId });

/** Runs commands by a manager through the real decider; any refusal fails the setup. */
export function playProductDimensions(...commands: ProductDimensionsCommand[]): { events: ProductDimensionsEvent[]; state: ProductDimensionsState | null } {
  const events: ProductDimensionsEvent[] = [];
  let state: ProductDimensionsState | null = null;
  for (const command of commands) {
    for (const event of decideProductDimensions(state, command, { actorId: MANAGER_ID })) {
      state = evolveProductDimensions(state, event, positionOf(events.length));
      events.push(event);
    }
  }
  return { events, state };
}

// ---- arbitraries ----------------------------------------------------------------------------

/** Any measurement a product can have. */
export const validMeasurement: fc.Arbitrary<ProductMeasurement> = fc.record({
  lengthMm: fc.integer({ min: 1, max: MAX_PRODUCT_DIMENSION_MM }),
  widthMm: fc.integer({ min: 1, max: MAX_PRODUCT_DIMENSION_MM }),
  heightMm: fc.integer({ min: 1, max: MAX_PRODUCT_DIMENSION_MM }),
  weightG: fc.integer({ min: 1, max: MAX_PRODUCT_WEIGHT_G }),
});

const anyNumber = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.integer({ min: MAX_PRODUCT_WEIGHT_G - 2, max: MAX_PRODUCT_WEIGHT_G + 2 }),
  fc.integer({ min: MAX_PRODUCT_DIMENSION_MM - 2, max: MAX_PRODUCT_DIMENSION_MM + 2 }),
  fc.constantFrom(0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53),
);

/** Measurements that are sometimes valid and often not, in any field. */
export const anyMeasurement: fc.Arbitrary<ProductMeasurement> = fc.record({ lengthMm: anyNumber, widthMm: anyNumber, heightMm: anyNumber, weightG: anyNumber });

/** Any command, valid or not. */
export const anyDimensionsCommand: fc.Arbitrary<ProductDimensionsCommand> = fc.oneof(
  validMeasurement.map((measurement) => setDimensions(measurement)),
  anyMeasurement.map((measurement) => setDimensions(measurement)),
  fc.constant(clearDimensions()),
);
