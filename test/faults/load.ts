import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import type { CommandClient } from './command-client.js';
import type { FaultSystem } from './fault-system.js';

export interface Catalogue {
  outlets: string[];
  suppliers: string[];
  products: string[];
}

/** Outlets, suppliers and stocked products as the sandbox store has them, so the sync can mirror the transfers. */
export async function loadCatalogue(system: FaultSystem): Promise<Catalogue> {
  const outlets = await system.store<{ data: { id: string }[] }>('/api/2.0/outlets');
  const suppliers = await system.store<{ data: { id: string }[] }>('/api/2.0/suppliers');
  const products = await system.store<{ data: { id: string; has_inventory: boolean; is_composite: boolean; active: boolean }[] }>(
    '/api/2.0/products?page_size=200',
  );
  return {
    outlets: outlets.data.map((outlet) => outlet.id),
    suppliers: suppliers.data.map((supplier) => supplier.id),
    // Composites are refused by the API (Lightspeed refuses them on consignments).
    products: products.data.filter((p) => p.has_inventory && !p.is_composite && p.active).map((p) => p.id),
  };
}

export const TRANSFER_KINDS = ['OUTLET_TRANSFER', 'PURCHASE_ORDER', 'SUPPLIER_RETURN', 'STOCKTAKE'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

/**
 * Who drives the load: a manager does everything one person may do; a second manager approves
 * (supplier returns, some purchase orders, stocktakes sent for review), since nobody approves
 * what they submitted themselves.
 */
export interface Crew {
  manager: CommandClient;
  approver: CommandClient;
}

export interface LifecycleOptions {
  /**
   * Take it to its end: an outlet transfer or purchase order finally received (one line a unit
   * short as DAMAGED). Returns and stocktakes always go to their end (sent, completed).
   */
  receive?: boolean;
  lines?: number;
  /** The transfer's id; default a new UUID. */
  id?: string;
  /** The types to cycle through, by index; default all four. */
  kinds?: readonly TransferKind[];
  /**
   * How each id is spelled in each request (paths and bodies); the records keep the canonical
   * id. Default: as generated (lower case).
   */
  spell?: (id: string) => string;
}

type Step = () => Promise<{ status: number }>;

interface Plan {
  id: string;
  items: { productId: string; quantity: number }[];
  spell: (id: string) => string;
  /** Cycles with the index: some purchase orders and stocktakes take the approval path. */
  index: number;
}

const ok = (status: number) => status >= 200 && status < 300;

/** The kind of transfer the `index`-th lifecycle drives. */
export function kindOf(index: number, kinds: readonly TransferKind[] = TRANSFER_KINDS): TransferKind {
  return kinds[index % kinds.length] as TransferKind;
}

/**
 * One transfer of the index's kind through its life, stopping at the first step that is not
 * acknowledged. Returns the transfer id.
 * - outlet transfer: create → packed quantities → pack → send (→ final receipt);
 * - purchase order: create (→ submit → approve, every other one) → send → a partial receipt
 *   (→ the final receipt of the rest);
 * - supplier return: create → submit → approve → send;
 * - stocktake: create → a count per line → complete (every other one: submit → approve).
 */
export async function lifecycle(crew: Crew, catalogue: Catalogue, index: number, options: LifecycleOptions = {}): Promise<string> {
  const kind = kindOf(index, options.kinds);
  const count = options.lines ?? 2;
  const plan: Plan = {
    id: options.id ?? randomUUID(),
    index,
    spell: options.spell ?? ((value: string) => value),
    items: Array.from({ length: count }, (_, line) => ({
      productId: catalogue.products[(index * count + line) % catalogue.products.length] as string,
      quantity: 1 + ((index + line) % 9),
    })),
  };
  const steps = STEPS[kind](crew, catalogue, plan, options.receive ?? false);
  for (const step of steps) {
    if (!ok((await step()).status)) break;
  }
  return plan.id;
}

const STEPS: Record<TransferKind, (crew: Crew, catalogue: Catalogue, plan: Plan, receive: boolean) => Step[]> = {
  OUTLET_TRANSFER: ({ manager }, catalogue, { id, items, spell, index }, receive) => [
    () =>
      manager.command('POST', '/transfers', id, {
        id: spell(id),
        type: 'OUTLET_TRANSFER',
        sourceOutletId: spell(outlet(catalogue, index)),
        destinationOutletId: spell(outlet(catalogue, index + 1)),
        items: items.map((item) => ({ ...item, productId: spell(item.productId) })),
      }),
    ...items.map((item) => () => manager.command('PUT', `/transfers/${spell(id)}/items/${spell(item.productId)}/packed`, id, { packedQuantity: item.quantity })),
    () => manager.command('POST', `/transfers/${spell(id)}/pack`, id),
    () => manager.command('POST', `/transfers/${spell(id)}/send`, id),
    ...(receive ? [finalReceipt(manager, id, spell, items)] : []),
  ],
  PURCHASE_ORDER: ({ manager, approver }, catalogue, { id, items, spell, index }, receive) => {
    // Received in two deliveries: about half of each line first, the rest (one line a unit short) last.
    const first = items.map((item) => ({ productId: item.productId, quantity: Math.ceil(item.quantity / 2) }));
    const rest = items.map((item, line) => ({ productId: item.productId, quantity: item.quantity - (first[line]?.quantity ?? 0) }));
    const approval = index % 8 < 4;
    return [
      () =>
        manager.command('POST', '/transfers', id, {
          id: spell(id),
          type: 'PURCHASE_ORDER',
          supplierId: spell(supplier(catalogue, index)),
          destinationOutletId: spell(outlet(catalogue, index)),
          items: items.map((item, line) => ({ ...item, productId: spell(item.productId), unitCost: `${1 + line}.25` })),
        }),
      ...(approval
        ? [() => manager.command('POST', `/transfers/${spell(id)}/submit`, id), () => approver.command('POST', `/transfers/${spell(id)}/approve`, id)]
        : []),
      () => manager.command('POST', `/transfers/${spell(id)}/send`, id),
      () =>
        manager.command('POST', `/transfers/${spell(id)}/receive`, id, {
          receiptId: randomUUID(),
          final: false,
          lines: first.map((line) => ({ productId: spell(line.productId), receivedQuantity: line.quantity })),
        }),
      ...(receive ? [finalReceipt(manager, id, spell, rest)] : []),
    ];
  },
  SUPPLIER_RETURN: ({ manager, approver }, catalogue, { id, items, spell, index }) => [
    () =>
      manager.command('POST', '/transfers', id, {
        id: spell(id),
        type: 'SUPPLIER_RETURN',
        sourceOutletId: spell(outlet(catalogue, index)),
        supplierId: spell(supplier(catalogue, index)),
        items: items.map((item) => ({ ...item, productId: spell(item.productId) })),
      }),
    () => manager.command('POST', `/transfers/${spell(id)}/submit`, id),
    () => approver.command('POST', `/transfers/${spell(id)}/approve`, id),
    () => manager.command('POST', `/transfers/${spell(id)}/send`, id),
  ],
  STOCKTAKE: ({ manager, approver }, catalogue, { id, items, spell, index }) => {
    const review = index % 8 < 4;
    return [
      () =>
        manager.command('POST', '/transfers', id, {
          id: spell(id),
          type: 'STOCKTAKE',
          outletId: spell(outlet(catalogue, index)),
          items: items.map((item) => ({ ...item, productId: spell(item.productId), unitCost: '1.50' })),
        }),
      // Counted: one line as expected, the others a unit or two off (well under the review threshold).
      ...items.map(
        (item, line) => () =>
          manager.command('PUT', `/transfers/${spell(id)}/items/${spell(item.productId)}/counted`, id, {
            countedQuantity: Math.max(0, item.quantity + (line === 0 ? 0 : line % 2 ? -1 : 2)),
          }),
      ),
      ...(review
        ? [() => manager.command('POST', `/transfers/${spell(id)}/submit`, id), () => approver.command('POST', `/transfers/${spell(id)}/approve`, id)]
        : [() => manager.command('POST', `/transfers/${spell(id)}/complete`, id)]),
    ];
  },
};

const outlet = (catalogue: Catalogue, index: number) => catalogue.outlets[index % catalogue.outlets.length] as string;
const supplier = (catalogue: Catalogue, index: number) => catalogue.suppliers[index % catalogue.suppliers.length] as string;

/**
 * The last delivery: `quantities` per line (lines with nothing left to come left out), the first
 * line that has more than one unit coming arriving a unit short as DAMAGED. One delivery, one id: every retry of the command repeats
 * it, so it is counted once.
 */
function finalReceipt(
  manager: CommandClient,
  id: string,
  spell: (id: string) => string,
  quantities: { productId: string; quantity: number }[],
): Step {
  const arriving = quantities.filter((line) => line.quantity > 0);
  const short = arriving.findIndex((line) => line.quantity > 1);
  return () =>
    manager.command('POST', `/transfers/${spell(id)}/receive`, id, {
      receiptId: randomUUID(),
      final: true,
      lines: arriving.map((line, index) =>
        index === short
          ? { productId: spell(line.productId), receivedQuantity: line.quantity - 1, reason: 'DAMAGED' }
          : { productId: spell(line.productId), receivedQuantity: line.quantity },
      ),
    });
}

/**
 * Runs `total` lifecycles, `concurrency` at a time (each lane pausing `pauseMs` between them);
 * `shouldStop` ends it early. With `receiveEvery` the lifecycles whose index is a multiple of it
 * are taken to their end.
 */
export async function runLifecycles(
  crew: Crew,
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
      // Index / kinds: within each kind, every receiveEvery-th one is received (not only one kind).
      const round = Math.floor(index / (options.kinds ?? TRANSFER_KINDS).length);
      const receive = options.receive ?? (options.receiveEvery !== undefined && round % options.receiveEvery === 0);
      ids.push(await lifecycle(crew, catalogue, index, { ...options, receive }));
      if (options.pauseMs) await sleep(options.pauseMs);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return ids;
}
