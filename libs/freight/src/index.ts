// Starshipit carrier integration: public surface of the library (imported as "#freight").
// Starshipit's own JSON never leaves this library: mapping/ is internal.
export * from './booking/book-shipment.js';
export type { BookingOptions } from './booking/booking-options.js';
export * from './booking/cancel-shipment.js';
export * from './booking/carrier-address.js';
export * from './booking/order-number.js';
export * from './client/carrier-from-config.js';
export * from './client/starshipit-client.js';
export * from './dto/address.js';
export * from './dto/labels.js';
export * from './dto/order.js';
export * from './dto/parcel.js';
export * from './dto/quote.js';
export * from './dto/tracking.js';
export * from './errors.js';
export type { BackoffOptions } from './http/backoff.js';
export type { CarrierCall, CarrierCallObserver } from './http/carrier-call.js';
export type { StarshipitClientConfig } from './http/request-pipeline.js';
export { TokenBucket, type TokenBucketOptions } from './http/token-bucket.js';
export { trackingStatusFromStarshipit as toTrackingStatus } from './mapping/tracking-status.mapping.js';
export * from './webhooks/signature.js';
export * from './webhooks/tracking-webhook.js';
