import type { DecisionContext } from '../../decision-context.js';
import type { TransferSent } from '../../events.js';
import type { TransferState } from '../../transfer-state.js';
import type { SendTransfer } from './command.js';

/** An outlet transfer sends what was packed; an order or a return sends what was planned. */
export function decideSendTransfer(state: TransferState, _command: SendTransfer, context: DecisionContext): TransferSent[] {
  return [
    {
      type: 'TransferSent',
      data: {
        sentBy: context.actorId,
        lines: state.lines.map((line) => ({
          productId: line.productId,
          sentQuantity: state.type === 'OUTLET_TRANSFER' ? line.packedQuantity : line.plannedQuantity,
        })),
      },
    },
  ];
}
