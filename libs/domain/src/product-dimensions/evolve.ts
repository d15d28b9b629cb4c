import type { StreamPosition } from '../shared/decider.js';
import type { ProductDimensionsEvent } from './events.js';
import { measurementOf, type ProductDimensionsState } from './product-dimensions.js';

/** Applies one event to a product's dimensions, stamping it with the event's version, time and actor. */
export function evolveProductDimensions(state: ProductDimensionsState | null, event: ProductDimensionsEvent, at: StreamPosition): ProductDimensionsState {
  const stamp = { productId: event.data.productId, version: at.version, updatedAt: at.recordedAt };
  if (event.type === 'ProductDimensionsSet') return { ...stamp, measurement: measurementOf(event.data), updatedBy: event.data.setBy };
  if (!state) throw new Error(`${event.type} cannot be the first event of a product's dimensions`);
  return { ...stamp, measurement: null, updatedBy: event.data.clearedBy };
}

export function foldProductDimensions(events: readonly { event: ProductDimensionsEvent; at: StreamPosition }[]): ProductDimensionsState | null {
  return events.reduce<ProductDimensionsState | null>((state, { event, at }) => evolveProductDimensions(state, event, at), null);
}
