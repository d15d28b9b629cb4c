/** The tracking status enum of the reference (webhooks, `tracking_status`). */
export const TRACKING_STATUSES = [
  'Printed',
  'Dispatched',
  'InTransit',
  'OutForDelivery',
  'Delivered',
  'PickupInStore',
  'AttemptedDelivery',
  'Exception',
  'AwaitingCollection',
  'Cancelled',
] as const;

export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

export function isTrackingStatus(value: unknown): value is TrackingStatus {
  return typeof value === 'string' && (TRACKING_STATUSES as readonly string[]).includes(value);
}

/** After these nothing more happens to a shipment. */
export const FINAL_STATUSES: readonly TrackingStatus[] = ['Delivered', 'Cancelled'];

/** Event `status` is free text, not the enum ("In Transit", "Attempted Delivery"). */
export function eventStatusText(status: TrackingStatus): string {
  return status.replace(/([a-z])([A-Z])/g, '$1 $2');
}

/** `order_status` as /api/track reports it: Printed, then Dispatched once moving, Delivered at the end. */
export function trackedOrderStatus(status: TrackingStatus): string {
  if (status === 'Printed' || status === 'Delivered' || status === 'Cancelled') return status;
  return 'Dispatched';
}
