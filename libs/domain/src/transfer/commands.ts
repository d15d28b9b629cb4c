import type { Money } from '../shared/money.js';
import type { Quantity } from '../shared/quantity.js';
import type { VarianceReason } from './transfer-line.js';
import type { TransferType } from './transfer-type.js';
import type { DivergenceSource, DivergentLine } from './transfer-state.js';

export interface ItemInput {
  productId: string;
  sku?: string | null;
  name?: string | null;
  quantity: Quantity;
  unitCost?: Money | null;
}

export interface ReceiptLineInput {
  productId: string;
  receivedQuantity: Quantity;
  reason?: VarianceReason | null;
  note?: string | null;
}

/** What a user asks of a transfer. `decide` turns each into events or refuses it. */
export type TransferCommand =
  | {
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
  | { type: 'AddItem'; item: ItemInput }
  | { type: 'ChangeItemQuantity'; productId: string; quantity: Quantity }
  | { type: 'RemoveItem'; productId: string }
  | {
      type: 'RecordPackedQuantity';
      productId: string;
      packedQuantity: Quantity;
      /** Confirms a packed quantity above the tolerance over what was planned. */
      confirmOverPack?: boolean;
    }
  | { type: 'MarkPacked' }
  | { type: 'SubmitTransfer' }
  | { type: 'ApproveTransfer' }
  | { type: 'RejectTransfer'; reason: string }
  | { type: 'SendTransfer' }
  | {
      type: 'ReceiveTransfer';
      /** Chosen by the client for this delivery: the same delivery sent again is recorded once. */
      receiptId: string;
      final: boolean;
      confirmOverReceipt?: boolean;
      lines: ReceiptLineInput[];
    }
  | {
      type: 'CorrectReceipt';
      /** Chosen by the client for this correction: the same correction sent again is recorded once. */
      correctionId: string;
      reason: string;
      confirmOverReceipt?: boolean;
      lines: ReceiptLineInput[];
    }
  | {
      type: 'RecordCount';
      productId: string;
      countedQuantity: Quantity;
      sku?: string | null;
      name?: string | null;
      unitCost?: Money | null;
    }
  | { type: 'CompleteStocktake' }
  | { type: 'CancelTransfer'; reason: string }
  | {
      /**
       * Lightspeed holds the transfer's consignment in a status our own sync does not explain (it
       * was received or cancelled there directly). Recorded for ops; our status does not change.
       */
      type: 'RecordExternalChange';
      consignmentId: string;
      /** Lightspeed's status as read, or DELETED for a consignment deleted there. */
      lightspeedStatus: string;
      lightspeedVersion: number;
      /** How it was noticed: the poller, a webhook, or the outbound sync about to write over a line. */
      source: DivergenceSource;
      /** A line's value in Lightspeed differs from what this service last wrote there. */
      line?: DivergentLine;
      detectedAt: string;
    };

export type TransferCommandType = TransferCommand['type'];

/** Business settings that change what is allowed, set per deployment. */
export interface TransferRules {
  /** A purchase order whose total cost is at or above this needs a manager's approval. */
  purchaseOrderApprovalThreshold: Money;
  /** A stocktake whose net variance value exceeds this (either way) needs review. */
  stocktakeReviewThreshold: Money;
  /**
   * How far above what was expected, in percent, a line may be received (over what was sent) or
   * packed (over what was planned) before it must be confirmed.
   */
  overReceiptTolerancePercent: number;
  /** How many units of a product that was not sent (or not planned, when packing) need no confirmation. */
  unsentItemLimit: number;
}

export interface DecisionContext {
  actorId: string;
  /** The roles of the person deciding: some contents (a surplus worth approving) need a manager. */
  actorRoles: readonly string[];
  rules: TransferRules;
}
