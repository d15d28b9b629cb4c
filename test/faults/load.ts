import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import type { CommandClient } from './command-client.js';
import type { FaultSystem } from './fault-system.js';

export interface Catalogue {
  outlets: string[];
  products: string[];
}

/** Outlets and stocked products as the sandbox store has them, so the sync can mirror the transfers. */
export async function loadCatalogue(system: FaultSystem): Promise<Catalogue> {
  const outlets = await system.store<{ data: { id: string }[] }>('/api/2.0/outlets');
  const products = await system.store<{ data: { id: string; has_inventory: boolean; is_composite: boolean; active: boolean }[] }>(
    '/api/2.0/products?page_size=200',
  );
  return {
    outlets: outlets.data.map((outlet) => outlet.id),
    products: products.data.filter((p) => p.has_inventory && !p.is_composite && p.active).map((p) => p.id),
  };
}

export interface LifecycleOptions {
  /** Receive it too (a final receipt, one line a unit short as DAMAGED). */
  receive?: boolean;
  lines?: number;
  /**
   * How each id is spelled in each request (paths and bodies); the records keep the canonical
   * id. Default: as generated (lower case).
   */
  spell?: (id: string) => string;
  /** The transfer's id; default a fresh one. */
  id?: string;
}

/**
 * One outlet transfer through create → packed quantities → pack → send (→ receive), stopping at
 * the first step that is not acknowledged. Returns the transfer id.
 */
export async function transferLifecycle(client: CommandClient, catalogue: Catalogue, index: number, options: LifecycleOptions = {}): Promise<string> {
  const id = options.id ?? randomUUID();
  const source = catalogue.outlets[index % catalogue.outlets.length] as string;
  const destination = catalogue.outlets[(index + 1) % catalogue.outlets.length] as string;
  const count = options.lines ?? 2;
  const items = Array.from({ length: count }, (_, line) => ({
    productId: catalogue.products[(index * count + line) % catalogue.products.length] as string,
    quantity: 1 + ((index + line) % 9),
  }));
  const ok = (status: number) => status >= 200 && status < 300;
  const spell = options.spell ?? ((value: string) => value);
  const steps: (() => Promise<{ status: number }>)[] = [
    () =>
      client.command('POST', '/transfers', id, {
        id: spell(id),
        type: 'OUTLET_TRANSFER',
        sourceOutletId: spell(source),
        destinationOutletId: spell(destination),
        items: items.map((item) => ({ ...item, productId: spell(item.productId) })),
      }),
    ...items.map((item) => () => client.command('PUT', `/transfers/${spell(id)}/items/${spell(item.productId)}/packed`, id, { packedQuantity: item.quantity })),
    () => client.command('POST', `/transfers/${spell(id)}/pack`, id),
    () => client.command('POST', `/transfers/${spell(id)}/send`, id),
  ];
  if (options.receive) {
    steps.push(() =>
      client.command('POST', `/transfers/${spell(id)}/receive`, id, {
        // One delivery, one id: every retry of the command repeats it, so it is counted once.
        receiptId: randomUUID(),
        final: true,
        lines: items.map((item, line) =>
          line === 0 && item.quantity > 1
            ? { productId: spell(item.productId), receivedQuantity: item.quantity - 1, reason: 'DAMAGED' }
            : { productId: spell(item.productId), receivedQuantity: item.quantity },
        ),
      }),
    );
  }
  for (const step of steps) {
    if (!ok((await step()).status)) break;
  }
  return id;
}

/** Runs `total` lifecycles, `concurrency` at a time (each lane pausing `pauseMs` between them); `shouldStop` ends it early. */
export async function runLifecycles(
  client: CommandClient,
  catalogue: Catalogue,
  total: number,
  concurrency: number,
  options: LifecycleOptions & { shouldStop?: () => boolean; receiveEvery?: number; pauseMs?: number } = {},
): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const lane = async () => {
    while (next < total && !options.shouldStop?.()) {
      const index = next++;
      const receive = options.receive ?? (options.receiveEvery !== undefined && index % options.receiveEvery === 0);
      ids.push(await transferLifecycle(client, catalogue, index, { ...options, receive }));
      if (options.pauseMs) await sleep(options.pauseMs);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return ids;
}
