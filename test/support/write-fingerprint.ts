import { Database } from '#persistence';
import type { ApiFixture } from './api-fixture.js';

/**
 * What a request can have written, summed up: events, read models, audit entries, remembered
 * Idempotency-Key answers, webhook deliveries, evidence, products' dimensions and shipping addresses. Equal before and after means nothing was written.
 */
export function writeFingerprint(api: ApiFixture): Promise<Record<string, string>> {
  return api.app.get(Database).withClient(async (client) => {
    const { rows } = await client.query(`
      SELECT (SELECT count(*) FROM events)::text AS events,
             (SELECT count(*) || '/' || coalesce(sum(version), 0) FROM transfer_read_model) AS transfers,
             (SELECT count(*) FROM audit_trail)::text AS audit,
             (SELECT count(*) || '/' || coalesce(sum(quantity), 0) FROM stock_in_transit) AS "inTransit",
             (SELECT count(*) FROM idempotency_keys)::text AS "idempotencyKeys",
             (SELECT count(*) FROM webhook_deliveries)::text AS "webhookDeliveries",
             (SELECT count(*) FROM evidence)::text AS evidence,
             (SELECT count(*) || '/' || coalesce(sum(version), 0) FROM product_dimensions) AS "productDimensions",
             (SELECT count(*) || '/' || coalesce(sum(version), 0) FROM shipping_addresses) AS "shippingAddresses"`);
    return rows[0] as Record<string, string>;
  });
}
