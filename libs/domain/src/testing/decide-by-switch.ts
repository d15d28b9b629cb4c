import { DomainError } from '../shared/domain-error.js';
import { decideAddTransferNote } from '../transfer/commands/add-transfer-note/decide.js';
import { decideRetrySync } from '../transfer/commands/retry-sync/decide.js';
import { decideAddBox } from '../transfer/commands/add-box/decide.js';
import { decidePutInBox } from '../transfer/commands/put-in-box/decide.js';
import { decideRemoveBox } from '../transfer/commands/remove-box/decide.js';
import { decideTakeOutOfBox } from '../transfer/commands/take-out-of-box/decide.js';
import { decideWeighBox } from '../transfer/commands/weigh-box/decide.js';
import { decideRequestBooking } from '../transfer/commands/request-booking/decide.js';
import { decideCancelBooking } from '../transfer/commands/cancel-booking/decide.js';
import { decideRecordBooking } from '../transfer/commands/record-booking/decide.js';
import { decideRecordBookingFailure } from '../transfer/commands/record-booking-failure/decide.js';
import { decideRecordBookingCancelled } from '../transfer/commands/record-booking-cancelled/decide.js';
import { decideRecordCancellationRefused } from '../transfer/commands/record-cancellation-refused/decide.js';
import { decideRecordTrackingUpdate } from '../transfer/commands/record-tracking-update/decide.js';
import { decideAddItem } from '../transfer/commands/add-item/decide.js';
import { decideApproveTransfer } from '../transfer/commands/approve-transfer/decide.js';
import { decideCancelTransfer } from '../transfer/commands/cancel-transfer/decide.js';
import { decideChangeItemQuantity } from '../transfer/commands/change-item-quantity/decide.js';
import { decideCompleteStocktake } from '../transfer/commands/complete-stocktake/decide.js';
import { decideCorrectReceipt } from '../transfer/commands/correct-receipt/decide.js';
import { decideCreateTransfer } from '../transfer/commands/create-transfer/decide.js';
import { decideMarkPacked } from '../transfer/commands/mark-packed/decide.js';
import { decideReceiveTransfer } from '../transfer/commands/receive-transfer/decide.js';
import { decideRecordCount } from '../transfer/commands/record-count/decide.js';
import { decideRecordExternalChange } from '../transfer/commands/record-external-change/decide.js';
import { decideRecordPackedQuantity } from '../transfer/commands/record-packed-quantity/decide.js';
import { decideRejectTransfer } from '../transfer/commands/reject-transfer/decide.js';
import { decideRemoveItem } from '../transfer/commands/remove-item/decide.js';
import { decideSendTransfer } from '../transfer/commands/send-transfer/decide.js';
import { decideSubmitTransfer } from '../transfer/commands/submit-transfer/decide.js';
import type { DecisionContext, TransferCommand } from '../transfer/commands.js';
import type { TransferEvent } from '../transfer/events.js';
import { evolve } from '../transfer/evolve.js';
import { checkGuards } from '../transfer/guards.js';
import { replayedVersion } from '../transfer/recorded-deliveries.js';
import { computeTotals } from '../transfer/totals.js';
import type { TransferState } from '../transfer/transfer-state.js';
import { requireTransition, type Transition } from '../transfer/transition-policy.js';

/**
 * `decide` as it was written before the command registry: a switch over the command type for the
 * transition and another for the decision. The lifecycle property holds the registry to it.
 */
export function decideBySwitch(state: TransferState | null, command: TransferCommand, context: DecisionContext): TransferEvent[] {
  const events = decideEvents(state, command, context);
  const after = events.reduce<TransferState | null>(
    (current, event) => evolve(current, event, { version: (current?.version ?? 0) + 1, recordedAt: '' }),
    state,
  );
  if (after) computeTotals(after);
  return events;
}

