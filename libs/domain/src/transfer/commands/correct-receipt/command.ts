import type { ReceiptLineInput } from '../../command-inputs.js';
import type { Transition } from '../../transition-policy.js';

/** Sets the received totals of named lines of a received transfer anew. */
export interface CorrectReceipt {
  type: 'CorrectReceipt';
  /** Chosen by the client for this correction: the same correction sent again is recorded once. */
  correctionId: string;
  reason: string;
  confirmOverReceipt?: boolean;
  lines: ReceiptLineInput[];
}

export const CORRECT_RECEIPT_ACTION = 'correctReceipt' satisfies Transition;
