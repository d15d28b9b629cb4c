import { DomainError } from '../../../shared/domain-error.js';
import type { DecisionContext } from '../../decision-context.js';
import type { LightspeedDivergenceDetected } from '../../events.js';
import { openDivergence, type DivergentLine, type TransferState } from '../../transfer-state.js';
import { requireText } from '../../validation.js';
import type { RecordExternalChange } from './command.js';

/**
 * Notes that Lightspeed holds the consignment in a status our sync does not explain. Noting the
 * same difference again (a later poll, a webhook after the poll) changes nothing while it is open.
 */
export function decideRecordExternalChange(
  state: TransferState,
  command: RecordExternalChange,
  context: DecisionContext,
): LightspeedDivergenceDetected[] {
  const consignmentId = requireText(command.consignmentId, 'consignmentId');
  const lightspeedStatus = requireText(command.lightspeedStatus, 'lightspeedStatus');
  if (!Number.isSafeInteger(command.lightspeedVersion) || command.lightspeedVersion < 0) {
    throw new DomainError('INVALID_TRANSFER', 'lightspeedVersion must be a whole number from 0 upwards', {
      field: 'lightspeedVersion',
    });
  }
  const line = command.line === undefined ? undefined : divergentLine(command.line);
  const open = openDivergence(state);
  if (open && open.consignmentId === consignmentId && open.lightspeedStatus === lightspeedStatus && sameLine(open.line, line)) return [];
  return [
    {
      type: 'LightspeedDivergenceDetected',
      data: {
        consignmentId,
        lightspeedStatus,
        lightspeedVersion: command.lightspeedVersion,
        ourStatus: state.status,
        source: command.source,
        ...(line ? { line } : {}),
        detectedAt: command.detectedAt,
        detectedBy: context.actorId,
      },
    },
  ];
}

function divergentLine(line: DivergentLine): DivergentLine {
  const productId = requireText(line.productId, 'line.productId');
  if (line.field !== 'count' && line.field !== 'received') {
    throw new DomainError('INVALID_TRANSFER', 'line.field must be count or received', { field: 'line.field' });
  }
  for (const key of ['lightspeedValue', 'lastWritten', 'ourValue'] as const) {
    if (!Number.isFinite(line[key]) || line[key] < 0) {
      throw new DomainError('INVALID_TRANSFER', `line.${key} must be a quantity from 0 upwards`, { field: `line.${key}` });
    }
  }
  return { productId, field: line.field, lightspeedValue: line.lightspeedValue, lastWritten: line.lastWritten, ourValue: line.ourValue };
}

/** The same edit noticed again (a sync retried before it could write) is not noted twice. */
function sameLine(a: DivergentLine | undefined, b: DivergentLine | undefined): boolean {
  if (!a || !b) return a === b;
  return a.productId === b.productId && a.field === b.field && a.lightspeedValue === b.lightspeedValue;
}
