import type { BoxTypeSpec } from './box-type.js';

/** What an admin asks of the box-type catalogue. A revision states the whole definition anew. */
export type BoxTypeCommand =
  | ({ type: 'DefineBoxType'; boxTypeId: string } & BoxTypeSpec)
  | ({ type: 'ReviseBoxType' } & BoxTypeSpec)
  | { type: 'RetireBoxType' };

export type BoxTypeCommandType = BoxTypeCommand['type'];

export interface BoxTypeDecisionContext {
  actorId: string;
}
