import {
  pagesSince,
  type LightspeedClient,
  type Page,
  type RemoteConsignment,
  type RemoteOutlet,
  type RemoteProduct,
  type RemoteSupplier,
} from '#lightspeed';
import {
  loadCursor,
  saveCursor,
  upsertConsignments,
  upsertOutlets,
  upsertProducts,
  upsertSuppliers,
  type Database,
  type ShadowResource,
  type SqlClient,
} from '#persistence';
import type { ConsignmentReconciler } from './consignment-reconciler.js';

/** Large pages: every page is a call against the store's shared rate budget. */
export const POLL_PAGE_SIZE = 1000;

export interface PollSummary {
  pages: number;
  changed: Record<ShadowResource, number>;
  divergences: number;
}

/**
 * Pulls what changed in Lightspeed since the last poll, resource by resource, following the
 * version cursor from where it stopped; the shadow tables are upserted and the cursor saved after
 * every page, in one transaction, so a crash resumes at the page it was on. Changed consignments
 * are then reconciled with the transfers they mirror.
 */
export class LightspeedPoller {
  constructor(
    private readonly database: Database,
    private readonly lightspeed: LightspeedClient,
    private readonly reconciler: ConsignmentReconciler,
  ) {}

  async pollOnce(): Promise<PollSummary> {
    const summary: PollSummary = { pages: 0, changed: { outlets: 0, suppliers: 0, products: 0, consignments: 0 }, divergences: 0 };
    const follow = async <T>(
      resource: ShadowResource,
      list: (after: number) => Promise<Page<T>>,
      store: (client: SqlClient, items: T[]) => Promise<unknown>,
      afterPage?: (items: T[]) => Promise<void>,
    ) => {
      const cursor = await this.database.withClient((client) => loadCursor(client, resource));
      for await (const page of pagesSince(({ after }) => list(after), cursor)) {
        summary.pages++;
        summary.changed[resource] += page.items.length;
        await this.database.transaction(async (client) => {
          await store(client, page.items);
          if (page.versionMax !== null) await saveCursor(client, resource, page.versionMax);
        });
        await afterPage?.(page.items);
      }
    };
    await follow<RemoteOutlet>('outlets', (after) => this.lightspeed.listOutlets({ after, pageSize: POLL_PAGE_SIZE, deleted: true }), upsertOutlets);
    await follow<RemoteSupplier>('suppliers', (after) => this.lightspeed.listSuppliers({ after, pageSize: POLL_PAGE_SIZE }), upsertSuppliers);
    await follow<RemoteProduct>('products', (after) => this.lightspeed.listProducts({ after, pageSize: POLL_PAGE_SIZE, deleted: true }), upsertProducts);
    await follow<RemoteConsignment>(
      'consignments',
      (after) => this.lightspeed.listConsignments({ after, pageSize: POLL_PAGE_SIZE, deleted: true }),
      upsertConsignments,
      async (consignments) => {
        for (const consignment of consignments) {
          if ((await this.reconciler.reconcile(consignment, 'poll')) === 'noted') summary.divergences++;
        }
      },
    );
    return summary;
  }
}
