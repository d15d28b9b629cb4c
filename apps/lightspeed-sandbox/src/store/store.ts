import { notFound } from '../http/api-error.js';
import { createRandom, randomUuid, type Random } from '../shared/prng.js';
import { isoTimestamp } from '../shared/timestamps.js';
import type { ConsignmentRecord, LineRecord, OutletRecord, ProductRecord, SupplierRecord } from './records.js';

/** What the webhooks care about; the store announces them, webhooks/ delivers them. */
export type StoreEvent =
  | { type: 'consignment.send'; consignment: ConsignmentRecord }
  | { type: 'consignment.receive'; consignment: ConsignmentRecord }
  | { type: 'product.update'; product: ProductRecord };

export type StoreListener = (event: StoreEvent) => void;

/**
 * The whole store in memory. One global `version` counter is bumped on every change to any object, so every
 * object carries a unique version and every list can double as an ascending change feed.
 */
export class Store {
  version = 0;
  readonly outlets = new Map<string, OutletRecord>();
  readonly suppliers = new Map<string, SupplierRecord>();
  readonly products = new Map<string, ProductRecord>();
  readonly consignments = new Map<string, ConsignmentRecord>();
  /** consignment id → product id → line (one line per product). */
  readonly lines = new Map<string, Map<string, LineRecord>>();
  private random: Random;
  private readonly listeners = new Set<StoreListener>();

  constructor(
    readonly seed: number,
    readonly clock: () => number,
  ) {
    this.random = createRandom(seed);
  }

  nextVersion(): number {
    this.version += 1;
    return this.version;
  }

  newId(): string {
    return randomUuid(this.random);
  }

  now(): string {
    return isoTimestamp(this.clock());
  }

  /** Marks a row changed: a fresh version and `updated_at`. */
  touch(record: { version: number; updated_at: string }): void {
    record.version = this.nextVersion();
    record.updated_at = this.now();
  }

  clear(): void {
    this.version = 0;
    this.random = createRandom(this.seed);
    this.outlets.clear();
    this.suppliers.clear();
    this.products.clear();
    this.consignments.clear();
    this.lines.clear();
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: StoreEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** A consignment that exists and is not deleted; 404 otherwise. */
  liveConsignment(id: string): ConsignmentRecord {
    const consignment = this.consignments.get(id);
    if (consignment === undefined || consignment.deleted_at !== null) throw notFound();
    return consignment;
  }

  linesOf(consignmentId: string): Map<string, LineRecord> {
    let lines = this.lines.get(consignmentId);
    if (lines === undefined) {
      lines = new Map();
      this.lines.set(consignmentId, lines);
    }
    return lines;
  }

  liveLines(consignmentId: string): LineRecord[] {
    return [...this.linesOf(consignmentId).values()].filter((line) => line.deleted_at === null);
  }
}
