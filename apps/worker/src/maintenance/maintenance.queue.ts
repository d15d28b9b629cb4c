export const MAINTENANCE_QUEUE = 'maintenance';
export const PURGE_IDEMPOTENCY_KEYS = 'purge-idempotency-keys';
/** Hourly; Bull keeps one schedule however many workers register it. */
export const PURGE_EVERY_MS = 60 * 60 * 1000;
