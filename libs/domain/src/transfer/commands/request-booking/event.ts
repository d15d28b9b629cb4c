import type { BoxActor } from '../../boxes.js';
import { eventDefinition } from '../../event-definition.js';

export interface BookingRequested {
  type: 'BookingRequested';
  data: {
    orderNumber: string;
    boxSetVersion: number;
    serviceCode: string;
    serviceName: string;
    quotedPriceCents: number;
    currency: string | null;
    by: BoxActor;
  };
}

/** A booking is freight, not stock: Lightspeed holds nothing of it, and no status moves. */
export const BOOKING_REQUESTED = eventDefinition<BookingRequested>({
  type: 'BookingRequested',
  schemaVersion: 1,
  affectsLightspeed: false,
  apply: (state, event, at) => ({
    ...state,
    shipment: {
      status: 'REQUESTED',
      orderNumber: event.data.orderNumber,
      boxSetVersion: event.data.boxSetVersion,
      service: { code: event.data.serviceCode, name: event.data.serviceName },
      quotedPriceCents: event.data.quotedPriceCents,
      currency: event.data.currency,
      carrierOrderId: null,
      carrierName: null,
      trackingNumbers: [],
      labelEvidenceIds: [],
      priceCents: null,
      requestedBy: event.data.by,
      requestedAt: at.recordedAt,
      bookedAt: null,
      cancellationRefusedReason: null,
      tracking: { status: null, at: null, events: [] },
      deliveredAt: null,
    },
  }),
});
