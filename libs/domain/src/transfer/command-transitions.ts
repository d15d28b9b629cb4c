import type { TransferCommand } from './commands.js';
import type { Transition } from './transition-policy.js';

/** Which transition of the table a command attempts. */
export function transitionOfCommand(command: Exclude<TransferCommand, { type: 'CreateTransfer' }>): Transition {
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
