import { DomainError } from '../../shared/domain-error.js';
import type { DecisionContext, TransferCommand } from '../commands.js';
import type { TransferEvent } from '../events.js';
import { openDivergence, type TransferState } from '../transfer-state.js';
import { requireText } from './validation.js';

type ExternalChange = Extract<TransferCommand, { type: 'RecordExternalChange' }>;

/**
 * Notes that Lightspeed holds the consignment in a status our sync does not explain. Noting the
 * same difference again (a later poll, a webhook after the poll) changes nothing while it is open.
 */
export function decideExternalChange(state: TransferState, command: ExternalChange, context: DecisionContext): TransferEvent[] {
  const consignmentId = requireText(command.consignmentId, 'consignmentId');
  const lightspeedStatus = requireText(command.lightspeedStatus, 'lightspeedStatus');
  if (!Number.isSafeInteger(command.lightspeedVersion) || command.lightspeedVersion < 0) {
    throw new DomainError('INVALID_TRANSFER', 'lightspeedVersion must be a whole number from 0 upwards', {
      field: 'lightspeedVersion',
    });
  }
  const open = openDivergence(state);
  if (open && open.consignmentId === consignmentId && open.lightspeedStatus === lightspeedStatus) return [];
  return [
    {
      type: 'LightspeedDivergenceDetected',
      data: {
        consignmentId,
        lightspeedStatus,
        lightspeedVersion: command.lightspeedVersion,
        ourStatus: state.status,
        source: command.source,
        detectedAt: command.detectedAt,
        detectedBy: context.actorId,
      },
    },
  ];
}
