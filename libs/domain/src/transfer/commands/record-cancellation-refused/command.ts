import { RECORD_SHIPMENT_ACTION } from '../record-booking/command.js';

/** The carrier would not cancel the order (it is already on its way): the shipment stays booked. */
export interface RecordCancellationRefused {
  type: 'RecordCancellationRefused';
  orderNumber: string;
  reason: string;
}

export const RECORD_CANCELLATION_REFUSED_ACTION = RECORD_SHIPMENT_ACTION;
