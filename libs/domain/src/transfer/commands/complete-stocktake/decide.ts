import type { DecisionContext } from '../../decision-context.js';
import type { StocktakeCompleted } from '../../events.js';
import { computeTotals } from '../../totals.js';
import type { TransferState } from '../../transfer-state.js';
import type { CompleteStocktake } from './command.js';

export function decideCompleteStocktake(state: TransferState, _command: CompleteStocktake, context: DecisionContext): StocktakeCompleted[] {
  return [{ type: 'StocktakeCompleted', data: { completedBy: context.actorId, varianceValue: computeTotals(state).varianceValue } }];
}
