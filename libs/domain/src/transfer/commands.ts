import type { AddItem } from './commands/add-item/command.js';
import type { ApproveTransfer } from './commands/approve-transfer/command.js';
import type { CancelTransfer } from './commands/cancel-transfer/command.js';
import type { ChangeItemQuantity } from './commands/change-item-quantity/command.js';
import type { CompleteStocktake } from './commands/complete-stocktake/command.js';
import type { CorrectReceipt } from './commands/correct-receipt/command.js';
import type { CreateTransfer } from './commands/create-transfer/command.js';
import type { MarkPacked } from './commands/mark-packed/command.js';
import type { ReceiveTransfer } from './commands/receive-transfer/command.js';
import type { RecordCount } from './commands/record-count/command.js';
import type { RecordExternalChange } from './commands/record-external-change/command.js';
import type { RecordPackedQuantity } from './commands/record-packed-quantity/command.js';
import type { RejectTransfer } from './commands/reject-transfer/command.js';
import type { RemoveItem } from './commands/remove-item/command.js';
import type { SendTransfer } from './commands/send-transfer/command.js';
import type { SubmitTransfer } from './commands/submit-transfer/command.js';

export type { ItemInput, ReceiptLineInput } from './command-inputs.js';
export type { DecisionContext, TransferRules } from './decision-context.js';

/**
 * What a user asks of a transfer. Each command lives in its own folder under `commands/` (its
 * type, its decision, its access rows and its tests); `command-registry.ts` puts them together.
 */
export type TransferCommand =
  | CreateTransfer
  | AddItem
  | ChangeItemQuantity
  | RemoveItem
  | RecordPackedQuantity
  | MarkPacked
  | SubmitTransfer
  | ApproveTransfer
  | RejectTransfer
  | SendTransfer
  | ReceiveTransfer
  | CorrectReceipt
  | RecordCount
  | CompleteStocktake
  | CancelTransfer
  | RecordExternalChange;

export type TransferCommandType = TransferCommand['type'];
