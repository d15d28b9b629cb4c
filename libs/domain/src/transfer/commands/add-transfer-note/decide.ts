import { DomainError } from '../../../shared/domain-error.js';
import type { DecisionContext } from '../../decision-context.js';
import type { TransferState } from '../../transfer-state.js';
import { requireText } from '../../validation.js';
import { MAX_NOTE_LENGTH, type AddTransferNote } from './command.js';
import type { TransferNoteAdded } from './event.js';

export function decideAddTransferNote(_state: TransferState, command: AddTransferNote, context: DecisionContext): TransferNoteAdded[] {
  const text = requireText(command.text, 'text');
  if (text.length > MAX_NOTE_LENGTH) {
    throw new DomainError('INVALID_TRANSFER', `text must be at most ${MAX_NOTE_LENGTH} characters`, { field: 'text' });
  }
  return [{ type: 'TransferNoteAdded', data: { text, by: { id: context.actorId, name: context.actorName } } }];
}
