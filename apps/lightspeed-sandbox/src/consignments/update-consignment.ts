import { unprocessable } from '../http/api-error.js';
import { optionalString, type Fields } from '../http/request-body.js';
import { LIFECYCLES, normalizeStatus } from '../rules/consignment-lifecycles.js';
import { refuseStatusChange, refuseUpdate } from '../rules/consignment-decisions.js';
import type { SandboxContext } from '../sandbox-context.js';
import type { ConsignmentRecord } from '../store/records.js';
import { applyStatus } from './apply-status.js';
import { readConsignmentEdits, STRUCTURAL_FIELDS } from './consignment-input.js';

/** PUT /consignments/:id — a partial update; `status` moves it along its lifecycle. */
export function updateConsignment(ctx: SandboxContext, id: string, fields: Fields): ConsignmentRecord {
  const { store } = ctx;
  const consignment = store.liveConsignment(id);
  if (fields['type'] !== undefined && fields['type'] !== consignment.type) {
    throw unprocessable('The type of a consignment cannot be changed');
  }
  const updateRefusal = refuseUpdate(consignment);
  if (updateRefusal !== undefined) throw unprocessable(updateRefusal);

  const edits = readConsignmentEdits(store, fields);
  const lifecycle = LIFECYCLES[consignment.type];
  for (const key of STRUCTURAL_FIELDS) {
    const changed = edits[key] !== undefined && JSON.stringify(edits[key]) !== JSON.stringify(consignment[key]);
    if (changed && !lifecycle.structureEditable.includes(consignment.status)) {
      throw unprocessable(`${key} cannot change while the ${consignment.type} consignment is ${consignment.status}`);
    }
  }
  const requested = optionalString(fields, 'status');
  const target = requested ? normalizeStatus(consignment.type, requested) : consignment.status;
  if (target !== consignment.status) {
    const refusal = refuseStatusChange(consignment, target, store.liveLines(consignment.id));
    if (refusal !== undefined) throw unprocessable(refusal);
  }

  Object.assign(consignment, edits);
  if (target !== consignment.status) applyStatus(ctx, consignment, target);
  else store.touch(consignment);
  return consignment;
}
