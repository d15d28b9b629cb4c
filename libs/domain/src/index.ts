export * from './shared/domain-error.js';
export * from './shared/canonical-id.js';
export * from './shared/decider.js';
export * from './shared/money.js';
export * from './shared/quantity.js';
export * from './catalogue/product-code.js';
export * from './box-type/authorize.js';
export * from './box-type/box-type.js';
export * from './box-type/box-type-decider.js';
export * from './box-type/commands.js';
export * from './box-type/decide.js';
export * from './box-type/events.js';
export * from './box-type/evolve.js';
export * from './box-type/upcasters.js';
export * from './box-type/validation.js';
export * from './packing/shapes.js';
export * from './packing/lower-bound.js';
export * from './packing/filling-box.js';
export * from './packing/suggest-packing.js';
export * from './product-dimensions/authorize.js';
export * from './product-dimensions/commands.js';
export * from './product-dimensions/decide.js';
export * from './product-dimensions/events.js';
export * from './product-dimensions/evolve.js';
export * from './product-dimensions/product-dimensions.js';
export * from './product-dimensions/product-dimensions-decider.js';
export * from './product-dimensions/upcasters.js';
export * from './product-dimensions/validation.js';
export * from './shipping-address/authorize.js';
export * from './shipping-address/commands.js';
export * from './shipping-address/country-codes.js';
export * from './shipping-address/decide.js';
export * from './shipping-address/events.js';
export * from './shipping-address/evolve.js';
export * from './shipping-address/shipping-address.js';
export * from './shipping-address/shipping-address-decider.js';
export * from './shipping-address/upcasters.js';
export * from './shipping-address/validation.js';
export * from './transfer/approval-figures.js';
export { BOXED_TYPES, BOXING_STATUSES, MAX_BOX_LABEL_LENGTH, boxedQuantity, type BoxActor, type BoxItem, type BoxTypeSnapshot, type TransferBox } from './transfer/boxes.js';
export {
  DEFAULT_UNRECEIVED_AFTER_HOURS,
  MAX_ORDER_NUMBER_LENGTH,
  TRACKING_STATUSES,
  bookingOrderNumber,
  boxWeightG,
  freightCostCents,
  hoursSince,
  partiesOf,
  readableBookingOrderNumber,
  transferOfOrderNumber,
  unreceivedCutOff,
  type Shipment,
  type ShipmentHistoryEntry,
  type ShipmentStatus,
  type ShipmentTrackingEvent,
  type ShipmentTrackingStatus,
  type TrackingSource,
} from './transfer/shipment.js';
export { CANCELLATION_OUTCOMES, type CancellationOutcome } from './transfer/commands/record-booking-cancelled/command.js';
export * from './transfer/access-policy.js';
export * from './transfer/commands.js';
export { TRANSFER_COMMAND_TYPES } from './transfer/command-registry.js';
export * from './transfer/decide.js';
export * from './transfer/events.js';
export * from './transfer/event-catalogue.js';
export * from './transfer/evolve.js';
export * from './transfer/quantity-limits.js';
export * from './transfer/recorded-deliveries.js';
export * from './transfer/receipt-evidence.js';
export * from './transfer/status.js';
export * from './transfer/totals.js';
export * from './transfer/transfer-line.js';
export * from './transfer/transfer-state.js';
export * from './transfer/transfer-type.js';
export * from './transfer/transition-policy.js';
export * from './transfer/upcasters.js';
export * from './transfer/catalogue-check.js';
export * from './transfer/transfer-authorization.js';
export * from './transfer/transfer-decider.js';
