import type { AuditFilters, TransferFilters } from '../api.js';

type Type = NonNullable<TransferFilters['type']>[number];
type Status = NonNullable<TransferFilters['status']>[number];
type Command = NonNullable<AuditFilters['command']>;

/** The values the console's filters offer; a unit spec keeps them equal to the service's own lists. */
export const TRANSFER_TYPES: readonly Type[] = ['OUTLET_TRANSFER', 'PURCHASE_ORDER', 'SUPPLIER_RETURN', 'STOCKTAKE'];
export const STATUSES: readonly Status[] = ['OPEN', 'PACKING', 'PACKED', 'PENDING_APPROVAL', 'APPROVED', 'SENT', 'RECEIVING', 'RECEIVED', 'IN_PROGRESS', 'PENDING_REVIEW', 'COMPLETED', 'CANCELLED'];
export const COMMANDS: readonly Command[] = [
  'CreateTransfer', 'AddItem', 'ChangeItemQuantity', 'RemoveItem', 'RecordPackedQuantity', 'MarkPacked', 'SubmitTransfer', 'ApproveTransfer', 'RejectTransfer',
  'SendTransfer', 'ReceiveTransfer', 'CorrectReceipt', 'RecordCount', 'CompleteStocktake', 'CancelTransfer', 'RecordExternalChange', 'AddTransferNote', 'RetrySync',
  'AddBox', 'PutInBox', 'TakeOutOfBox', 'WeighBox', 'RemoveBox',
  'RequestBooking', 'CancelBooking', 'RecordBooking', 'RecordBookingFailure', 'RecordBookingCancelled', 'RecordCancellationRefused', 'RecordTrackingUpdate',
];

/** `value` when it is one of `choices` (a hand-edited URL may carry anything), else undefined. */
export const oneOf = <T extends string>(choices: readonly T[], value: string | null): T | undefined =>
  (choices as readonly (string | null)[]).includes(value) ? (value as T) : undefined;
