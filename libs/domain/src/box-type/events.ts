import type { BoxTypeSpec } from './box-type.js';

/** The facts of a box type's life, past tense. */
export interface BoxTypeDefined {
  type: 'BoxTypeDefined';
  data: BoxTypeSpec & { boxTypeId: string; definedBy: string };
}
export interface BoxTypeRevised {
  type: 'BoxTypeRevised';
  data: BoxTypeSpec & { revisedBy: string };
}
export interface BoxTypeRetired {
  type: 'BoxTypeRetired';
  data: { retiredBy: string };
}

export type BoxTypeEvent = BoxTypeDefined | BoxTypeRevised | BoxTypeRetired;
export type BoxTypeEventType = BoxTypeEvent['type'];

/** The payload schema version each event type is written with today. */
export const BOX_TYPE_SCHEMA_VERSION: Readonly<Record<BoxTypeEventType, number>> = {
  BoxTypeDefined: 1,
  BoxTypeRevised: 1,
  BoxTypeRetired: 1,
};

export const BOX_TYPE_EVENT_TYPES = Object.keys(BOX_TYPE_SCHEMA_VERSION) as BoxTypeEventType[];
