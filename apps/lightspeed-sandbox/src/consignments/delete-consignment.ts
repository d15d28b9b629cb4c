import { unprocessable } from '../http/api-error.js';
import { refuseConsignmentDelete } from '../rules/consignment-decisions.js';
import type { SandboxContext } from '../sandbox-context.js';

/** DELETE /consignments/:id — a soft delete: `deleted_at` is stamped and the version bumped. */
export function deleteConsignment(ctx: SandboxContext, id: string): void {
  const { store } = ctx;
  const consignment = store.liveConsignment(id);
  const refusal = refuseConsignmentDelete(consignment);
  if (refusal !== undefined) throw unprocessable(refusal);
  consignment.deleted_at = store.now();
  store.touch(consignment);
}
