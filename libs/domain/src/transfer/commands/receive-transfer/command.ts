import type { ReceiptLineInput } from '../../command-inputs.js';
import type { EvidenceAttachment } from '../../receipt-evidence.js';
import type { Transition } from '../../transition-policy.js';

/** One delivery arrives: what was counted in it, adding to earlier deliveries. */
export interface ReceiveTransfer {
  type: 'ReceiveTransfer';
  /** Chosen by the client for this delivery: the same delivery sent again is recorded once. */
  receiptId: string;
  final: boolean;
  confirmOverReceipt?: boolean;
  lines: ReceiptLineInput[];
  /** Photos and signatures the receiver uploaded, of a line or of the whole delivery. */
  evidence?: EvidenceAttachment[];
}

/** A final receipt closes the transfer; a partial one leaves it receiving. */
export const receiveTransferAction = (command: ReceiveTransfer): Transition => (command.final ? 'receiveFinal' : 'receivePartial');
