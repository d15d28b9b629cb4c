import { DomainError } from '../shared/domain-error.js';
import type { ProductDimensionsCommand, ProductDimensionsDecisionContext } from './commands.js';
import type { ProductDimensionsEvent } from './events.js';
import { sameMeasurement, type ProductDimensionsState } from './product-dimensions.js';
import { requireValidMeasurement } from './validation.js';

/**
 * What a command means for a product's dimensions: the events to record, or a DomainError. Pure.
 * An empty result means "already done": the same measurement again, a second clearing.
 */
export function decideProductDimensions(
  state: ProductDimensionsState | null,
  command: ProductDimensionsCommand,
  context: ProductDimensionsDecisionContext,
): ProductDimensionsEvent[] {
  switch (command.type) {
    case 'SetProductDimensions': {
      const measurement = requireValidMeasurement(command);
      if (state && sameMeasurement(state.measurement, measurement)) return [];
      return [{ type: 'ProductDimensionsSet', data: { productId: command.productId, ...measurement, setBy: context.actorId } }];
    }
    case 'ClearProductDimensions': {
      const current = requireProductDimensions(state, command.productId);
      return current.measurement === null ? [] : [{ type: 'ProductDimensionsCleared', data: { productId: current.productId, clearedBy: context.actorId } }];
    }
  }
}

/** Refuses a product whose dimensions were never set. */
export function requireProductDimensions(state: ProductDimensionsState | null, productId: string): ProductDimensionsState {
  if (!state) throw new DomainError('PRODUCT_DIMENSIONS_NOT_FOUND', `No dimensions were ever set for product ${productId}`, { productId });
  return state;
}
