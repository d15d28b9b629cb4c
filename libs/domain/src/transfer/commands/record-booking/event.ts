import type { BoxActor } from '../../boxes.js';
import { eventDefinition } from '../../event-definition.js';
import { changeShipment } from '../../shipment.js';

export interface ShipmentBooked {
  type: 'ShipmentBooked';
  data: {
    orderNumber: string;
    carrierOrderId: string;
    carrierName: string;
    trackingNumbers: string[];
    labelEvidenceIds: string[];
    priceCents: number | null;
    by: BoxActor;
  };
}

export const SHIPMENT_BOOKED = eventDefinition<ShipmentBooked>({
  type: 'ShipmentBooked',
  schemaVersion: 1,
  affectsLightspeed: false,
  apply: (state, event, at) =>
    changeShipment(state, (shipment) => ({
      ...shipment,
      status: 'BOOKED',
      carrierOrderId: event.data.carrierOrderId,
      carrierName: event.data.carrierName,
      trackingNumbers: event.data.trackingNumbers,
      labelEvidenceIds: event.data.labelEvidenceIds,
      priceCents: event.data.priceCents,
      bookedAt: at.recordedAt,
    })),
});
