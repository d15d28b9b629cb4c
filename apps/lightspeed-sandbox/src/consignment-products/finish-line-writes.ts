import { applyStatus } from '../consignments/apply-status.js';
import { DISPATCHED } from '../rules/line-edit-rules.js';
import type { SandboxContext } from '../sandbox-context.js';
import type { ConsignmentRecord } from '../store/records.js';

/**
 * After line writes: a line change is a change of its consignment (its version moves, so a consignment feed shows
 * it), and a `received` written on a SENT supplier order is the implicit transition to DISPATCHED.
 */
export function finishLineWrites(ctx: SandboxContext, consignment: ConsignmentRecord, dispatches: boolean): void {
  if (dispatches && consignment.status !== DISPATCHED) applyStatus(ctx, consignment, DISPATCHED);
  else ctx.store.touch(consignment);
}
