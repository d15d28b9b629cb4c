import { requireValidSpec } from '../../../box-type/validation.js';
import { DomainError } from '../../../shared/domain-error.js';
import { MAX_BOX_LABEL_LENGTH, requireBoxingAllowed, type BoxTypeSnapshot } from '../../boxes.js';
import { requireNoActiveBooking } from '../../shipment.js';
import type { DecisionContext } from '../../decision-context.js';
import type { TransferState } from '../../transfer-state.js';
import { requireText } from '../../validation.js';
import type { AddBox } from './command.js';
import type { BoxAdded } from './event.js';

export function decideAddBox(state: TransferState, command: AddBox, context: DecisionContext): BoxAdded[] {
  requireBoxingAllowed(state);
  requireNoActiveBooking(state);
  const boxId = requireText(command.boxId, 'boxId');
  const label = labelOf(command.label);
  const boxType: BoxTypeSnapshot = { id: requireText(command.boxType?.id, 'boxType.id'), ...requireValidSpec(command.boxType, command.boxType.id) };

  const existing = state.boxes.find((box) => box.boxId === boxId);
  if (existing) {
    // The same box sent again (a retry) is already done; another box under its id is a mistake.
    if (existing.label === label && sameBoxType(existing.boxType, boxType)) return [];
    throw new DomainError('BOX_ID_CONFLICT', `Box ${boxId} is already on the transfer, with another box type or label`, { boxId });
  }
  if (label !== null && state.boxes.some((box) => box.label === label)) {
    throw new DomainError('DUPLICATE_BOX_LABEL', `Label ${label} is already on another box of this transfer`, { label });
  }
  return [{ type: 'BoxAdded', data: { boxId, boxType, label, by: { id: context.actorId, name: context.actorName } } }];
}

function labelOf(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const label = requireText(value, 'label');
  if (label.length > MAX_BOX_LABEL_LENGTH) {
    throw new DomainError('INVALID_TRANSFER', `label must be at most ${MAX_BOX_LABEL_LENGTH} characters`, { field: 'label' });
  }
  return label;
}

function sameBoxType(a: BoxTypeSnapshot, b: BoxTypeSnapshot): boolean {
  return (Object.keys(b) as (keyof BoxTypeSnapshot)[]).every((field) => a[field] === b[field]);
}
