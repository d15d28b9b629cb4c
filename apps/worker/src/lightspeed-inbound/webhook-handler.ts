import type { LightspeedClient, WebhookJob } from '#lightspeed';
import { newestAnnouncedVersion, shadowVersion, upsertConsignments, upsertProducts, type Database } from '#persistence';
import type { ConsignmentReconciler, ReconcileOutcome } from './consignment-reconciler.js';

export type WebhookOutcome = ReconcileOutcome | 'product-updated' | 'gone' | 'ignored' | 'known';

/**
 * Acts on a webhook. Deliveries are hints (their payloads follow API 1.0 and may be stale or out
 * of order): the object is read again through the 2.0 API and handled as the poller would — unless
 * the shadow already holds the newest version the deliveries announce (a change this service made
 * itself, or one the poller has already brought in): then the read would tell nothing new.
 */
export class WebhookHandler {
  constructor(
    private readonly database: Database,
    private readonly lightspeed: LightspeedClient,
    private readonly reconciler: ConsignmentReconciler,
  ) {}

  /** `upTo`: the deliveries of this object received up to then are the ones this read answers. */
  async handle(job: WebhookJob, upTo: Date): Promise<WebhookOutcome> {
    if (!job.objectId || job.kind === 'unknown') return 'ignored';
    const { kind, objectId } = job;
    if (await this.alreadyKnown(kind, objectId, upTo)) return 'known';
    if (kind === 'consignment') {
      const consignment = await this.lightspeed.getConsignment(objectId);
      if (!consignment) {
        const last = await this.database.withClient((client) => shadowVersion(client, 'consignment', objectId));
        await this.reconciler.reconcileGone(objectId, last ?? 0, 'webhook');
        return 'gone';
      }
      await this.database.withClient((client) => upsertConsignments(client, [consignment]));
      return this.reconciler.reconcile(consignment, 'webhook');
    }
    const product = await this.lightspeed.getProduct(objectId);
    if (!product) return 'gone';
    await this.database.transaction((client) => upsertProducts(client, [product]));
    return 'product-updated';
  }

  private alreadyKnown(kind: 'consignment' | 'product', objectId: string, upTo: Date): Promise<boolean> {
    return this.database.withClient(async (client) => {
      const announced = await newestAnnouncedVersion(client, { type: kind, objectId, upTo });
      if (announced === null) return false;
      const held = await shadowVersion(client, kind, objectId);
      return held !== null && held >= announced;
    });
  }
}
