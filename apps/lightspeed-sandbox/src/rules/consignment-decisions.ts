import type { ConsignmentRecord, LineRecord } from '../store/records.js';
import { LIFECYCLES, statusesOf } from './consignment-lifecycles.js';
import { DISPATCHED, LINE_RULES, type LineChannel, type LineField } from './line-edit-rules.js';

/** Pure decisions over the rule tables: a refusal message, or undefined when allowed. */
type Subject = Pick<ConsignmentRecord, 'type' | 'status'>;

export function refuseUpdate(consignment: Subject): string | undefined {
  if (LIFECYCLES[consignment.type].terminal.includes(consignment.status)) {
    return `A ${consignment.status} ${consignment.type} consignment cannot be updated`;
  }
  return undefined;
}

export function refuseCreateStatus(consignment: Subject): string | undefined {
  if (!statusesOf(consignment.type).includes(consignment.status)) {
    return `Unknown status ${consignment.status} for a ${consignment.type} consignment`;
  }
  if (!LIFECYCLES[consignment.type].creatable.includes(consignment.status)) {
    return `A ${consignment.type} consignment cannot be created as ${consignment.status}`;
  }
  return undefined;
}

export function refuseStatusChange(
  consignment: Subject,
  target: string,
  lines: readonly LineRecord[],
  actor: 'client' | 'system' = 'client',
): string | undefined {
  const lifecycle = LIFECYCLES[consignment.type];
  if (!statusesOf(consignment.type).includes(target)) {
    return `Unknown status ${target} for a ${consignment.type} consignment`;
  }
  if (actor === 'client' && lifecycle.systemOnly.includes(target)) {
    return `${target} is set by the server, not by clients`;
  }
  if (!(lifecycle.transitions[consignment.status] ?? []).includes(target)) {
    return `A ${consignment.type} consignment cannot change from ${consignment.status} to ${target}`;
  }
  if (lifecycle.statusChangeNeedsLines && lines.length === 0) {
    return 'The status cannot change while the consignment has no products';
  }
  if (target === lifecycle.receivedStatus && !lines.some((line) => line.received > 0)) {
    return `${target} needs at least one product with a non-zero received quantity`;
  }
  return undefined;
}

export interface LineWriteDecision {
  refusal?: string;
  /** The write also flips the order to DISPATCHED (the implicit transition). */
  dispatches: boolean;
}

export function decideLineWrite(
  consignment: Subject,
  fields: readonly LineField[],
  channel: LineChannel,
  lineExists: boolean,
): LineWriteDecision {
  const updateRefusal = refuseUpdate(consignment);
  if (updateRefusal !== undefined) return { refusal: updateRefusal, dispatches: false };
  const rules = LINE_RULES[consignment.type];
  const { status, type } = consignment;
  const dispatches = fields.includes('received') && rules.implicitDispatch[channel].includes(status);
  if (!lineExists && !rules.addable.includes(status) && !dispatches) {
    return { refusal: `Products cannot be added while the ${type} consignment is ${status}`, dispatches: false };
  }
  for (const field of fields) {
    const allowed = rules.editable[field].includes(status) || (field === 'received' && dispatches);
    if (!allowed) {
      return { refusal: `${field} cannot be set while the ${type} consignment is ${status}`, dispatches: false };
    }
  }
  return { dispatches };
}

export function refuseLineDelete(consignment: Subject): string | undefined {
  if (!LINE_RULES[consignment.type].deletable.includes(consignment.status)) {
    return `Products cannot be removed while the ${consignment.type} consignment is ${consignment.status}`;
  }
  return undefined;
}

export function refuseConsignmentDelete(consignment: Subject): string | undefined {
  if (!LIFECYCLES[consignment.type].deletable.includes(consignment.status)) {
    return `A ${consignment.status} ${consignment.type} consignment cannot be deleted`;
  }
  return undefined;
}

export { DISPATCHED };
