import type { TransferEvent } from './events.js';
import type { Transition } from './transition-policy.js';

/** Which transition of the table each event records (TransferCreated starts a transfer at OPEN). */
export function transitionOfEvent(event: Exclude<TransferEvent, { type: 'TransferCreated' }>): Transition {
  switch (event.type) {
    case 'ItemAdded':
      return 'addItem';
    case 'ItemQuantityChanged':
      return 'changeItemQuantity';
    case 'ItemRemoved':
      return 'removeItem';
    case 'PackedQuantityRecorded':
      return 'recordPacked';
    case 'TransferPacked':
      return 'pack';
    case 'TransferSubmitted':
      return 'submit';
    case 'TransferApproved':
      return 'approve';
    case 'TransferRejected':
      return 'reject';
    case 'TransferSent':
      return 'send';
    case 'ReceiptRecorded':
      return event.data.final ? 'receiveFinal' : 'receivePartial';
    case 'ReceiptCorrected':
      return 'correctReceipt';
    case 'CountRecorded':
      return 'recordCount';
    case 'StocktakeCompleted':
      return 'complete';
    case 'TransferCancelled':
      return 'cancel';
    case 'LightspeedDivergenceDetected':
      return 'noteExternalChange';
  }
}
