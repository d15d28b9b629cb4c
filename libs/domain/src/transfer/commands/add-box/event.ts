import type { BoxActor, BoxTypeSnapshot } from '../../boxes.js';
import { eventDefinition } from '../../event-definition.js';

export interface BoxAdded {
  type: 'BoxAdded';
  data: { boxId: string; boxType: BoxTypeSnapshot; label: string | null; by: BoxActor };
}

/** A box is packing, not stock: Lightspeed holds nothing of it, and no status moves. */
export const BOX_ADDED = eventDefinition<BoxAdded>({
  type: 'BoxAdded',
  schemaVersion: 1,
  affectsLightspeed: false,
  apply: (state, event, at) => ({
    ...state,
    boxes: [
      ...state.boxes,
      {
        boxId: event.data.boxId,
        boxType: event.data.boxType,
        label: event.data.label,
        contents: [],
        measuredWeightG: null,
        addedAt: at.recordedAt,
        version: at.version,
      },
    ],
    boxSetVersion: at.version,
  }),
});
