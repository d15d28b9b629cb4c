import { changeBox, type BoxActor } from '../../boxes.js';
import { eventDefinition } from '../../event-definition.js';

export interface BoxWeighed {
  type: 'BoxWeighed';
  data: { boxId: string; weightG: number; by: BoxActor };
}

export const BOX_WEIGHED = eventDefinition<BoxWeighed>({
  type: 'BoxWeighed',
  schemaVersion: 1,
  affectsLightspeed: false,
  apply: (state, event, at) => changeBox(state, event.data.boxId, at.version, (box) => ({ ...box, measuredWeightG: event.data.weightG })),
});
