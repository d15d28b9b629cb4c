import { LIFECYCLES } from '../rules/consignment-lifecycles.js';
import type { SandboxContext } from '../sandbox-context.js';
import type { ConsignmentRecord } from '../store/records.js';
import { scheduleStocktakeProcessing } from './stocktake-processing.js';

/** Line status once the consignment reaches a status (versions bumped: a line's change is a change). */
const LINE_STATUS_ON: Record<string, string> = {
  SENT: 'SENT_SUCCESS',
  RECEIVED: 'RECEIVE_SUCCESS',
  STOCKTAKE_COMPLETE: 'STOCKTAKE_SUCCESS',
};

/** Moves an (already validated) consignment to `target`, bumps its version and announces the change. */
export function applyStatus(ctx: SandboxContext, consignment: ConsignmentRecord, target: string): void {
  const { store } = ctx;
  consignment.status = target;
  if (target === LIFECYCLES[consignment.type].receivedStatus) consignment.received_at = store.now();
  const lineStatus = LINE_STATUS_ON[target];
  if (lineStatus !== undefined) {
    for (const line of store.liveLines(consignment.id)) {
      line.status = lineStatus;
      store.touch(line);
    }
  }
  store.touch(consignment);
  announceStatus(ctx, consignment);
}

/** Side effects of having reached the current status: webhooks, the stocktake job. */
export function announceStatus(ctx: SandboxContext, consignment: ConsignmentRecord): void {
  const { status } = consignment;
  if (status === 'SENT') ctx.store.emit({ type: 'consignment.send', consignment });
  if (status === 'RECEIVED') ctx.store.emit({ type: 'consignment.receive', consignment });
  if (status === 'STOCKTAKE_IN_PROGRESS') scheduleStocktakeProcessing(ctx, consignment);
}
