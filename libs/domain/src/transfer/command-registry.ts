import type { ActionGrants, TransferAction } from './access-grants.js';
import { annotation, creation, transition, type CommandDefinition, type OwnEventsOf } from './command-definition.js';
import type { EventDefinition, EventOf } from './event-definition.js';
import type { TransferCommand } from './commands.js';
import { ADD_TRANSFER_NOTE_ACCESS } from './commands/add-transfer-note/access.js';
import { ADD_TRANSFER_NOTE_ACTION } from './commands/add-transfer-note/command.js';
import { decideAddTransferNote } from './commands/add-transfer-note/decide.js';
import { TRANSFER_NOTE_ADDED } from './commands/add-transfer-note/event.js';
import { PACK_BOXES_ACCESS } from './commands/add-box/access.js';
import { PACK_BOXES_ACTION } from './commands/add-box/command.js';
import { decideAddBox } from './commands/add-box/decide.js';
import { BOX_ADDED } from './commands/add-box/event.js';
import { PUT_IN_BOX_ACCESS } from './commands/put-in-box/access.js';
import { PUT_IN_BOX_ACTION } from './commands/put-in-box/command.js';
import { decidePutInBox } from './commands/put-in-box/decide.js';
import { ITEMS_BOXED } from './commands/put-in-box/event.js';
import { REMOVE_BOX_ACCESS } from './commands/remove-box/access.js';
import { REMOVE_BOX_ACTION } from './commands/remove-box/command.js';
import { decideRemoveBox } from './commands/remove-box/decide.js';
import { BOX_REMOVED } from './commands/remove-box/event.js';
import { TAKE_OUT_OF_BOX_ACCESS } from './commands/take-out-of-box/access.js';
import { TAKE_OUT_OF_BOX_ACTION } from './commands/take-out-of-box/command.js';
import { decideTakeOutOfBox } from './commands/take-out-of-box/decide.js';
import { ITEMS_UNBOXED } from './commands/take-out-of-box/event.js';
import { WEIGH_BOX_ACCESS } from './commands/weigh-box/access.js';
import { WEIGH_BOX_ACTION } from './commands/weigh-box/command.js';
import { decideWeighBox } from './commands/weigh-box/decide.js';
import { BOX_WEIGHED } from './commands/weigh-box/event.js';
import { BOOK_SHIPMENT_ACCESS } from './commands/request-booking/access.js';
import { BOOK_SHIPMENT_ACTION } from './commands/request-booking/command.js';
import { decideRequestBooking } from './commands/request-booking/decide.js';
import { BOOKING_REQUESTED } from './commands/request-booking/event.js';
import { CANCEL_BOOKING_ACCESS } from './commands/cancel-booking/access.js';
import { CANCEL_BOOKING_ACTION } from './commands/cancel-booking/command.js';
import { decideCancelBooking } from './commands/cancel-booking/decide.js';
import { BOOKING_CANCELLATION_REQUESTED } from './commands/cancel-booking/event.js';
import { RECORD_SHIPMENT_ACCESS } from './commands/record-booking/access.js';
import { RECORD_SHIPMENT_ACTION } from './commands/record-booking/command.js';
import { decideRecordBooking } from './commands/record-booking/decide.js';
import { SHIPMENT_BOOKED } from './commands/record-booking/event.js';
import { RECORD_BOOKING_FAILURE_ACCESS } from './commands/record-booking-failure/access.js';
import { RECORD_BOOKING_FAILURE_ACTION } from './commands/record-booking-failure/command.js';
import { decideRecordBookingFailure } from './commands/record-booking-failure/decide.js';
import { BOOKING_FAILED } from './commands/record-booking-failure/event.js';
import { RECORD_BOOKING_CANCELLED_ACCESS } from './commands/record-booking-cancelled/access.js';
import { RECORD_BOOKING_CANCELLED_ACTION } from './commands/record-booking-cancelled/command.js';
import { decideRecordBookingCancelled } from './commands/record-booking-cancelled/decide.js';
import { BOOKING_CANCELLED } from './commands/record-booking-cancelled/event.js';
import { RECORD_CANCELLATION_REFUSED_ACCESS } from './commands/record-cancellation-refused/access.js';
import { RECORD_CANCELLATION_REFUSED_ACTION } from './commands/record-cancellation-refused/command.js';
import { decideRecordCancellationRefused } from './commands/record-cancellation-refused/decide.js';
import { BOOKING_CANCELLATION_REFUSED } from './commands/record-cancellation-refused/event.js';
import { RECORD_TRACKING_UPDATE_ACCESS } from './commands/record-tracking-update/access.js';
import { RECORD_TRACKING_UPDATE_ACTION } from './commands/record-tracking-update/command.js';
import { decideRecordTrackingUpdate } from './commands/record-tracking-update/decide.js';
import { TRACKING_UPDATED } from './commands/record-tracking-update/event.js';
import { ADD_ITEM_ACCESS } from './commands/add-item/access.js';
import { ADD_ITEM_ACTION } from './commands/add-item/command.js';
import { decideAddItem } from './commands/add-item/decide.js';
import { APPROVE_TRANSFER_ACCESS } from './commands/approve-transfer/access.js';
import { APPROVE_TRANSFER_ACTION } from './commands/approve-transfer/command.js';
import { decideApproveTransfer } from './commands/approve-transfer/decide.js';
import { CANCEL_TRANSFER_ACCESS } from './commands/cancel-transfer/access.js';
import { CANCEL_TRANSFER_ACTION } from './commands/cancel-transfer/command.js';
import { decideCancelTransfer } from './commands/cancel-transfer/decide.js';
import { CHANGE_ITEM_QUANTITY_ACCESS } from './commands/change-item-quantity/access.js';
import { CHANGE_ITEM_QUANTITY_ACTION } from './commands/change-item-quantity/command.js';
import { decideChangeItemQuantity } from './commands/change-item-quantity/decide.js';
import { COMPLETE_STOCKTAKE_ACCESS } from './commands/complete-stocktake/access.js';
import { COMPLETE_STOCKTAKE_ACTION } from './commands/complete-stocktake/command.js';
import { decideCompleteStocktake } from './commands/complete-stocktake/decide.js';
import { CORRECT_RECEIPT_ACCESS } from './commands/correct-receipt/access.js';
import { CORRECT_RECEIPT_ACTION } from './commands/correct-receipt/command.js';
import { decideCorrectReceipt } from './commands/correct-receipt/decide.js';
import { CREATE_TRANSFER_ACCESS } from './commands/create-transfer/access.js';
import { CREATE_TRANSFER_ACTION } from './commands/create-transfer/command.js';
import { decideCreateTransfer } from './commands/create-transfer/decide.js';
import { MARK_PACKED_ACCESS } from './commands/mark-packed/access.js';
import { MARK_PACKED_ACTION } from './commands/mark-packed/command.js';
import { decideMarkPacked } from './commands/mark-packed/decide.js';
import { RECEIVE_TRANSFER_ACCESS } from './commands/receive-transfer/access.js';
import { receiveTransferAction } from './commands/receive-transfer/command.js';
import { decideReceiveTransfer } from './commands/receive-transfer/decide.js';
import { RETRY_SYNC_ACCESS } from './commands/retry-sync/access.js';
import { RETRY_SYNC_ACTION } from './commands/retry-sync/command.js';
import { decideRetrySync } from './commands/retry-sync/decide.js';
import { SYNC_RETRIED } from './commands/retry-sync/event.js';
import { RECORD_COUNT_ACCESS } from './commands/record-count/access.js';
import { RECORD_COUNT_ACTION } from './commands/record-count/command.js';
import { decideRecordCount } from './commands/record-count/decide.js';
import { RECORD_EXTERNAL_CHANGE_ACCESS } from './commands/record-external-change/access.js';
import { RECORD_EXTERNAL_CHANGE_ACTION } from './commands/record-external-change/command.js';
import { decideRecordExternalChange } from './commands/record-external-change/decide.js';
import { RECORD_PACKED_QUANTITY_ACCESS } from './commands/record-packed-quantity/access.js';
import { RECORD_PACKED_QUANTITY_ACTION } from './commands/record-packed-quantity/command.js';
import { decideRecordPackedQuantity } from './commands/record-packed-quantity/decide.js';
import { REJECT_TRANSFER_ACCESS } from './commands/reject-transfer/access.js';
import { REJECT_TRANSFER_ACTION } from './commands/reject-transfer/command.js';
import { decideRejectTransfer } from './commands/reject-transfer/decide.js';
import { REMOVE_ITEM_ACCESS } from './commands/remove-item/access.js';
import { REMOVE_ITEM_ACTION } from './commands/remove-item/command.js';
import { decideRemoveItem } from './commands/remove-item/decide.js';
import { SEND_TRANSFER_ACCESS } from './commands/send-transfer/access.js';
import { SEND_TRANSFER_ACTION } from './commands/send-transfer/command.js';
import { decideSendTransfer } from './commands/send-transfer/decide.js';
import { SUBMIT_TRANSFER_ACCESS } from './commands/submit-transfer/access.js';
import { SUBMIT_TRANSFER_ACTION } from './commands/submit-transfer/command.js';
import { decideSubmitTransfer } from './commands/submit-transfer/decide.js';

