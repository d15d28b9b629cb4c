// Lightspeed Retail X-Series integration: public surface of the library (imported as "#lightspeed").
// Lightspeed's own JSON never leaves this library: mapping/ is internal.
export * from './auth/credential-cipher.js';
export type { CredentialRows, EncryptedCredentials, LockedCredentialRows } from './auth/credential-rows.js';
export * from './auth/oauth-token-provider.js';
export * from './auth/token-provider.js';
export * from './client/lightspeed-client.js';
export * from './client/pages-since.js';
export * from './dto/catalogue.js';
export * from './dto/consignment.js';
export * from './dto/page.js';
export * from './errors.js';
export * from './http/lightspeed-call.js';
export type { LightspeedHttpOptions, RetryOptions } from './http/request-pipeline.js';
export { parseRetryAfter } from './http/retry-after.js';
export { DEFAULT_INBOUND_RESERVE_PERCENT, StoreThrottle, storeKey, storeKeyPrefix, type BudgetLane, type BudgetUse, type RateLimit, type StoreThrottleOptions } from './http/store-throttle.js';
export { DEFAULT_USER_AGENT } from './http/user-agent.js';
export * from './idempotency-key.js';
export * from './status-map.js';
export * from './sync/desired-consignment.js';
export * from './sync/next-sync-step.js';
export * from './sync/external-change.js';
export * from './webhooks/coalesced-reads.js';
export * from './webhooks/webhook-delivery.js';
