import type { ItemInput } from '../../command-inputs.js';
import type { TransferType } from '../../transfer-type.js';

/** Starts a transfer of a type, naming the parties that type moves stock between, with any first items. */
export interface CreateTransfer {
  type: 'CreateTransfer';
  transferId: string;
  transferType: TransferType;
  sourceOutletId?: string | null;
  destinationOutletId?: string | null;
  supplierId?: string | null;
  reference?: string | null;
  notes?: string | null;
  items?: ItemInput[];
}

/** Creating is the one action that is no transition: there is no status to move from yet. */
export const CREATE_TRANSFER_ACTION = 'create';
