import type { Money } from '../shared/money.js';
import type { EvidenceFact } from './receipt-evidence.js';

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
  /** The name the person's token carries, for facts that show who by name. */
  actorName: string | null;
  /** The roles of the person deciding: some contents (a surplus worth approving) need a manager. */
  actorRoles: readonly string[];
  rules: TransferRules;
  /** The evidence rows the command names, as the application found them before deciding (none when it names none). */
  evidence?: readonly EvidenceFact[];
}
