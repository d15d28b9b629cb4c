import { changeBox, withQuantity, type BoxActor } from '../../boxes.js';
import { eventDefinition } from '../../event-definition.js';

export interface ItemsUnboxed {
  type: 'ItemsUnboxed';
  data: { boxId: string; productId: string; quantity: number; by: BoxActor };
}

export const ITEMS_UNBOXED = eventDefinition<ItemsUnboxed>({
  type: 'ItemsUnboxed',
  schemaVersion: 1,
  affectsLightspeed: false,
  apply: (state, event, at) =>
    changeBox(state, event.data.boxId, at.version, (box) => ({ ...box, contents: withQuantity(box.contents, event.data.productId, -event.data.quantity) })),
});
