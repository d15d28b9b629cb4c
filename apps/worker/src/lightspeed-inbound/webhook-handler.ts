import type { LightspeedClient, WebhookJob } from '#lightspeed';
import { upsertConsignments, upsertProducts, type Database } from '#persistence';
import type { ConsignmentReconciler, ReconcileOutcome } from './consignment-reconciler.js';

export type WebhookOutcome = ReconcileOutcome | 'product-updated' | 'gone' | 'ignored';

/**
 * Acts on a webhook. Deliveries are hints (their payloads follow API 1.0 and may be stale or out
 * of order): the object is read again through the 2.0 API and handled as the poller would.
 */
export class WebhookHandler {
  constructor(
    private readonly database: Database,
    private readonly lightspeed: LightspeedClient,
    private readonly reconciler: ConsignmentReconciler,
  ) {}

  async handle(job: WebhookJob): Promise<WebhookOutcome> {
    if (!job.objectId) return 'ignored';
    if (job.kind === 'consignment') {
      const consignment = await this.lightspeed.getConsignment(job.objectId);
      if (!consignment) return 'gone';
      await this.database.withClient((client) => upsertConsignments(client, [consignment]));
      return this.reconciler.reconcile(consignment, 'webhook');
    }
    if (job.kind === 'product') {
      const product = await this.lightspeed.getProduct(job.objectId);
      if (!product) return 'gone';
      await this.database.withClient((client) => upsertProducts(client, [product]));
      return 'product-updated';
    }
    return 'ignored';
  }
}
