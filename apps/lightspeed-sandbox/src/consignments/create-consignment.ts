import { badRequest, unprocessable } from '../http/api-error.js';
import { optionalString, requiredString, type Fields } from '../http/request-body.js';
import { CONSIGNMENT_TYPES, isConsignmentType, LIFECYCLES, normalizeStatus } from '../rules/consignment-lifecycles.js';
import { refuseCreateStatus } from '../rules/consignment-decisions.js';
import type { SandboxContext } from '../sandbox-context.js';
import type { ConsignmentRecord } from '../store/records.js';
import { announceStatus } from './apply-status.js';
import { readConsignmentEdits } from './consignment-input.js';

export function createConsignment(ctx: SandboxContext, fields: Fields): ConsignmentRecord {
  const { store } = ctx;
  const type = fields['type'];
  if (!isConsignmentType(type)) throw badRequest(`type is required, one of ${CONSIGNMENT_TYPES.join(', ')}`);
  requiredString(fields, 'name');
  requiredString(fields, 'outlet_id');
  const edits = readConsignmentEdits(store, fields);
  if (type === 'OUTLET') {
    if (!edits.source_outlet_id) throw badRequest('source_outlet_id is required for an OUTLET consignment');
    if (edits.source_outlet_id === edits.outlet_id) throw badRequest('source_outlet_id must differ from outlet_id');
  }
  const lifecycle = LIFECYCLES[type];
  const status = normalizeStatus(type, optionalString(fields, 'status') ?? lifecycle.initial);
  const refusal = refuseCreateStatus({ type, status });
  if (refusal !== undefined) throw unprocessable(refusal);

  const now = store.now();
  const consignment: ConsignmentRecord = {
    id: store.newId(),
    type,
    status,
    outlet_id: edits.outlet_id!,
    source_outlet_id: null,
    supplier_id: null,
    name: edits.name!,
    reference: null,
    supplier_invoice: null,
    consignment_date: now,
    due_at: null,
    received_at: null,
    show_inactive: false,
    filters: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    version: 0,
    ...edits,
  };
  store.consignments.set(consignment.id, consignment);
  store.linesOf(consignment.id);
  store.touch(consignment);
  announceStatus(ctx, consignment);
  return consignment;
}