/**
 * Every command of a transfer, one line each: the action it takes, who may take it (its rows of the
 * access table) and its decision. `decide`, the command → transition map and ACCESS_TABLE are built
 * from this list; whether a transition is legal stays with the transition table.
 */
export const COMMAND_DEFINITIONS = [
  creation({ type: 'CreateTransfer', action: CREATE_TRANSFER_ACTION, access: CREATE_TRANSFER_ACCESS, decide: decideCreateTransfer }),
  transition({ type: 'AddItem', action: ADD_ITEM_ACTION, access: ADD_ITEM_ACCESS, decide: decideAddItem }),
  transition({ type: 'ChangeItemQuantity', action: CHANGE_ITEM_QUANTITY_ACTION, access: CHANGE_ITEM_QUANTITY_ACCESS, decide: decideChangeItemQuantity }),
  transition({ type: 'RemoveItem', action: REMOVE_ITEM_ACTION, access: REMOVE_ITEM_ACCESS, decide: decideRemoveItem }),
  transition({ type: 'RecordPackedQuantity', action: RECORD_PACKED_QUANTITY_ACTION, access: RECORD_PACKED_QUANTITY_ACCESS, decide: decideRecordPackedQuantity }),
  transition({ type: 'MarkPacked', action: MARK_PACKED_ACTION, access: MARK_PACKED_ACCESS, decide: decideMarkPacked }),
  transition({ type: 'SubmitTransfer', action: SUBMIT_TRANSFER_ACTION, access: SUBMIT_TRANSFER_ACCESS, decide: decideSubmitTransfer }),
  transition({ type: 'ApproveTransfer', action: APPROVE_TRANSFER_ACTION, access: APPROVE_TRANSFER_ACCESS, decide: decideApproveTransfer }),
  transition({ type: 'RejectTransfer', action: REJECT_TRANSFER_ACTION, access: REJECT_TRANSFER_ACCESS, decide: decideRejectTransfer }),
  transition({ type: 'SendTransfer', action: SEND_TRANSFER_ACTION, access: SEND_TRANSFER_ACCESS, decide: decideSendTransfer }),
  transition({ type: 'ReceiveTransfer', action: receiveTransferAction, access: RECEIVE_TRANSFER_ACCESS, decide: decideReceiveTransfer }),
  transition({ type: 'CorrectReceipt', action: CORRECT_RECEIPT_ACTION, access: CORRECT_RECEIPT_ACCESS, decide: decideCorrectReceipt }),
  transition({ type: 'RecordCount', action: RECORD_COUNT_ACTION, access: RECORD_COUNT_ACCESS, decide: decideRecordCount }),
  transition({ type: 'CompleteStocktake', action: COMPLETE_STOCKTAKE_ACTION, access: COMPLETE_STOCKTAKE_ACCESS, decide: decideCompleteStocktake }),
  transition({ type: 'CancelTransfer', action: CANCEL_TRANSFER_ACTION, access: CANCEL_TRANSFER_ACCESS, decide: decideCancelTransfer }),
  transition({
    type: 'RecordExternalChange',
    action: RECORD_EXTERNAL_CHANGE_ACTION,
    access: RECORD_EXTERNAL_CHANGE_ACCESS,
    decide: decideRecordExternalChange,
  }),
  annotation({
    type: 'AddTransferNote',
    action: ADD_TRANSFER_NOTE_ACTION,
    access: ADD_TRANSFER_NOTE_ACCESS,
    events: [TRANSFER_NOTE_ADDED],
    decide: decideAddTransferNote,
  }),
  annotation({ type: 'RetrySync', action: RETRY_SYNC_ACTION, access: RETRY_SYNC_ACCESS, events: [SYNC_RETRIED], decide: decideRetrySync }),
  // Boxes: packing, not lifecycle steps. They share one action, packBoxes, whose row AddBox brings.
  annotation({ type: 'AddBox', action: PACK_BOXES_ACTION, access: PACK_BOXES_ACCESS, events: [BOX_ADDED], decide: decideAddBox }),
  annotation({ type: 'PutInBox', action: PUT_IN_BOX_ACTION, access: PUT_IN_BOX_ACCESS, events: [ITEMS_BOXED], decide: decidePutInBox }),
  annotation({ type: 'TakeOutOfBox', action: TAKE_OUT_OF_BOX_ACTION, access: TAKE_OUT_OF_BOX_ACCESS, events: [ITEMS_UNBOXED], decide: decideTakeOutOfBox }),
  annotation({ type: 'WeighBox', action: WEIGH_BOX_ACTION, access: WEIGH_BOX_ACCESS, events: [BOX_WEIGHED], decide: decideWeighBox }),
  annotation({ type: 'RemoveBox', action: REMOVE_BOX_ACTION, access: REMOVE_BOX_ACCESS, events: [BOX_REMOVED], decide: decideRemoveBox }),
  // Shipment booking: freight, not lifecycle steps. Staff book and cancel (bookShipment); the workers record the carrier's answers (recordShipment, no person).
  annotation({ type: 'RequestBooking', action: BOOK_SHIPMENT_ACTION, access: BOOK_SHIPMENT_ACCESS, events: [BOOKING_REQUESTED], decide: decideRequestBooking }),
  annotation({ type: 'CancelBooking', action: CANCEL_BOOKING_ACTION, access: CANCEL_BOOKING_ACCESS, events: [BOOKING_CANCELLATION_REQUESTED], decide: decideCancelBooking }),
  annotation({ type: 'RecordBooking', action: RECORD_SHIPMENT_ACTION, access: RECORD_SHIPMENT_ACCESS, events: [SHIPMENT_BOOKED], decide: decideRecordBooking }),
  annotation({ type: 'RecordBookingFailure', action: RECORD_BOOKING_FAILURE_ACTION, access: RECORD_BOOKING_FAILURE_ACCESS, events: [BOOKING_FAILED], decide: decideRecordBookingFailure }),
  annotation({ type: 'RecordBookingCancelled', action: RECORD_BOOKING_CANCELLED_ACTION, access: RECORD_BOOKING_CANCELLED_ACCESS, events: [BOOKING_CANCELLED], decide: decideRecordBookingCancelled }),
  annotation({ type: 'RecordCancellationRefused', action: RECORD_CANCELLATION_REFUSED_ACTION, access: RECORD_CANCELLATION_REFUSED_ACCESS, events: [BOOKING_CANCELLATION_REFUSED], decide: decideRecordCancellationRefused }),
  annotation({ type: 'RecordTrackingUpdate', action: RECORD_TRACKING_UPDATE_ACTION, access: RECORD_TRACKING_UPDATE_ACCESS, events: [TRACKING_UPDATED], decide: decideRecordTrackingUpdate }),
] as const satisfies readonly CommandDefinition[];

