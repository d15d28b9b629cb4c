import type { BoxActor } from '../../boxes.js';
import { eventDefinition } from '../../event-definition.js';

export interface BoxRemoved {
  type: 'BoxRemoved';
  data: { boxId: string; by: BoxActor };
}

/** The box goes, and with it its contents' place in a box: they count as not boxed again. */
export const BOX_REMOVED = eventDefinition<BoxRemoved>({
  type: 'BoxRemoved',
  schemaVersion: 1,
  affectsLightspeed: false,
  apply: (state, event, at) => ({ ...state, boxes: state.boxes.filter((box) => box.boxId !== event.data.boxId), boxSetVersion: at.version }),
});
