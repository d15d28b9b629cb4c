import { canonicalId } from '../shared/canonical-id.js';
import { DomainError } from '../shared/domain-error.js';
import { sameSpec, type BoxTypeState } from './box-type.js';
import type { BoxTypeCommand, BoxTypeDecisionContext } from './commands.js';
import type { BoxTypeEvent } from './events.js';
import { requireValidSpec } from './validation.js';

/**
 * What a command means for a box type: the events to record, or a DomainError. Pure. An empty
 * result means "already done": a revision that changes nothing, a second retirement.
 */
export function decideBoxType(
  state: BoxTypeState | null,
  command: BoxTypeCommand,
  context: BoxTypeDecisionContext,
): BoxTypeEvent[] {
  switch (command.type) {
    case 'DefineBoxType': {
      if (state) {
        throw new DomainError('BOX_TYPE_ALREADY_EXISTS', `Box type ${state.id} already exists`, { boxTypeId: state.id });
      }
      const spec = requireValidSpec(command, command.boxTypeId);
      return [{ type: 'BoxTypeDefined', data: { boxTypeId: canonicalId(command.boxTypeId), ...spec, definedBy: context.actorId } }];
    }
    case 'ReviseBoxType': {
      const current = requireBoxType(state);
      if (current.retired) {
        throw new DomainError('BOX_TYPE_RETIRED', `Box type ${current.id} is retired and can no longer be revised`, {
          boxTypeId: current.id,
        });
      }
      const spec = requireValidSpec(command);
      return sameSpec(current, spec) ? [] : [{ type: 'BoxTypeRevised', data: { ...spec, revisedBy: context.actorId } }];
    }
    case 'RetireBoxType':
      return requireBoxType(state).retired ? [] : [{ type: 'BoxTypeRetired', data: { retiredBy: context.actorId } }];
  }
}

export function requireBoxType(state: BoxTypeState | null): BoxTypeState {
  if (!state) throw new DomainError('BOX_TYPE_NOT_FOUND', 'No such box type', {});
  return state;
}