/** The events the commands' own folders define, as the registry lists them. */
export const REGISTERED_EVENT_DEFINITIONS: readonly EventDefinition[] = (COMMAND_DEFINITIONS as readonly CommandDefinition[]).flatMap((definition) => definition.events);
/** The actions of commands that annotate a transfer without a transition (they have access rows of their own). */
export type AnnotationAction = Extract<(typeof COMMAND_DEFINITIONS)[number], { kind: 'annotation' }>['action'];
export const ANNOTATION_ACTIONS: readonly AnnotationAction[] = [
  // Once each: several commands may share an action (every box command takes packBoxes).
  ...new Set((COMMAND_DEFINITIONS as readonly CommandDefinition[]).flatMap((definition) => (definition.kind === 'annotation' ? [definition.action as AnnotationAction] : []))),
];
export type RegisteredEvent = EventOf<OwnEventsOf<(typeof COMMAND_DEFINITIONS)[number]>>;

const DEFINITION_OF_TYPE: ReadonlyMap<string, CommandDefinition> = new Map(COMMAND_DEFINITIONS.map((definition) => [definition.type, definition]));

export function definitionOf(command: TransferCommand): CommandDefinition {
  const definition = DEFINITION_OF_TYPE.get(command.type);
  if (!definition) throw new Error(`No transfer command ${String(command.type)}`);
  return definition;
}

/** The action of the access table a command takes: `create`, or the transition it attempts. */
export function actionOfCommand(command: TransferCommand): TransferAction {
  const definition = definitionOf(command);
  return (definition.kind === 'transition' ? definition.transitionOf(command) : definition.action) as TransferAction;
}

/** Every command's rows of the access table, in the order of the list above. */
export const COMMAND_ACCESS_ROWS: Readonly<Partial<Record<TransferAction, ActionGrants>>> = Object.assign(
  {},
  ...COMMAND_DEFINITIONS.map((definition) => definition.access),
);

/** The name of every transfer command, as the audit trail records it (`command`). */
export const TRANSFER_COMMAND_TYPES: readonly TransferCommand['type'][] = COMMAND_DEFINITIONS.map((definition) => definition.type);
