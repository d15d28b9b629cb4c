import type { BoxActor } from '../../boxes.js';
import { eventDefinition } from '../../event-definition.js';
import { changeShipment, type ShipmentTrackingStatus, type TrackingSource } from '../../shipment.js';

export interface TrackingUpdated {
  type: 'TrackingUpdated';
  data: {
    orderNumber: string;
    trackingNumber: string;
    status: ShipmentTrackingStatus;
    rawStatus: string;
    at: string;
    details: string | null;
    source: TrackingSource;
    by: BoxActor;
  };
}

/** The newest update (by its carrier time) is the shipment's tracking status; the first DELIVERED stamps deliveredAt. */
export const TRACKING_UPDATED = eventDefinition<TrackingUpdated>({
  type: 'TrackingUpdated',
  schemaVersion: 1,
  affectsLightspeed: false,
  apply: (state, event) =>
    changeShipment(state, (shipment) => {
      const { trackingNumber, status, rawStatus, at, details, source } = event.data;
      const events = [...shipment.tracking.events, { trackingNumber, status, rawStatus, at, details, source }];
      const newest = shipment.tracking.at === null || Date.parse(at) >= Date.parse(shipment.tracking.at);
      return {
        ...shipment,
        tracking: { status: newest ? status : shipment.tracking.status, at: newest ? at : shipment.tracking.at, events },
        deliveredAt: shipment.deliveredAt ?? (status === 'DELIVERED' ? at : null),
      };
    }),
});