function decideEvents(state: TransferState | null, command: TransferCommand, context: DecisionContext): TransferEvent[] {
  if (command.type === 'CreateTransfer') {
    if (state) throw new DomainError('TRANSFER_ALREADY_EXISTS', `Transfer ${state.id} already exists`, { transferId: state.id });
    return decideCreateTransfer(command, context);
  }
  if (!state) throw new DomainError('TRANSFER_NOT_FOUND', 'No such transfer', {});
  if (command.type === 'AddTransferNote') return decideAddTransferNote(state, command, context);
  if (command.type === 'RetrySync') return decideRetrySync(state, command);
  if (command.type === 'AddBox') return decideAddBox(state, command, context);
  if (command.type === 'PutInBox') return decidePutInBox(state, command, context);
  if (command.type === 'TakeOutOfBox') return decideTakeOutOfBox(state, command, context);
  if (command.type === 'WeighBox') return decideWeighBox(state, command, context);
  if (command.type === 'RemoveBox') return decideRemoveBox(state, command, context);
  if (command.type === 'RequestBooking') return decideRequestBooking(state, command, context);
  if (command.type === 'CancelBooking') return decideCancelBooking(state, command, context);
  if (command.type === 'RecordBooking') return decideRecordBooking(state, command, context);
  if (command.type === 'RecordBookingFailure') return decideRecordBookingFailure(state, command, context);
  if (command.type === 'RecordBookingCancelled') return decideRecordBookingCancelled(state, command, context);
  if (command.type === 'RecordCancellationRefused') return decideRecordCancellationRefused(state, command, context);
  if (command.type === 'RecordTrackingUpdate') return decideRecordTrackingUpdate(state, command, context);
  if (replayedVersion(state, command, context) !== null) return [];
  const row = requireTransition(state.type, state.status, transitionBySwitch(command));
  checkGuards(row.guards ?? [], state, context.rules);
  switch (command.type) {
    case 'AddItem':
      return decideAddItem(state, command);
    case 'ChangeItemQuantity':
      return decideChangeItemQuantity(state, command);
    case 'RemoveItem':
      return decideRemoveItem(state, command);
    case 'RecordPackedQuantity':
      return decideRecordPackedQuantity(state, command, context);
    case 'MarkPacked':
      return decideMarkPacked(state, command, context);
    case 'SubmitTransfer':
      return decideSubmitTransfer(state, command, context);
    case 'ApproveTransfer':
      return decideApproveTransfer(state, command, context);
    case 'RejectTransfer':
      return decideRejectTransfer(state, command, context);
    case 'SendTransfer':
      return decideSendTransfer(state, command, context);
    case 'ReceiveTransfer':
      return decideReceiveTransfer(state, command, context);
    case 'CorrectReceipt':
      return decideCorrectReceipt(state, command, context);
    case 'RecordCount':
      return decideRecordCount(state, command, context);
    case 'CompleteStocktake':
      return decideCompleteStocktake(state, command, context);
    case 'CancelTransfer':
      return decideCancelTransfer(state, command, context);
    case 'RecordExternalChange':
      return decideRecordExternalChange(state, command, context);
  }
}

function transitionBySwitch(command: Exclude<TransferCommand, { type: 'CreateTransfer' | 'AddTransferNote' | 'RetrySync' | 'AddBox' | 'PutInBox' | 'TakeOutOfBox' | 'WeighBox' | 'RemoveBox' | 'RequestBooking' | 'CancelBooking' | 'RecordBooking' | 'RecordBookingFailure' | 'RecordBookingCancelled' | 'RecordCancellationRefused' | 'RecordTrackingUpdate' }>): Transition {
  switch (command.type) {
    case 'AddItem':
      return 'addItem';
    case 'ChangeItemQuantity':
      return 'changeItemQuantity';
    case 'RemoveItem':
      return 'removeItem';
    case 'RecordPackedQuantity':
      return 'recordPacked';
    case 'MarkPacked':
      return 'pack';
    case 'SubmitTransfer':
      return 'submit';
    case 'ApproveTransfer':
      return 'approve';
    case 'RejectTransfer':
      return 'reject';
    case 'SendTransfer':
      return 'send';
    case 'ReceiveTransfer':
      return command.final ? 'receiveFinal' : 'receivePartial';
    case 'CorrectReceipt':
      return 'correctReceipt';
    case 'RecordCount':
      return 'recordCount';
    case 'CompleteStocktake':
      return 'complete';
    case 'CancelTransfer':
      return 'cancel';
    case 'RecordExternalChange':
      return 'noteExternalChange';
  }
}
