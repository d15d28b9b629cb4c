import type { Decider } from '../shared/decider.js';
import { authorizeBoxType } from './authorize.js';
import type { BoxTypeState } from './box-type.js';
import type { BoxTypeCommand, BoxTypeDecisionContext } from './commands.js';
import { decideBoxType } from './decide.js';
import { BOX_TYPE_SCHEMA_VERSION, type BoxTypeEvent } from './events.js';
import { evolveBoxType } from './evolve.js';
import { upcastBoxTypeEvent } from './upcasters.js';

export const BOX_TYPE_STREAM_PREFIX = 'box-type';

/** The box-type catalogue as the command pipeline runs it: streams `box-type-<uuid>`. */
export const boxTypeDecider: Decider<BoxTypeState, BoxTypeCommand, BoxTypeEvent, BoxTypeDecisionContext> = {
  streamPrefix: BOX_TYPE_STREAM_PREFIX,
  schemaVersion: (eventType) => BOX_TYPE_SCHEMA_VERSION[eventType],
  upcast: upcastBoxTypeEvent,
  identify: (command, boxTypeId) => (command.type === 'DefineBoxType' ? { ...command, boxTypeId } : command),
  authorize: (actor, command, state) => authorizeBoxType(actor, command, state),
  decide: decideBoxType,
  evolve: evolveBoxType,
};
