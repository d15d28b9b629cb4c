import { DomainError } from '../../../shared/domain-error.js';
import type { DecisionContext } from '../../decision-context.js';
import { TRACKING_STATUSES, requireText } from '../../shipment.js';
import type { TransferState } from '../../transfer-state.js';
import type { RecordTrackingUpdate } from './command.js';
import type { TrackingUpdated } from './event.js';

/**
 * Only for a booked shipment's own tracking numbers. An update already recorded (same tracking number,
 * status and time) is already done: a webhook delivered twice, or a poll seeing what a webhook told, adds nothing.
 */
export function decideRecordTrackingUpdate(state: TransferState, command: RecordTrackingUpdate, context: DecisionContext): TrackingUpdated[] {
  if (!TRACKING_STATUSES.includes(command.status)) {
    throw new DomainError('INVALID_TRANSFER', `status must be one of ${TRACKING_STATUSES.join(', ')}`, { field: 'status', value: command.status });
  }
  if (command.source !== 'WEBHOOK' && command.source !== 'POLL') {
    throw new DomainError('INVALID_TRANSFER', 'source must be WEBHOOK or POLL', { field: 'source', value: command.source });
  }
  if (typeof command.at !== 'string' || Number.isNaN(Date.parse(command.at))) {
    throw new DomainError('INVALID_TRANSFER', 'at must be an ISO-8601 time', { field: 'at', value: command.at });
  }
  const rawStatus = typeof command.rawStatus === 'string' ? command.rawStatus : '';
  const trackingNumber = requireText(command.trackingNumber, 'trackingNumber', 200);
  const shipment = state.shipment;
  if (!shipment || shipment.status === 'REQUESTED' || !shipment.trackingNumbers.includes(trackingNumber)) {
    throw new DomainError('UNKNOWN_TRACKING_NUMBER', `Tracking number ${trackingNumber} is not of a shipment booked for transfer ${state.id}`, { trackingNumber });
  }
  const recorded = shipment.tracking.events.some(
    (event) => event.trackingNumber === trackingNumber && event.status === command.status && Date.parse(event.at) === Date.parse(command.at),
  );
  if (recorded) return [];
  return [
    {
      type: 'TrackingUpdated',
      data: {
        orderNumber: shipment.orderNumber,
        trackingNumber,
        status: command.status,
        rawStatus,
        at: command.at,
        details: command.details ?? null,
        source: command.source,
        by: { id: context.actorId, name: context.actorName },
      },
    },
  ];
}
